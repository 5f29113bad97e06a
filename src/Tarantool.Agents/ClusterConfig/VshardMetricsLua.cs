namespace Tarantool.Agents.ClusterConfig;

/// <summary>
/// A metrics-module callback that exports vshard's own health figures as Prometheus gauges, for sharded designs.
/// Neither tarantool/metrics (metrics/tarantool/*.lua, metrics/cartridge/*.lua) nor tarantool/grafana-dashboard
/// exports vshard state, so the figures are read where vshard publishes them: <c>vshard.storage.info()</c>
/// (<c>bucket.{active,pinned,sending,receiving,garbage,total}</c>, <c>status</c> 0–3 and, with
/// <c>with_services</c>, the <c>rebalancer</c>/<c>recovery</c>/<c>gc</c> service status; vshard/storage/init.lua,
/// <c>storage_info</c>, and vshard/service_info.lua) and <c>vshard.router.info()</c>
/// (<c>bucket.{available_rw,available_ro,unreachable,unknown}</c>, <c>status</c>; vshard/router/init.lua,
/// <c>router_info</c>). The gauge names are this bundle's (<see cref="Metrics"/>), labelled with vshard's own field
/// names. The same Lua runs as the Tarantool 3 application role <see cref="RoleName"/>, inside the 2.11 init.lua
/// and inside the Cartridge init.lua, so every form exports the same series.
/// </summary>
public static class VshardMetricsLua
{
    /// <summary>The application role (Tarantool 3 config <c>roles:</c>) that registers the callback.</summary>
    public const string RoleName = "app.roles.vshard_metrics";

    /// <summary>Where the role lives inside the application directory (<c>tarantool/</c> in the bundle).</summary>
    public const string FilePath = "app/roles/vshard_metrics.lua";

    /// <summary>Buckets on this storage by vshard state (label <c>state</c>).</summary>
    public const string StorageBuckets = "tnt_vshard_storage_buckets";

    /// <summary>vshard.storage.info().status: 0 green, 1 yellow, 2 orange, 3 red.</summary>
    public const string StorageStatus = "tnt_vshard_storage_status";

    /// <summary>1 while a storage background service (label <c>service</c>: rebalancer, recovery, gc) reports an error.</summary>
    public const string ServiceError = "tnt_vshard_storage_service_error";

    /// <summary>Buckets as this router sees them (label <c>state</c>: available_rw, available_ro, unreachable, unknown).</summary>
    public const string RouterBuckets = "tnt_vshard_router_buckets";

    /// <summary>vshard.router.info().status: 0 green … 3 red.</summary>
    public const string RouterStatus = "tnt_vshard_router_status";

    public static IReadOnlyList<string> Metrics { get; } = [StorageBuckets, StorageStatus, ServiceError, RouterBuckets, RouterStatus];

    /// <summary>The bucket states exported per storage, as vshard.storage.info().bucket names them (active includes pinned).</summary>
    public static IReadOnlyList<string> StorageStates { get; } = ["active", "pinned", "sending", "receiving", "garbage", "total"];

    /// <summary>A Lua chunk defining <c>local function vshard_metrics_collect()</c>; register it with
    /// <c>metrics.register_callback</c>. Every call is guarded: an instance that is not (yet) a configured storage or
    /// router exports nothing instead of failing the scrape.</summary>
    public static string CollectFunction() => $$"""
        -- vshard state as Prometheus gauges, read from vshard.storage.info() / vshard.router.info() on every scrape.
        local function vshard_metrics_collect()
            local metrics = require('metrics')
            local ok, vshard = pcall(require, 'vshard')
            if not ok then
                return
            end
            local ok_storage, storage = pcall(vshard.storage.info, {with_services = true})
            if ok_storage and type(storage) == 'table' and type(storage.bucket) == 'table' then
                local buckets = metrics.gauge('{{StorageBuckets}}', 'vshard buckets on this storage by state (vshard.storage.info().bucket)')
                for _, state in ipairs({ {{string.Join(", ", StorageStates.Select(s => $"'{s}'"))}} }) do
                    local count = storage.bucket[state]
                    if type(count) == 'number' then
                        buckets:set(count, {state = state})
                    end
                end
                metrics.gauge('{{StorageStatus}}', 'vshard.storage.info().status: 0 green, 1 yellow, 2 orange, 3 red'):set(storage.status)
                -- The rebalancer service exists only on the master of the rebalancer's replicaset; a service that
                -- moved away stops reporting instead of keeping its last value.
                local service_error = metrics.gauge('{{ServiceError}}', '1 while a vshard storage service reports an error (info({with_services = true}).services)')
                for _, name in ipairs({'rebalancer', 'recovery', 'gc'}) do
                    local service = type(storage.services) == 'table' and storage.services[name] or nil
                    if type(service) == 'table' then
                        service_error:set(service.status == 'error' and 1 or 0, {service = name})
                    else
                        pcall(service_error.remove, service_error, {service = name})
                    end
                end
            end
            -- The static router (Tarantool 3 config, 2.11 vshard.router.cfg); Cartridge keeps its own.
            local router = vshard.router.static
            local ok_cartridge, cartridge_router = pcall(require, 'cartridge.roles.vshard-router')
            if router == nil and ok_cartridge and type(cartridge_router.get) == 'function' then
                router = cartridge_router.get()
            end
            if router ~= nil then
                local ok_router, info = pcall(router.info, router)
                if ok_router and type(info) == 'table' and type(info.bucket) == 'table' then
                    local buckets = metrics.gauge('{{RouterBuckets}}', 'buckets as this router sees them (vshard.router.info().bucket)')
                    for _, state in ipairs({'available_rw', 'available_ro', 'unreachable', 'unknown'}) do
                        -- unknown is the string '???' when the router's bucket_count differs from the storages'
                        -- (status is red then).
                        local count = info.bucket[state]
                        if type(count) == 'number' then
                            buckets:set(count, {state = state})
                        end
                    end
                    metrics.gauge('{{RouterStatus}}', 'vshard.router.info().status: 0 green, 1 yellow, 2 orange, 3 red'):set(info.status)
                end
            end
        end

        """;

    /// <summary><c>app/roles/vshard_metrics.lua</c>: the Tarantool 3 application role. It only registers the callback;
    /// the metrics role (roles.metrics-export or app.roles.metrics) serves it, because the Prometheus handler invokes
    /// registered callbacks before every collection (metrics/plugins/prometheus.lua).</summary>
    public static string RenderRole() => $$"""
        -- Application role {{RoleName}}: vshard bucket, service and router gauges for Prometheus.
        -- No roles_cfg: it registers a metrics callback on every instance; storages and routers export what they are.
        {{CollectFunction().TrimEnd()}}

        return {
            validate = function() end,
            apply = function()
                require('metrics').register_callback(vshard_metrics_collect)
            end,
            stop = function()
                require('metrics').unregister_callback(vshard_metrics_collect)
            end,
        }

        """;
}
