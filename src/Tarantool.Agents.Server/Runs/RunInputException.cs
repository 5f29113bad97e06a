namespace Tarantool.Agents.Server.Runs;

/// <summary>Bad input for a run: the field it is about and what to change. Nothing was created.</summary>
public sealed class RunInputException(string field, string message) : Exception(message)
{
    /// <summary>The request key at fault (<c>cluster-type</c>, <c>description</c>, <c>reuse-from</c>, ...).</summary>
    public string Field { get; } = field;
}
