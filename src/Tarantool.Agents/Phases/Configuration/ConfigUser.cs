using System.ComponentModel;

namespace Tarantool.Agents.Phases.Configuration;

public sealed record ConfigUser(
    [property: Description("User name, e.g. replicator.")] string Name,
    [property: Description("The config.context entry holding the password (never the password).")] string PasswordContext,
    [property: Description("Built-in or custom roles granted, e.g. replication, sharding.")] IReadOnlyList<string> Roles,
    [property: Description("Extra privileges beyond the roles.")] IReadOnlyList<ConfigPrivilege> Privileges,
    [property: Description("Why the user exists.")] string Purpose);
