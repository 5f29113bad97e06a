namespace Tarantool.Agents.Server.Runs;

/// <summary>Model calls and tokens a phase used.</summary>
public sealed record RunUsage(int Calls, long InputTokens, long OutputTokens)
{
    public static readonly RunUsage None = new(0, 0, 0);
}
