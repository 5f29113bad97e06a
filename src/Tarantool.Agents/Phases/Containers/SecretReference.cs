namespace Tarantool.Agents.Phases.Containers;

/// <summary>
/// A secret an instance reads, by reference only: which Kubernetes Secret key (or Compose/systemd variable) provides
/// it and how Tarantool receives it. The value is never part of the plan or of any rendered file.
/// </summary>
public sealed record SecretReference
{
    /// <summary>The <c>config.context</c> entry (3.x) or logical name, e.g. <c>replicator_password</c>.</summary>
    public required string ContextName { get; init; }

    /// <summary>Kubernetes Secret name, e.g. <c>orders-credentials</c>.</summary>
    public required string SecretName { get; init; }

    /// <summary>Key inside the Secret, e.g. <c>replicator-password</c>.</summary>
    public required string SecretKey { get; init; }

    /// <summary>Environment variable the instance reads (e.g. <c>TT_REPLICATOR_PASSWORD</c>); empty when delivered as a file.</summary>
    public required string EnvVar { get; init; }

    /// <summary>Absolute file path the instance reads when <c>from: file</c>; empty when delivered as a variable.</summary>
    public required string FilePath { get; init; }
}
