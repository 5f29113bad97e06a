using Tarantool.Agents.Expert.Configuration;
using Tarantool.Agents.Phases.Configuration;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Tests.ClusterConfig;

namespace Tarantool.Agents.Tests.Expert.Configuration;

public sealed class ConfigurationExpertTests
{
    private static ClusterConfiguration Design(ClusterRequest request) => new ConfigurationExpert().Design(ClusterFixtures.Context(request));

    [Fact]
    public void Figures_come_from_the_input_plans()
    {
        var request = ClusterFixtures.Sharded();
        var (capacity, topology, backup) = ClusterFixtures.For(request);
        var config = Design(request);
        Assert.Equal(capacity.MemtxMemoryBytes, config.StorageMemtxMemoryBytes);
        Assert.Equal(capacity.RouterMemtxMemoryBytes, config.RouterMemtxMemoryBytes);
        Assert.Equal(capacity.BucketCount, config.Sharding.BucketCount);
        Assert.Equal(backup.SnapshotIntervalSeconds, config.SnapshotIntervalSeconds);
        Assert.Equal(backup.SnapshotCount, config.SnapshotCount);
        Assert.Equal(topology.Election!.SynchroQuorum, config.Replication.SynchroQuorum);
        Assert.Equal("fsync", config.WalMode);
        Assert.Equal("storage-001", config.Sharding.RebalancerReplicaset);
    }

    [Fact]
    public void Decisions_follow_the_request()
    {
        var dev = Design(ClusterFixtures.SingleInstance());
        Assert.Equal(("write", "verbose", "plain", "off"), (dev.WalMode, dev.LogLevel, dev.LogFormat, dev.Replication.Failover));
        Assert.False(dev.Tls.Enabled);

        var prod = Design(ClusterFixtures.ReplicatedMasterSlave());
        Assert.Equal(("info", "json"), (prod.LogLevel, prod.LogFormat));
        // Community Edition refuses the ssl transport: production protects the network instead; Enterprise encrypts.
        Assert.False(prod.Tls.Enabled);
        var enterprise = Design(ClusterFixtures.ReplicatedMasterSlave() with { Edition = Edition.Enterprise });
        Assert.True(enterprise.Tls.Enabled && enterprise.Tls.RequiresEnterpriseEdition);

        Assert.Equal("config", Design(ClusterFixtures.ReplicatedManual()).Replication.BootstrapStrategy);
        Assert.Equal(60, Design(ClusterFixtures.MultiRegion()).Replication.ConnectTimeoutSeconds);
        Assert.True(Design(ClusterFixtures.ReplicatedMasterMaster()).Replication.MasterMaster);
        Assert.True(Design(ClusterFixtures.Request(ClusterType.Replicated, engine: StorageEngine.Vinyl)).Vinyl is { Enabled: true, WriteThreads: >= 2 });
    }

    [Theory]
    [InlineData("3.0", ConfigFormats.Declarative, MetricsMethods.AppRole)]
    [InlineData("3.4", ConfigFormats.Declarative, MetricsMethods.MetricsExportRole)]
    [InlineData("3.7", ConfigFormats.Declarative, MetricsMethods.MetricsExportRole)]
    [InlineData("2.11", ConfigFormats.BoxCfg, MetricsMethods.InitLua)]
    public void Format_and_metrics_follow_the_target_version(string version, string format, string metrics)
    {
        var config = Design(ClusterFixtures.Request(ClusterType.Replicated, version: version));
        Assert.Equal((format, metrics), (config.ConfigFormat, config.Metrics.Method));
        Assert.Equal((ConfigFormats.Cartridge, MetricsMethods.Cartridge), (Design(ClusterFixtures.Cartridge()).ConfigFormat, Design(ClusterFixtures.Cartridge()).Metrics.Method));
    }

    [Theory]
    [InlineData(Language.En)]
    [InlineData(Language.Ru)]
    public void Narratives_have_the_required_sections_in_the_request_language(Language language)
    {
        foreach (var (name, request) in ClusterFixtures.Named())
        {
            var answer = new ConfigurationExpert().Answer(ClusterFixtures.Context(request, language));
            NarrativeAssert.Shape(answer.Narrative, ConfigurationPhase.Sections, language);
            var share = NarrativeAssert.CyrillicShare(answer.Narrative);
            if (language == Language.Ru) Assert.True(share > 0.6, $"{name}: Russian share {share:0.00}");
            else Assert.True(share < 0.01, $"{name}: Cyrillic in English narrative");
            Assert.Equal(answer.Narrative, new ConfigurationExpert().Answer(ClusterFixtures.Context(request, language)).Narrative);
        }
    }
}
