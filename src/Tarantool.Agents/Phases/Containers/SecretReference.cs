using System.ComponentModel;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>
/// A secret an instance reads, by reference only: which Kubernetes Secret key (or Compose/systemd variable) provides
/// it and how Tarantool receives it. The value is never part of the plan or of any rendered file.
/// </summary>
public sealed record SecretReference
{
    [Description("The config.context entry (3.x) or logical name, e.g. replicator_password.")]
    public required string ContextName { get; init; }

    [Description("Kubernetes Secret name, e.g. orders-credentials.")]
    public required string SecretName { get; init; }

    [Description("Key inside the Secret, e.g. replicator-password.")]
    public required string SecretKey { get; init; }

    [Description("Environment variable the instance reads (e.g. TT_REPLICATOR_PASSWORD); empty when delivered as a file.")]
    public required string EnvVar { get; init; }

    [Description("Absolute file path the instance reads when from: file; empty when delivered as a variable.")]
    public required string FilePath { get; init; }
}
