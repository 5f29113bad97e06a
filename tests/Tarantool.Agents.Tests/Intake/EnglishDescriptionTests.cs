using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Intake;

public sealed class EnglishDescriptionTests
{
    [Fact]
    public void A_terse_english_description_is_read_as_a_person_would()
    {
        var result = IntakeFixture.Resolve("Orders DB, 300 GB, 40k read RPS, AWS, 4 shards, production", ("cluster-name", "orders"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var request = result.Request!;
        Assert.Equal(ClusterType.Sharded, request.ClusterType);
        Assert.True(request.EnableSharding);
        Assert.Equal(4, request.ShardCount);
        Assert.Equal(CloudProvider.Aws, request.CloudProvider);
        Assert.Equal(DeploymentEnvironment.Production, request.Environment);
        Assert.Equal(300, request.Workload.DataSizeGb);
        Assert.Equal(40_000, request.Workload.ReadRps);
        Assert.Null(request.Workload.WriteRps);
        Assert.Equal(Language.En, result.Language);
        Assert.Equal(ValueSource.Flag, result.Sources["clusterName"]);
        foreach (var field in new[] { "clusterType", "environment", "cloudProvider", "enableSharding", "shardCount", "dataSizeGb", "readRps" })
            Assert.Equal(ValueSource.Text, result.Sources[field]);
        Assert.Equal(ValueSource.Default, result.Sources["haStrategy"]);
        Assert.False(result.Sources.ContainsKey("writeRps"));
    }

    [Fact]
    public void A_long_english_description_fills_every_field()
    {
        var result = IntakeFixture.Resolve(
            "We need a production-grade cartridge cluster named payments on Azure with vshard, 6 shards, multi-master replication " +
            "and manual failover. Tarantool 2.11. Keep backups for 2 weeks. 1.5 TB of data, 100 million records, 1 KB records, " +
            "10k write RPS and 50k reads per second, grows 20% per year, plan for 3 years, vinyl engine.");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var r = result.Request!;
        Assert.Equal("payments", r.ClusterName);
        Assert.Equal(ClusterType.Cartridge, r.ClusterType);
        Assert.Equal(DeploymentEnvironment.Production, r.Environment);
        Assert.Equal(CloudProvider.Azure, r.CloudProvider);
        Assert.True(r.EnableSharding);
        Assert.Equal(6, r.ShardCount);
        Assert.Equal(ReplicationMode.MasterMaster, r.ReplicationMode);
        Assert.Equal(HaStrategy.PassiveFailover, r.HaStrategy);
        Assert.Equal("2.11", r.TarantoolVersion);
        Assert.Equal(14, r.BackupRetentionDays);
        Assert.Equal(1500, r.Workload.DataSizeGb);
        Assert.Equal(100_000_000, r.Workload.RecordCount);
        Assert.Equal(1000, r.Workload.AverageRecordBytes);
        Assert.Equal(10_000, r.Workload.WriteRps);
        Assert.Equal(50_000, r.Workload.ReadRps);
        Assert.Equal(20, r.Workload.GrowthPercentPerYear);
        Assert.Equal(36, r.Workload.HorizonMonths);
        Assert.Equal(StorageEngine.Vinyl, r.Workload.Engine);
    }

    [Theory]
    [InlineData("a single instance for local tests", ClusterType.SingleInstance)]
    [InlineData("standalone tarantool", ClusterType.SingleInstance)]
    [InlineData("single-node box", ClusterType.SingleInstance)]
    [InlineData("a replica set", ClusterType.Replicated)]
    [InlineData("master + 2 replicas", ClusterType.Replicated)]
    [InlineData("a replicated cluster", ClusterType.Replicated)]
    [InlineData("cartridge app with vshard", ClusterType.Cartridge)]
    [InlineData("sharded via vshard, each shard has 2 replicas", ClusterType.Sharded)]
    [InlineData("twelve shards", ClusterType.Sharded)]
    [InlineData("multi-region, sharded", ClusterType.MultiRegion)]
    [InlineData("multi region", ClusterType.MultiRegion)]
    [InlineData("replicas in several regions", ClusterType.MultiRegion)]
    [InlineData("geo-distributed store", ClusterType.MultiRegion)]
    [InlineData("two data centers", ClusterType.MultiRegion)]
    [InlineData("3 regions, 4 shards", ClusterType.MultiRegion)]
    [InlineData("replicated cluster, no sharding needed", ClusterType.Replicated)]
    [InlineData("single instance, no replicas", ClusterType.SingleInstance)]
    public void Cluster_type_phrases_prefer_the_most_specific(string description, ClusterType expected)
    {
        var result = IntakeFixture.Resolve(description, ("cluster-name", "x"), ("environment", "staging"));

        Assert.Equal(expected, result.Request?.ClusterType);
        Assert.Equal(ValueSource.Text, result.Sources["clusterType"]);
    }

    [Theory]
    [InlineData("for production", DeploymentEnvironment.Production)]
    [InlineData("prod cluster", DeploymentEnvironment.Production)]
    [InlineData("production-grade setup", DeploymentEnvironment.Production)]
    [InlineData("staging environment", DeploymentEnvironment.Staging)]
    [InlineData("a pre-prod copy", DeploymentEnvironment.Staging)]
    [InlineData("a staging copy of production", DeploymentEnvironment.Staging)]
    [InlineData("stage", DeploymentEnvironment.Staging)]
    [InlineData("dev box", DeploymentEnvironment.Development)]
    [InlineData("for development", DeploymentEnvironment.Development)]
    [InlineData("used by the development team in production", DeploymentEnvironment.Production)]
    public void Environment_phrases(string description, DeploymentEnvironment expected) =>
        Assert.Equal(expected, IntakeFixture.Resolve(description, ("cluster-name", "x"), ("cluster-type", "replicated")).Request?.Environment);

    [Theory]
    [InlineData("devops team wants a cluster")]
    [InlineData("data on /dev/sdb")]
    [InlineData("at this stage we only prototype")]
    [InlineData("the product catalogue")]
    [InlineData("a non-prod playground")]
    public void Words_that_only_look_like_an_environment_are_not_taken(string description)
    {
        var result = IntakeFixture.Resolve(description, ("cluster-name", "x"), ("cluster-type", "replicated"));

        Assert.Null(result.Request);
        Assert.Contains(result.Errors, e => e.StartsWith("--environment is required"));
    }

    [Theory]
    [InlineData("on AWS", CloudProvider.Aws)]
    [InlineData("Amazon", CloudProvider.Aws)]
    [InlineData("EKS", CloudProvider.Aws)]
    [InlineData("Kubernetes on AWS", CloudProvider.Aws)]
    [InlineData("Azure", CloudProvider.Azure)]
    [InlineData("AKS", CloudProvider.Azure)]
    [InlineData("Google Cloud", CloudProvider.Gcp)]
    [InlineData("GKE", CloudProvider.Gcp)]
    [InlineData("GCP", CloudProvider.Gcp)]
    [InlineData("Kubernetes", CloudProvider.Kubernetes)]
    [InlineData("k8s", CloudProvider.Kubernetes)]
    [InlineData("on-prem Kubernetes", CloudProvider.Kubernetes)]
    [InlineData("on-premises", CloudProvider.OnPremises)]
    [InlineData("bare metal", CloudProvider.OnPremises)]
    public void Cloud_phrases(string description, CloudProvider expected)
    {
        var result = IntakeFixture.Resolve(description, IntakeFixture.Required());

        Assert.Equal(expected, result.Request!.CloudProvider);
        Assert.Equal(ValueSource.Text, result.Sources["cloudProvider"]);
    }

    [Fact]
    public void A_link_to_a_cloud_is_not_a_choice_of_cloud() =>
        Assert.Equal(CloudProvider.OnPremises, IntakeFixture.Resolve("as in https://aws.amazon.com/eks/ docs", IntakeFixture.Required()).Request!.CloudProvider);

    [Theory]
    [InlineData("automatic failover", HaStrategy.ActiveFailover)]
    [InlineData("auto failover", HaStrategy.ActiveFailover)]
    [InlineData("automated failover", HaStrategy.ActiveFailover)]
    [InlineData("Raft", HaStrategy.ActiveFailover)]
    [InlineData("leader election", HaStrategy.ActiveFailover)]
    [InlineData("manual failover", HaStrategy.PassiveFailover)]
    [InlineData("manual switchover", HaStrategy.PassiveFailover)]
    [InlineData("distributed HA", HaStrategy.DistributedHa)]
    [InlineData("must survive region loss", HaStrategy.DistributedHa)]
    [InlineData("must survive the loss of a data center, with Raft", HaStrategy.DistributedHa)]
    [InlineData("replicas spread across regions", HaStrategy.DistributedHa)]
    public void Ha_phrases(string description, HaStrategy expected) =>
        Assert.Equal(expected, IntakeFixture.Resolve(description, IntakeFixture.Required(("cluster-type", "multi-region"))).Request!.HaStrategy);

    [Theory]
    [InlineData("master-master", ReplicationMode.MasterMaster)]
    [InlineData("multi-master", ReplicationMode.MasterMaster)]
    [InlineData("multimaster", ReplicationMode.MasterMaster)]
    [InlineData("active-active", ReplicationMode.MasterMaster)]
    [InlineData("master-slave", ReplicationMode.MasterSlave)]
    [InlineData("leader-follower", ReplicationMode.MasterSlave)]
    public void Replication_mode_phrases(string description, ReplicationMode expected)
    {
        var result = IntakeFixture.Resolve(description, IntakeFixture.Required());

        Assert.Equal(expected, result.Request!.ReplicationMode);
        Assert.Equal(ValueSource.Text, result.Sources["replicationMode"]);
    }

    [Theory]
    [InlineData("keep backups for 14 days", 14)]
    [InlineData("backup retention 14 days", 14)]
    [InlineData("backup retention: 21 days", 21)]
    [InlineData("retain backups 2 weeks", 14)]
    [InlineData("keep nightly backups for 3 months", 90)]
    [InlineData("a 7-day backup retention", 7)]
    [InlineData("keep backups for ten days", 10)]
    public void Retention_phrases(string description, int days)
    {
        var result = IntakeFixture.Resolve(description, IntakeFixture.Required());

        Assert.Equal(days, result.Request!.BackupRetentionDays);
        Assert.Equal(ValueSource.Text, result.Sources["backupRetentionDays"]);
    }

    [Fact]
    public void A_retention_period_is_not_a_planning_horizon()
    {
        var result = IntakeFixture.Resolve("keep backups for 2 years", IntakeFixture.Required());

        Assert.Equal(730, result.Request!.BackupRetentionDays);
        Assert.Null(result.Request.Workload.HorizonMonths);
    }

    [Theory]
    [InlineData("Tarantool 3.4", "3.4")]
    [InlineData("on tarantool 2.11", "2.11")]
    [InlineData("Tarantool v3.2.1", "3.2")]
    [InlineData("migrating from Tarantool 2.11 to Tarantool 3.5", "3.5")]
    [InlineData("Tarantool 3.4 cluster; the old one ran Tarantool 1.10", "3.4")]
    public void Version_phrases(string description, string version)
    {
        var result = IntakeFixture.Resolve(description, IntakeFixture.Required());

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(version, result.Request!.TarantoolVersion);
        Assert.Equal(ValueSource.Text, result.Sources["tarantoolVersion"]);
    }

    [Fact]
    public void An_unsupported_version_in_the_text_is_reported_with_the_supported_ones()
    {
        var result = IntakeFixture.Resolve("Tarantool 1.10 please", IntakeFixture.Required());

        var error = Assert.Single(result.Errors);
        Assert.Contains("--tarantool-version", error);
        Assert.Contains("1.10", error);
        Assert.Contains("3.7", error);
        Assert.Contains("2.11", error);
    }

    [Fact]
    public void Another_products_version_is_not_a_tarantool_version()
    {
        var result = IntakeFixture.Resolve("our API version 1.2 talks to it", IntakeFixture.Required());

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(ValueSource.Default, result.Sources["tarantoolVersion"]);
    }

    [Theory]
    [InlineData("vshard")]
    [InlineData("with sharding")]
    public void Sharding_words_turn_sharding_on(string description)
    {
        var result = IntakeFixture.Resolve(description, IntakeFixture.Required(("cluster-type", "multi-region")));

        Assert.True(result.Request!.EnableSharding);
        Assert.Equal(ValueSource.Text, result.Sources["enableSharding"]);
        Assert.Equal(ValueSource.Default, result.Sources["shardCount"]);
    }

    [Theory]
    [InlineData("shard count: 5", 5)]
    [InlineData("number of shards is 7", 7)]
    public void Shard_count_phrases(string description, int expected) =>
        Assert.Equal(expected, IntakeFixture.Resolve(description, ("cluster-name", "x"), ("environment", "production")).Request!.ShardCount);

    [Fact]
    public void Replicas_per_shard_are_not_a_shard_count()
    {
        var result = IntakeFixture.Resolve("sharded, shards of 2 replicas each", ("cluster-name", "x"), ("environment", "production"));

        Assert.Equal(ValueSource.Default, result.Sources["shardCount"]);
    }

    [Fact]
    public void Multi_region_without_sharding_words_stays_unsharded()
    {
        var result = IntakeFixture.Resolve("multi-region cluster", ("cluster-name", "geo"), ("environment", "production"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.False(result.Request!.EnableSharding);
        Assert.Equal(ValueSource.Default, result.Sources["enableSharding"]);
    }
}
