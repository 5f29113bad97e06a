using Tarantool.Agents.Expert.Configuration;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.Configuration;
using Tarantool.Agents.Requests;
using Tarantool.Agents.ClusterConfig;
using Tarantool.Agents.Tests.ClusterConfig;
using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.Tests.Phases.Configuration;

public sealed class ClusterConfigurationRendererTests
{
    private static IReadOnlyList<BundleFile> Render(ClusterRequest request)
    {
        var context = ClusterFixtures.Context(request);
        return ConfigurationPhase.Spec.Render(new ConfigurationExpert().Design(context), context);
    }

    [Fact]
    public void Sharded_3x_renders_the_tt_application_layout()
    {
        var files = Render(ClusterFixtures.Sharded() with { Edition = Edition.Enterprise });
        Assert.Equal(
            ["tarantool/config.yaml", "tarantool/instances.yml", "tarantool/tt.yaml", $"tarantool/{VshardMetricsLua.FilePath}", "tarantool/orders-scm-1.rockspec"],
            files.Select(f => f.Path));
        var config = files[0].Content;
        Assert.Contains("password: '{{ context.replicator_password }}'", config);
        Assert.Contains("env: TT_STORAGE_PASSWORD", config);
        Assert.Contains("bucket_count: 30000", config);
        // The vshard collector registers its callback; roles.metrics-export serves it.
        Assert.Contains("roles: [app.roles.vshard_metrics, roles.metrics-export]", config);
        Assert.Contains("alias: '{{ instance_name }}'", config);
        Assert.Contains("transport: ssl", config);
        var doc = ClusterConfigDocument.Parse(config, out _)!;
        Assert.Equal(["storages", "routers"], doc.Groups.Select(g => g.Group));
        Assert.Equal("off", doc.Failover(doc.Replicasets.First(r => r.Replicaset == "router-001")));
        Assert.Equal("election", doc.Failover(doc.Replicasets.First(r => r.Replicaset == "storage-001")));
        Assert.Equal(["storage", "rebalancer"], doc.EffectiveList(doc.Instances.First(i => i.Instance == "storage-001-1"), "sharding", "roles"));
        Assert.Equal("536870912", doc.EffectiveString(doc.Instances.First(i => i.Instance == "router-001-1"), "memtx", "memory"));

        var instances = YamlText.Parse(files[1].Content, out _)!;
        Assert.Equal(8, instances.Children.Count);
        Assert.Contains("instances_enabled: .", files[2].Content);
        Assert.Contains("'vshard >= 0.1.26'", files[4].Content);
        Assert.Contains("'metrics-export-role >= 0.2.0'", files[4].Content);
    }

    [Fact]
    public void Manual_failover_sets_leader_and_config_bootstrap_per_replicaset()
    {
        var doc = ClusterConfigDocument.Parse(Render(ClusterFixtures.ReplicatedManual())[0].Content, out _)!;
        var rs = doc.Replicasets.Single();
        Assert.Equal("db-001-1", ClusterConfigDocument.GetString(rs.Node, "leader"));
        Assert.Equal("db-001-1", ClusterConfigDocument.GetString(rs.Node, "bootstrap_leader"));
        Assert.Equal("config", ClusterConfigDocument.GetString(doc.Root, "replication", "bootstrap_strategy"));
    }

    [Fact]
    public void Master_master_makes_every_member_rw_with_failover_off()
    {
        var doc = ClusterConfigDocument.Parse(Render(ClusterFixtures.ReplicatedMasterMaster())[0].Content, out _)!;
        Assert.All(doc.Instances, i => Assert.Equal("rw", doc.EffectiveString(i, "database", "mode")));
        Assert.Equal("off", doc.Failover(doc.Replicasets.Single()));
    }

    [Fact]
    public void Multi_region_voters_and_zones_are_per_instance()
    {
        var doc = ClusterConfigDocument.Parse(Render(ClusterFixtures.MultiRegion())[0].Content, out _)!;
        var voter = doc.Instances.First(i => i.Instance == "storage-001-3");
        Assert.Equal("voter", doc.EffectiveString(voter, "replication", "election_mode"));
        Assert.Equal("3", doc.EffectiveString(voter, "sharding", "zone"));
        Assert.Equal("60.0", ClusterConfigDocument.GetString(doc.Root, "replication", "connect_timeout"));
    }

    [Fact]
    public void Tarantool_30_gets_the_bundled_metrics_app_role()
    {
        var files = Render(ClusterFixtures.Request(ClusterType.Replicated, version: "3.0"));
        Assert.Contains(files, f => f.Path == "tarantool/app/roles/metrics.lua");
        Assert.Contains("roles: [app.roles.metrics]", files[0].Content);
        Assert.Contains("'http >= 1.5.0'", files.Single(f => f.Path.EndsWith(".rockspec")).Content);
    }

