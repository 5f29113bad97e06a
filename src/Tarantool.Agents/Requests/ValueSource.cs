namespace Tarantool.Agents.Requests;

/// <summary>Where a resolved request field came from: precedence is flag, then text, then the model's reading, then default.</summary>
public enum ValueSource
{
    Flag,
    Text,
    Default,

    /// <summary>A model's reading of the description, for a field the rules could not read (with a real provider only).</summary>
    Model,
}
