namespace Tarantool.Agents.Phases.Configuration;

/// <param name="Name">The config.context name, e.g. <c>replicator_password</c>.</param>
/// <param name="From"><c>env</c> or <c>file</c>.</param>
/// <param name="Source">The environment variable (e.g. <c>TT_REPLICATOR_PASSWORD</c>) or the file path.</param>
public sealed record ConfigContextVariable(string Name, string From, string Source);
