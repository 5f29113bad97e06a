namespace Tarantool.Agents.Phases;

/// <summary>One finding of a validator. Errors make an answer invalid; warnings are reported in bundle.json.</summary>
/// <param name="Code">A stable identifier such as <c>config.memtx-memory-mismatch</c>.</param>
/// <param name="Message">What is wrong and what to change, in English (it is fed back to the model).</param>
/// <param name="Path">Where: a JSON path in the output, a file path, or a narrative section.</param>
public sealed record ValidationIssue(ValidationSeverity Severity, string Code, string Message, string? Path = null)
{
    public static ValidationIssue Error(string code, string message, string? path = null) => new(ValidationSeverity.Error, code, message, path);
    public static ValidationIssue Warning(string code, string message, string? path = null) => new(ValidationSeverity.Warning, code, message, path);

    public override string ToString() => Path is null ? $"{Code}: {Message}" : $"{Code} at {Path}: {Message}";
}

public enum ValidationSeverity
{
    Error,
    Warning,
}
