namespace Tarantool.Agents.Configuration;

/// <summary>Settings that cannot work; every problem is listed.</summary>
public sealed class OptionsValidationException(IReadOnlyList<string> errors) : Exception(string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
