using System.ComponentModel;

namespace Tarantool.Agents.Phases.Deployment;

/// <summary>A secret the deployment passes to Tarantool, by reference only.</summary>
public sealed record SecretReference(
    [property: Description("The environment variable Tarantool reads, e.g. TT_REPLICATOR_PASSWORD.")] string Variable,
    [property: Description("Where its value comes from, e.g. ansible-vault: vault_tt_replicator_password or kubernetes-secret: orders-credentials/replicator-password; never the value.")] string Source,
    [property: Description("What it protects.")] string Purpose);
