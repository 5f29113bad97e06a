namespace Tarantool.Agents.Requests;

/// <summary>Where a resolved request field came from: precedence is flag, then text, then default.</summary>
public enum ValueSource
{
    Flag,
    Text,
    Default,
}
