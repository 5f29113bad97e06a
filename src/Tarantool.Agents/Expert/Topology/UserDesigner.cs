using Tarantool.Agents.Expert.CapacityPlanning;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.Topology;

/// <summary>
/// The users of the cluster, each with the least privilege it needs; passwords live in config.context entries
/// (loaded from environment variables or files), never in the topology.
/// </summary>
internal static class UserDesigner
{
    public static IReadOnlyList<ClusterUser> Users(ClusterRequest request, IReadOnlyList<Replicaset> replicasets, Language language)
    {
        var users = new List<ClusterUser>();
        var cartridge = ClusterShape.IsCartridge(request);
        if (!cartridge && replicasets.Any(r => r.Instances.Count > 1))
            users.Add(new ClusterUser("replicator", ["replication"], "replicator_password", language.Pick(
                "replicas connect to their upstream as this user (iproto.advertise.peer); role 'replication' only",
                "реплики подключаются к источнику под этим пользователем (iproto.advertise.peer); только роль 'replication'")));
        if (!cartridge && ClusterShape.UsesVshard(request))
            users.Add(request.IsDeclarativeConfig
                ? new ClusterUser("storage", ["sharding"], "storage_password", language.Pick(
                    "routers and storages talk vshard as this user (iproto.advertise.sharding); role 'sharding' only",
                    "роутеры и хранилища общаются по протоколу vshard под этим пользователем (iproto.advertise.sharding); только роль 'sharding'"))
                // 2.11 has no 'sharding' role: the user in vshard's replica URIs needs 'replication', and
                // vshard.storage.cfg grants it execute on the vshard functions.
                : new ClusterUser("storage", ["replication"], "storage_password", language.Pick(
                    "the user in vshard's replica URIs; Tarantool 2.11 has no 'sharding' role, so it gets 'replication' and vshard grants it its functions",
                    "пользователь в URI реплик vshard; в Tarantool 2.11 нет роли 'sharding', поэтому он получает 'replication', а vshard выдаёт ему права на свои функции")));
        users.Add(new ClusterUser("app", ["app"], "app_password", language.Pick(
            ClusterShape.UsesVshard(request)
                ? "the application's login on the routers; the config grants it execute on the global Lua functions of the API only (lua_call: all; no DDL, no super)"
                : "the application's login; the config grants it read/write on the data (the universe until the schema exists, then narrow it to its spaces) and execute on its global Lua functions (lua_call: all); no DDL, no super",
            ClusterShape.UsesVshard(request)
                ? "логин приложения на роутерах; конфигурация даёт ему только execute на глобальные Lua-функции API (lua_call: all; без DDL и super)"
                : "логин приложения; конфигурация даёт ему read/write на данные (на universe, пока нет схемы, затем сузьте до его спейсов) и execute на его глобальные Lua-функции (lua_call: all); без DDL и super")));
        return users;
    }
}
