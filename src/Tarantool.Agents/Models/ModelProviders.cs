namespace Tarantool.Agents.Models;

/// <summary>Names of the model providers.</summary>
public static class ModelProviders
{
    public const string Offline = "offline";
    public const string OpenAI = "openai";
    public const string AzureOpenAI = "azure-openai";
    public const string Ollama = "ollama";
    public const string OpenAICompatible = "openai-compatible";

    /// <summary>The model id of the embedded expert, locally and over HTTP.</summary>
    public const string ExpertModelId = "tarantool-expert";

    public static readonly IReadOnlyList<string> All = [Offline, OpenAI, AzureOpenAI, Ollama, OpenAICompatible];
}
