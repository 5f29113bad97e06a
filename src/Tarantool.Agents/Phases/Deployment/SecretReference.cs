namespace Tarantool.Agents.Phases.Deployment;

/// <summary>A secret the deployment passes to Tarantool, by reference only.</summary>
/// <param name="Variable">The environment variable Tarantool reads, e.g. <c>TT_REPLICATOR_PASSWORD</c>.</param>
/// <param name="Source">Where its value comes from, e.g. <c>ansible-vault: vault_tt_replicator_password</c> or
/// <c>kubernetes-secret: orders-credentials/replicator-password</c>; never the value.</param>
/// <param name="Purpose">What it protects.</param>
public sealed record SecretReference(string Variable, string Source, string Purpose);
