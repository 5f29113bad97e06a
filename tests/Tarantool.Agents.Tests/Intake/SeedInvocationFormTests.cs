using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Intake;

/// <summary>The seed's own form: flags written inside the description.</summary>
public sealed class SeedInvocationFormTests
{
    [Fact]
    public void Flags_written_in_the_description_build_the_request_with_source_text()
    {
        var result = IntakeFixture.Resolve(
            "Tarantool cluster setup: --cluster-name billing --cluster-type replicated --environment production --enable-sharding false");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var request = result.Request!;
        Assert.Equal("billing", request.ClusterName);
        Assert.Equal(ClusterType.Replicated, request.ClusterType);
        Assert.Equal(DeploymentEnvironment.Production, request.Environment);
        Assert.False(request.EnableSharding);
        Assert.Equal(ValueSource.Text, result.Sources["clusterName"]);
        Assert.Equal(ValueSource.Text, result.Sources["enableSharding"]);
        Assert.Equal(ValueSource.Default, result.Sources["cloudProvider"]);
    }

    [Fact]
    public void Equals_form_and_every_flag_are_understood()
    {
        var result = IntakeFixture.Resolve(
            "--cluster-name=geo --cluster-type=multi-region --environment=staging --cloud-provider=gcp --ha-strategy=distributed-ha " +
            "--backup-retention-days=14 --enable-sharding=true --replication-mode=master-slave --shard-count=6 --tarantool-version=3.4.2 " +
            "--edition=enterprise --deployment=vm --rpo=30s --rto=15m");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var request = result.Request!;
        Assert.Equal(ClusterType.MultiRegion, request.ClusterType);
        Assert.Equal(DeploymentEnvironment.Staging, request.Environment);
        Assert.Equal(CloudProvider.Gcp, request.CloudProvider);
        Assert.Equal(HaStrategy.DistributedHa, request.HaStrategy);
        Assert.Equal(14, request.BackupRetentionDays);
        Assert.True(request.EnableSharding);
        Assert.Equal(6, request.ShardCount);
        Assert.Equal("3.4", request.TarantoolVersion);
        Assert.Equal(Edition.Enterprise, request.Edition);
        Assert.Equal(DeploymentForm.Vm, request.Deployment);
        Assert.Equal(30, request.RpoSeconds);
        Assert.Equal(900, request.RtoSeconds);
        Assert.All(result.Sources.Values, source => Assert.Equal(ValueSource.Text, source));
    }

    [Fact]
    public void Flags_in_inline_code_and_trailing_punctuation_are_read()
    {
        var result = IntakeFixture.Resolve("Кластер: `--cluster-name orders --cluster-type sharded` --environment production. 300 GB");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal("orders", result.Request!.ClusterName);
        Assert.Equal(ClusterType.Sharded, result.Request.ClusterType);
        Assert.Equal(DeploymentEnvironment.Production, result.Request.Environment);
        Assert.Equal(300, result.Request.Workload.DataSizeGb);
        Assert.Equal(Language.Ru, result.Language);
    }

    [Fact]
    public void An_embedded_enable_sharding_false_is_not_read_as_a_wish_for_sharding()
    {
        var result = IntakeFixture.Resolve("--cluster-name a --cluster-type replicated --environment development --enable-sharding false");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.False(result.Request!.EnableSharding);
        Assert.Equal(DeploymentEnvironment.Development, result.Request.Environment);
    }

    [Fact]
    public void Embedded_flag_values_are_validated_like_command_line_ones()
    {
        var result = IntakeFixture.Resolve("--cluster-name Orders --cluster-type mesh --environment production --shard-count 0");

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Contains("--cluster-name") && e.Contains("'Orders'"));
        Assert.Contains(result.Errors, e => e.Contains("--cluster-type") && e.Contains("'mesh'") && e.Contains("multi-region"));
        Assert.Contains(result.Errors, e => e.Contains("--shard-count") && e.Contains("1 to 1024"));
    }

    [Fact]
    public void Flag_values_take_the_seed_spellings_only_not_the_words_of_prose()
    {
        var result = IntakeFixture.Resolve("--cluster-name a --cluster-type replicated --environment dev");

        var error = Assert.Single(result.Errors);
        Assert.Contains("--environment", error);
        Assert.Contains("'dev'", error);
        Assert.Contains("development, staging, production", error);
    }

    [Fact]
    public void An_embedded_flag_given_twice_with_different_values_is_an_error()
    {
        var result = IntakeFixture.Resolve("--cluster-name a --cluster-type sharded --environment production --cluster-type replicated");

        Assert.Contains(result.Errors, e => e.Contains("--cluster-type") && e.Contains("twice"));
    }

    [Fact]
    public void An_embedded_flag_without_a_value_is_an_error()
    {
        var result = IntakeFixture.Resolve("--cluster-name a --environment production --cluster-type");

        var error = Assert.Single(result.Errors);
        Assert.Contains("--cluster-type", error);
        Assert.Contains("no value", error);
        Assert.Contains("single-instance, replicated, cartridge, sharded, multi-region", error);
    }

    [Fact]
    public void A_bare_enable_sharding_switch_means_true()
    {
        var result = IntakeFixture.Resolve("--cluster-name a --cluster-type cartridge --environment staging --enable-sharding and four shards please");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.True(result.Request!.EnableSharding);
        Assert.Equal(4, result.Request.ShardCount);
    }

    [Fact]
    public void Flags_of_other_tools_are_ignored()
    {
        var result = IntakeFixture.Resolve("Run `tt start --dry-run` later. --cluster-name a --cluster-type replicated --environment staging");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }
}
