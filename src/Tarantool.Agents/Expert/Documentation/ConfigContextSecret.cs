namespace Tarantool.Agents.Expert.Documentation;

/// <summary>A <c>config.context</c> entry of config.yaml that holds a secret.</summary>
/// <param name="Name">The context name, e.g. <c>replicator_password</c>.</param>
/// <param name="From"><c>env</c> or <c>file</c>.</param>
/// <param name="Source">The environment variable or the file path.</param>
internal sealed record ConfigContextSecret(string Name, string From, string Source);
