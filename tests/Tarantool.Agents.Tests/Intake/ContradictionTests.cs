namespace Tarantool.Agents.Tests.Intake;

public sealed class ContradictionTests
{
    [Theory]
    [InlineData("single-instance")]
    [InlineData("replicated")]
    public void Sharding_with_a_single_replicaset_type_is_refused(string type)
    {
        var result = IntakeFixture.ResolveFlags(
            ("cluster-name", "a"), ("cluster-type", type), ("environment", "production"), ("enable-sharding", "true"));

        var error = Assert.Single(result.Errors);
        Assert.Contains("--enable-sharding true", error);
        Assert.Contains($"--cluster-type {type}", error);
        Assert.Contains("--cluster-type sharded", error);
        Assert.False(result.IsValid);
        Assert.NotNull(result.Request);
    }

    [Fact]
    public void Sharding_asked_for_in_the_text_contradicts_a_replicated_type_flag()
    {
        var result = IntakeFixture.Resolve("4 shards please", ("cluster-name", "a"), ("cluster-type", "replicated"), ("environment", "production"));

        var error = Assert.Single(result.Errors);
        Assert.Contains("--enable-sharding true (from the description)", error);
        Assert.Contains("--cluster-type replicated (from the command line)", error);
    }

    [Theory]
    [InlineData("cartridge")]
    [InlineData("multi-region")]
    public void Sharding_is_allowed_for_cartridge_and_multi_region(string type)
    {
        var result = IntakeFixture.ResolveFlags(
            ("cluster-name", "a"), ("cluster-type", type), ("environment", "production"), ("enable-sharding", "true"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.True(result.Request!.EnableSharding);
    }

    [Fact]
    public void A_sharded_type_with_sharding_turned_off_is_refused()
    {
        var result = IntakeFixture.ResolveFlags(
            ("cluster-name", "a"), ("cluster-type", "sharded"), ("environment", "production"), ("enable-sharding", "false"));

        var error = Assert.Single(result.Errors);
        Assert.Contains("--cluster-type sharded", error);
        Assert.Contains("--enable-sharding false", error);
    }

    [Fact]
    public void Master_master_on_a_single_instance_is_refused()
    {
        var result = IntakeFixture.ResolveFlags(
            ("cluster-name", "a"), ("cluster-type", "single-instance"), ("environment", "development"), ("replication-mode", "master-master"));

        var error = Assert.Single(result.Errors);
        Assert.Contains("--replication-mode master-master", error);
        Assert.Contains("--cluster-type single-instance", error);
    }

    [Fact]
    public void Distributed_ha_on_a_single_instance_is_refused()
    {
        var result = IntakeFixture.ResolveFlags(
            ("cluster-name", "a"), ("cluster-type", "single-instance"), ("environment", "development"), ("ha-strategy", "distributed-ha"));

        var error = Assert.Single(result.Errors);
        Assert.Contains("--ha-strategy distributed-ha", error);
        Assert.Contains("nothing to fail over to", error);
    }

    [Theory]
    [InlineData("", "--deployment vm (from the command line)")]
    [InlineData("on virtual machines", "--deployment vm (from the description)")]
    public void Virtual_machines_on_the_kubernetes_platform_are_refused(string description, string described)
    {
        var flags = new List<(string, string)> { ("cluster-name", "a"), ("cluster-type", "replicated"), ("environment", "production"), ("cloud-provider", "kubernetes") };
        if (description.Length == 0) flags.Add(("deployment", "vm"));

        var result = IntakeFixture.Resolve(description, [.. flags]);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith(described + " contradicts --cloud-provider kubernetes (from the command line)", error);
        Assert.Contains("--cloud-provider on-premises, aws, azure or gcp", error);
    }

    [Fact]
    public void The_kubernetes_platform_alone_deploys_to_kubernetes()
    {
        var result = IntakeFixture.ResolveFlags(("cluster-name", "a"), ("cluster-type", "replicated"), ("environment", "production"), ("cloud-provider", "kubernetes"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(Tarantool.Agents.Requests.DeploymentForm.Kubernetes, result.Request!.Deployment);
    }

    [Theory]
    [InlineData("replicated")]
    [InlineData("multi-region")]
    [InlineData("cartridge")]
    public void An_explicit_shard_count_without_sharding_is_refused(string type)
    {
        var result = IntakeFixture.ResolveFlags(
            ("cluster-name", "a"), ("cluster-type", type), ("environment", "production"), ("shard-count", "4"));

        var error = Assert.Single(result.Errors);
        Assert.Contains("--shard-count 4 (from the command line) has no effect", error);
        Assert.Contains("--enable-sharding", error);
    }

    [Fact]
    public void An_explicit_shard_count_of_one_without_sharding_is_harmless() =>
        Assert.True(IntakeFixture.ResolveFlags(
            ("cluster-name", "a"), ("cluster-type", "replicated"), ("environment", "production"), ("shard-count", "1")).IsValid);

    [Fact]
    public void A_sharded_cluster_needs_at_least_two_shards()
    {
        var result = IntakeFixture.ResolveFlags(
            ("cluster-name", "a"), ("cluster-type", "sharded"), ("environment", "production"), ("shard-count", "1"));

        var error = Assert.Single(result.Errors);
        Assert.Contains("at least 2 shards", error);
        Assert.Contains("--shard-count 1", error);
    }

    [Fact]
    public void Cartridge_on_tarantool_3_is_refused()
    {
        var result = IntakeFixture.ResolveFlags(
            ("cluster-name", "a"), ("cluster-type", "cartridge"), ("environment", "production"), ("tarantool-version", "3.4"));

        var error = Assert.Single(result.Errors);
        Assert.Contains("--tarantool-version 3.4", error);
        Assert.Contains("--tarantool-version 2.11", error);
    }

    [Theory]
    [InlineData("cluster-name", "--cluster-name is required")]
    [InlineData("cluster-type", "--cluster-type is required: one of single-instance, replicated, cartridge, sharded, multi-region")]
    [InlineData("environment", "--environment is required: one of development, staging, production")]
    public void Each_missing_required_field_is_named_with_how_to_give_it(string missing, string expected)
    {
        var flags = IntakeFixture.Required().Where(f => f.Item1 != missing).ToArray();

        var result = IntakeFixture.ResolveFlags(flags);

        Assert.Null(result.Request);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith(expected, error);
        Assert.Contains("description", error);
        Assert.False(result.Sources.ContainsKey(missing == "cluster-name" ? "clusterName" : missing == "cluster-type" ? "clusterType" : "environment"));
    }

    [Fact]
    public void Nothing_given_reports_all_three_required_fields()
    {
        var result = IntakeFixture.ResolveFlags();

        Assert.Null(result.Request);
        Assert.Equal(3, result.Errors.Count);
        Assert.False(result.IsValid);
    }
}
