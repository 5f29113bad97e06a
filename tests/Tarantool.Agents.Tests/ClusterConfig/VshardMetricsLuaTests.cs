using Tarantool.Agents.ClusterConfig;
using Tarantool.Agents.Tests.Support;

namespace Tarantool.Agents.Tests.ClusterConfig;

/// <summary>
/// The vshard collector run by a real tarantool against stand-ins of the metrics module and of vshard with the shapes
/// vshard.storage.info({with_services = true}) and vshard.router.info() return (vshard/storage/init.lua storage_info,
/// vshard/router/init.lua router_info): the gauges Prometheus would scrape.
/// </summary>
public sealed class VshardMetricsLuaTests
{
    private const string Stubs = """
        local json = require('json')
        local function key(labels)
            -- json encodes an empty table as an array; the metrics module's own key for no labels is empty too.
            if labels == nil or next(labels) == nil then return '{}' end
            return json.encode(labels)
        end
        local gauges = {}
        local callbacks = {}
        package.preload['metrics'] = function()
            return {
                gauge = function(name)
                    if gauges[name] == nil then
                        local g = {values = {}}
                        function g:set(value, labels) self.values[key(labels)] = value end
                        function g:remove(labels) self.values[key(labels)] = nil end
                        gauges[name] = g
                    end
                    return gauges[name]
                end,
                register_callback = function(f) callbacks[f] = true end,
                unregister_callback = function(f) callbacks[f] = nil end,
            }
        end
        local function collect()
            for f in pairs(callbacks) do f() end
            local lines = {}
            for name, g in pairs(gauges) do
                for labels, value in pairs(g.values) do table.insert(lines, name .. ' ' .. labels .. ' ' .. tostring(value)) end
            end
            table.sort(lines)
            return lines
        end
        """;

    private static IReadOnlyList<string> Run(string vshardStub, string scenario)
    {
        using var temp = new TempDirectory();
        var role = temp.Combine("vshard_metrics.lua");
        File.WriteAllText(role, VshardMetricsLua.RenderRole());
        var script = temp.Combine("run.lua");
        File.WriteAllText(script, Stubs + "\n" + $"package.preload['vshard'] = function()\n{vshardStub}\nend\n" +
            $"local role = dofile('{role}')\nrole.validate({{}})\nrole.apply({{}})\n{scenario}\nos.exit(0)\n");
        var (code, output) = ExternalTool.Run("tarantool", [script]);
        Assert.True(code == 0, output);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private const string Storage = """
        return {
            storage = {info = function(opts)
                assert(opts and opts.with_services, 'services are asked for')
                return {status = 2, alerts = {}, bucket = {active = 990, pinned = 4, sending = 1, receiving = 0, garbage = 3, total = 994, lock = true},
                        services = {rebalancer = {status = 'error', error = 'Replica storage-002 has receiving buckets'}, gc = {status = 'ok'}}}
            end},
            router = {},
        }
        """;

    [ToolFact("tarantool")]
    public void A_storage_exports_its_bucket_states_status_and_service_errors()
    {
        var lines = Run(Storage, "for _, l in ipairs(collect()) do print(l) end");
        Assert.Contains("""tnt_vshard_storage_buckets {"state":"active"} 990""", lines);
        Assert.Contains("""tnt_vshard_storage_buckets {"state":"pinned"} 4""", lines);
        Assert.Contains("""tnt_vshard_storage_buckets {"state":"sending"} 1""", lines);
        Assert.Contains("""tnt_vshard_storage_buckets {"state":"receiving"} 0""", lines);
        Assert.Contains("""tnt_vshard_storage_buckets {"state":"garbage"} 3""", lines);
        Assert.Contains("""tnt_vshard_storage_status {} 2""", lines);
        Assert.Contains("""tnt_vshard_storage_service_error {"service":"rebalancer"} 1""", lines);
        Assert.Contains("""tnt_vshard_storage_service_error {"service":"gc"} 0""", lines);
        // A service this storage does not run (recovery here) and non-numeric fields (lock) export nothing.
        Assert.DoesNotContain(lines, l => l.Contains("recovery", StringComparison.Ordinal) || l.Contains("lock", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("tnt_vshard_router", StringComparison.Ordinal));
    }

    [ToolFact("tarantool")]
    public void A_rebalancer_that_moved_away_stops_reporting()
    {
        var lines = Run(Storage, """
            collect()
            package.loaded['vshard'].storage.info = function()
                return {status = 0, bucket = {active = 994, pinned = 0, sending = 0, receiving = 0, garbage = 0, total = 994}, services = {gc = {status = 'ok'}}}
            end
            for _, l in ipairs(collect()) do print(l) end
            """);
        Assert.DoesNotContain(lines, l => l.Contains("rebalancer", StringComparison.Ordinal));
        Assert.Contains("""tnt_vshard_storage_buckets {"state":"sending"} 0""", lines);
    }

    [ToolFact("tarantool")]
    public void A_router_exports_bucket_availability_and_skips_an_invalid_unknown_count()
    {
        var lines = Run("""
            return {
                storage = {info = function() error('storage is not configured') end},
                router = {static = {info = function(self)
                    return {status = 3, bucket = {available_rw = 2900, available_ro = 50, unreachable = 50, unknown = '???'}}
                end}},
            }
            """, "for _, l in ipairs(collect()) do print(l) end");
        Assert.Contains("""tnt_vshard_router_buckets {"state":"available_rw"} 2900""", lines);
        Assert.Contains("""tnt_vshard_router_buckets {"state":"unreachable"} 50""", lines);
        Assert.Contains("""tnt_vshard_router_status {} 3""", lines);
        Assert.DoesNotContain(lines, l => l.Contains("unknown", StringComparison.Ordinal) || l.StartsWith("tnt_vshard_storage", StringComparison.Ordinal));
    }

    [ToolFact("tarantool")]
    public void An_instance_vshard_has_not_configured_yet_exports_nothing_and_does_not_fail()
    {
        var lines = Run("""
            return {storage = {info = function() error('not configured') end}, router = {}}
            """, "print('lines=' .. #collect())");
        Assert.Contains("lines=0", lines);
    }
}
