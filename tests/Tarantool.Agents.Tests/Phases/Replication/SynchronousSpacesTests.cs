using System.Text.Json;
using System.Text.RegularExpressions;
using Tarantool.Agents.Tests.Expert.BackupRecovery;
using Tarantool.Agents.Tests.Phases.BackupRecovery;
using Tarantool.Agents.Tests.Support;

namespace Tarantool.Agents.Tests.Phases.Replication;

/// <summary>
/// "Synchronous" replication is configured, not just named: the quorum and its timeout are in the config, a schema
/// script makes the user spaces <c>is_sync</c> on the leader (checked against a real Tarantool), and the narrative
/// states the latency it costs in the topology's numbers.
/// </summary>
public sealed partial class SynchronousSpacesTests : IDisposable
{
    private static readonly string[] MultiRegion =
        ["--cluster-name", "payments", "--cluster-type", "multi-region", "--environment", "production", "--cloud-provider", "azure", "--ha-strategy", "distributed-ha", "Payments in three Azure regions, 200 GB"];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [ToolFact("tarantool")]
    public async Task The_schema_script_makes_replicated_user_spaces_synchronous_and_leaves_the_rest_alone()
    {
        var script = (await PlannedBundle.PlanAsync(SafeRestoreProcedureTests.KubernetesElection))["tarantool/replication/sync-spaces.lua"]
            .Replace("-- ['sessions'] = true,", "['sessions'] = true,", StringComparison.Ordinal);
        File.WriteAllText(_temp.Combine("sync-spaces.lua"), script);
        File.WriteAllText(_temp.Combine("run.lua"), $$"""
            box.cfg{work_dir = '{{_temp.Path}}', log = 'tarantool.log'}
            box.schema.space.create('orders'):create_index('pk')
            box.schema.space.create('ledger', {is_sync = true}):create_index('pk')
            box.schema.space.create('sessions'):create_index('pk')
            box.schema.space.create('cache', {temporary = true}):create_index('pk')
            box.schema.space.create('counters', {is_local = true}):create_index('pk')
            local json = require('json')
            print('@@FIRST=' .. json.encode(dofile('{{_temp.Combine("sync-spaces.lua")}}')) .. '@@')
            print('@@SECOND=' .. json.encode(dofile('{{_temp.Combine("sync-spaces.lua")}}')) .. '@@')
            local flags = {}
            for _, name in ipairs({'orders', 'ledger', 'sessions', 'cache', 'counters'}) do flags[name] = box.space[name].is_sync end
            print('@@SYNC=' .. json.encode(flags) .. '@@')
            os.exit(0)
            """);
        var (code, output) = ShellTools.Run("tarantool", [_temp.Combine("run.lua")], _temp.Path);
        Assert.True(code == 0, output);

        using var first = JsonDocument.Parse(Marker(output, "FIRST"));
        Assert.Equal(["orders"], first.RootElement.GetProperty("made_synchronous").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["sessions"], first.RootElement.GetProperty("kept_asynchronous").EnumerateArray().Select(e => e.GetString()));
        using var second = JsonDocument.Parse(Marker(output, "SECOND"));
        Assert.Empty(second.RootElement.GetProperty("made_synchronous").EnumerateArray());
        using var flags = JsonDocument.Parse(Marker(output, "SYNC"));
        Assert.True(flags.RootElement.GetProperty("orders").GetBoolean());
        Assert.True(flags.RootElement.GetProperty("ledger").GetBoolean());
        Assert.False(flags.RootElement.GetProperty("sessions").GetBoolean());
        Assert.False(flags.RootElement.GetProperty("cache").GetBoolean());
        Assert.False(flags.RootElement.GetProperty("counters").GetBoolean());
    }

    [Fact]
    public async Task The_config_and_the_narrative_carry_the_quorum_its_timeout_and_the_cross_site_latency()
    {
        var bundle = await PlannedBundle.PlanAsync(MultiRegion);
        var config = bundle["tarantool/config.yaml"];
        var quorum = Regex.Match(config, @"(?m)^  synchro_quorum: (\d+)$").Groups[1].Value;
        var timeout = Regex.Match(config, @"(?m)^  synchro_timeout: ([\d.]+)$").Groups[1].Value;
        Assert.NotEmpty(quorum);
        Assert.NotEmpty(timeout);
        using var topology = JsonDocument.Parse(bundle["outputs/02-topology.json"]);
        var rtt = topology.RootElement.GetProperty("crossRegionLatencyBudgetMs").GetInt32();
        Assert.True(rtt > 0);

        var narrative = bundle["phases/05-replication.md"];
        Assert.Contains($"`replication.synchro_quorum: {quorum}`", narrative, StringComparison.Ordinal);
        Assert.Contains($"`replication.synchro_timeout: {double.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture)}`", narrative, StringComparison.Ordinal);
        Assert.Contains($"up to {rtt} ms across sites", narrative, StringComparison.Ordinal);
        Assert.Contains("tarantool/replication/sync-spaces.lua", narrative, StringComparison.Ordinal);
        Assert.True(bundle.Has("tarantool/replication/sync-spaces.lua"));
    }

    [Fact]
    public async Task Asynchronous_clusters_get_no_synchronous_space_script()
    {
        var bundle = await PlannedBundle.PlanAsync(SafeRestoreProcedureTests.VmManualSharded);
        Assert.False(bundle.Has("tarantool/replication/sync-spaces.lua"));
        Assert.DoesNotContain("synchro_quorum", bundle["tarantool/config.yaml"], StringComparison.Ordinal);
    }

    private static string Marker(string output, string key)
    {
        var match = Regex.Match(output, $"@@{key}=(.*?)@@");
        Assert.True(match.Success, output);
        return match.Groups[1].Value;
    }
}