    [Fact]
    public void Tarantool_211_renders_a_box_cfg_init_lua_without_secrets()
    {
        var files = Render(ClusterFixtures.Request(ClusterType.Sharded, version: "2.11"));
        Assert.Equal(["tarantool/init.lua", "tarantool/instances.yml", "tarantool/tt.yaml", "tarantool/orders-scm-1.rockspec"], files.Select(f => f.Path));
        var lua = files[0].Content;
        Assert.Contains("vshard.storage.cfg(vshard_cfg, me.uuid)", lua);
        Assert.Contains("metrics.register_callback(vshard_metrics_collect)", lua);
        Assert.Contains("secret('TT_STORAGE_PASSWORD')", lua);
        Assert.Contains("replication_synchro_quorum = 2", lua);
        Assert.Contains($"[{LuaText.Str("storage-001")}] = {{", lua);
        Assert.Contains(NameUuid.From("storage-001-1"), lua);
        Assert.DoesNotContain("config.yaml", string.Join(",", files.Select(f => f.Path)));
    }

    [Fact]
    public void Cartridge_renders_its_application_layout()
    {
        var files = Render(ClusterFixtures.Cartridge());
        Assert.Equal(
            ["tarantool/init.lua", "tarantool/stateboard.init.lua", "tarantool/instances.yml", "tarantool/replicasets.yml", "tarantool/failover.yml", "tarantool/orders-scm-1.rockspec"],
            files.Select(f => f.Path));
        var instances = YamlText.Parse(files[2].Content, out _)!;
        Assert.Contains(instances.Children.Keys, k => ((YamlScalarNode)k).Value == "orders.storage-001-1");
        Assert.Contains(instances.Children.Keys, k => ((YamlScalarNode)k).Value == "orders-stateboard");
        var replicasets = YamlText.Parse(files[3].Content, out _)!;
        Assert.Equal("[vshard-router, failover-coordinator, metrics]", ((YamlSequenceNode)ClusterConfigDocument.Get(replicasets, "router-001", "roles")!).Children.Count == 3 ? "[vshard-router, failover-coordinator, metrics]" : "");
        var failover = YamlText.Parse(files[4].Content, out _)!;
        Assert.Equal("stateful", ClusterConfigDocument.GetString(failover, "mode"));
        Assert.DoesNotContain("password:", files[4].Content);
        Assert.Contains("bucket_count = 30000", files[0].Content);
    }

    [Fact]
    public void Rendering_is_deterministic()
    {
        foreach (var (_, request) in ClusterFixtures.Named())
        {
            var first = Render(request);
            var second = Render(request);
            Assert.Equal(first.Select(f => (f.Path, f.Content)), second.Select(f => (f.Path, f.Content)));
        }
    }

    [ToolFact("tarantool", "apt-get install -y tarantool")]
    public void Generated_lua_passes_a_syntax_check()
    {
        var dir = Directory.CreateTempSubdirectory("tta-lua-");
        try
        {
            var checker = Path.Combine(dir.FullName, "check.lua");
            File.WriteAllText(checker, "for i = 1, #arg do local f, err = loadfile(arg[i]); if f == nil then io.stderr:write(err, '\\n'); os.exit(1) end end\nos.exit(0)\n");
            var paths = new List<string>();
            var n = 0;
            foreach (var request in new[]
                     {
                         ClusterFixtures.Request(ClusterType.Sharded, version: "2.11"),
                         ClusterFixtures.Request(ClusterType.Replicated, HaStrategy.PassiveFailover, version: "2.11", engine: StorageEngine.Vinyl),
                         ClusterFixtures.Request(ClusterType.Replicated, mode: ReplicationMode.MasterMaster, version: "2.11"),
                         ClusterFixtures.Cartridge(),
                         ClusterFixtures.Request(ClusterType.Replicated, version: "3.0"),
                         ClusterFixtures.Sharded(),
                     })
            {
                foreach (var file in Render(request).Where(f => f.Path.EndsWith(".lua") || f.Path.EndsWith(".rockspec")))
                {
                    var path = Path.Combine(dir.FullName, $"{n++}.lua");
                    File.WriteAllText(path, file.Content);
                    paths.Add(path);
                }
            }
            var (exit, output) = ExternalTool.Run(ExternalTool.Require("tarantool", "apt-get install -y tarantool"), [checker, .. paths]);
            Assert.True(exit == 0, output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
