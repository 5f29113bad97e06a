namespace Tarantool.Agents.Phases;

/// <summary>A file of the bundle, rendered deterministically from typed outputs.</summary>
/// <param name="Path">Relative to the bundle root, with forward slashes.</param>
/// <param name="Kind">What the file is, e.g. <c>tarantool-config</c>, <c>narrative</c>, <c>shell-script</c>.</param>
/// <param name="Content">The file's text; always ends with a newline.</param>
public sealed record BundleFile(string Path, string Kind, string Content)
{
    /// <summary>True for files that must be executable (scripts).</summary>
    public bool Executable { get; init; }
}
