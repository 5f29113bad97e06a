namespace Tarantool.Agents.Expert.Documentation;

/// <summary>A secret Tarantool needs: the environment variable, the config.context name, the user it protects and,
/// when config.yaml reads it from a file, that file.</summary>
internal sealed record ClusterSecret(string Variable, string ContextName, string User, string? File);
