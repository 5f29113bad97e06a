using Tarantool.Agents.Phases.Configuration;
using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.Expert.Configuration;

/// <summary>
/// Turns the topology's users into config users with least-privilege grants, and every password secret into a
/// config.context entry read from the environment (<c>replicator_password</c> ← <c>TT_REPLICATOR_PASSWORD</c>).
/// </summary>
internal static class CredentialsDesigner
{
    public static IReadOnlyList<ConfigUser> Users(ClusterTopology topology, bool sharded)
    {
        var users = new List<ConfigUser>();
        foreach (var user in topology.Users)
        {
            var context = ContextName(user);
            users.Add(user.Name switch
            {
                "replicator" => new ConfigUser(user.Name, context, ["replication"], [], user.Purpose),
                "storage" => new ConfigUser(user.Name, context, ["sharding"], [], user.Purpose),
                "app" => new ConfigUser(user.Name, context, [], AppPrivileges(sharded), user.Purpose),
                "monitor" => new ConfigUser(user.Name, context, [], [new ConfigPrivilege(["read"], true, [], [])], user.Purpose),
                _ => new ConfigUser(user.Name, context, [.. user.Roles.Where(BuiltInRole)], [], user.Purpose),
            });
        }
        if (users.All(u => !u.Roles.Contains("replication")))
            users.Insert(0, new ConfigUser("replicator", "replicator_password", ["replication"], [], "Replication between the members of a replicaset."));
        if (sharded && users.All(u => !u.Roles.Contains("sharding")))
            users.Insert(1, new ConfigUser("storage", "storage_password", ["sharding"], [], "Router and rebalancer connections to storages."));
        return users;
    }

    public static IReadOnlyList<ConfigContextVariable> Context(IEnumerable<ConfigUser> users) =>
        [.. users.Select(u => u.PasswordContext).Distinct().Select(name => new ConfigContextVariable(name, "env", "TT_" + name.ToUpperInvariant()))];

    /// <summary>
    /// The application user reads and writes data and calls the application's global functions. The data model is
    /// not known at this stage, so data access is granted on the universe; narrowing it to <c>spaces: [...]</c>
    /// once the schema exists is stated in the narrative.
    /// </summary>
    private static IReadOnlyList<ConfigPrivilege> AppPrivileges(bool sharded) => sharded
        ? [new ConfigPrivilege(["execute"], false, [], ["all"])]
        : [new ConfigPrivilege(["read", "write"], true, [], []), new ConfigPrivilege(["execute"], false, [], ["all"])];

    private static string ContextName(ClusterUser user) =>
        string.IsNullOrWhiteSpace(user.PasswordSecret) ? $"{user.Name}_password" : user.PasswordSecret.Trim().ToLowerInvariant();

    private static bool BuiltInRole(string role) => role is "replication" or "sharding" or "super" or "public";
}
