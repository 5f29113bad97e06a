namespace Tarantool.Agents.Phases.Configuration;

/// <param name="Name">User name, e.g. <c>replicator</c>.</param>
/// <param name="PasswordContext">The config.context entry holding the password (never the password).</param>
/// <param name="Roles">Built-in or custom roles granted, e.g. <c>replication</c>, <c>sharding</c>.</param>
/// <param name="Privileges">Extra privileges beyond the roles.</param>
/// <param name="Purpose">Why the user exists.</param>
public sealed record ConfigUser(string Name, string PasswordContext, IReadOnlyList<string> Roles, IReadOnlyList<ConfigPrivilege> Privileges, string Purpose);
