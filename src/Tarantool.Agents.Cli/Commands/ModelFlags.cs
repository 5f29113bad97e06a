using System.CommandLine;
using Tarantool.Agents.Cli.Input;
using Tarantool.Agents.Configuration;
using Tarantool.Agents.Models;

namespace Tarantool.Agents.Cli.Commands;

/// <summary>--provider, --endpoint and --model: command-line overrides of the Model settings.</summary>
internal sealed class ModelFlags
{
    public Option<string> Provider { get; } = new("--provider") { Description = $"Model provider: {string.Join(" | ", ModelProviders.All)} (default offline: the embedded expert)." };
    public Option<string> Endpoint { get; } = new("--endpoint") { Description = "Base URL of the model endpoint (OpenAI-compatible, Azure OpenAI or Ollama)." };
    public Option<string> Model { get; } = new("--model") { Description = "Model id (the deployment name on Azure OpenAI)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Provider);
        command.Options.Add(Endpoint);
        command.Options.Add(Model);
    }

    /// <summary>Loads and validates the model settings; bad settings are the user's input (exit 2).</summary>
    public ModelOptions Load(ParseResult parse, string assetRoot, IReadOnlyDictionary<string, string?> settings)
    {
        var overrides = new Dictionary<string, string?>(settings)
        {
            ["Model:Provider"] = parse.GetValue(Provider),
            ["Model:Endpoint"] = parse.GetValue(Endpoint),
            ["Model:Model"] = parse.GetValue(Model),
        };
        try
        {
            return ProductConfiguration.ModelOptions(ProductConfiguration.Build(assetRoot, overrides));
        }
        catch (OptionsValidationException e)
        {
            throw new UserInputException(string.Join(Environment.NewLine, e.Errors));
        }
        catch (InvalidOperationException e)
        {
            throw new UserInputException($"The settings cannot be read: {e.Message}");
        }
    }
}
