using Tarantool.Agents.Intake;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Intake;

public sealed class PrecedenceTests
{
    [Fact]
    public void Flags_win_over_text_and_text_over_defaults_and_every_field_records_its_source()
    {
        var result = IntakeFixture.Resolve(
            "A staging cluster named text-name on Azure, 4 shards, keep backups for 7 days, Tarantool 3.4",
            ("cluster-name", "flag-name"), ("cluster-type", "sharded"), ("cloud-provider", "gcp"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var r = result.Request!;
        Assert.Equal("flag-name", r.ClusterName);
        Assert.Equal(CloudProvider.Gcp, r.CloudProvider);
        Assert.Equal(DeploymentEnvironment.Staging, r.Environment);
        Assert.Equal(4, r.ShardCount);
        Assert.Equal(7, r.BackupRetentionDays);
        Assert.Equal("3.4", r.TarantoolVersion);
        Assert.Equal(HaStrategy.ActiveFailover, r.HaStrategy);

        Assert.Equal(new Dictionary<string, ValueSource>
        {
            ["clusterName"] = ValueSource.Flag,
            ["clusterType"] = ValueSource.Flag,
            ["environment"] = ValueSource.Text,
            ["cloudProvider"] = ValueSource.Flag,
            ["haStrategy"] = ValueSource.Default,
            ["backupRetentionDays"] = ValueSource.Text,
            ["enableSharding"] = ValueSource.Text,
            ["replicationMode"] = ValueSource.Default,
            ["shardCount"] = ValueSource.Text,
            ["tarantoolVersion"] = ValueSource.Text,
            ["edition"] = ValueSource.Default,
            ["deployment"] = ValueSource.Default,
        }, result.Sources);
    }

    [Fact]
    public void Command_line_flags_win_over_flags_written_in_the_description()
    {
        var result = IntakeFixture.Resolve("--cluster-name from-text --cluster-type replicated --environment staging", ("environment", "production"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(DeploymentEnvironment.Production, result.Request!.Environment);
        Assert.Equal(ValueSource.Flag, result.Sources["environment"]);
        Assert.Equal("from-text", result.Request.ClusterName);
        Assert.Equal(ValueSource.Text, result.Sources["clusterName"]);
    }

    [Fact]
    public void A_command_line_flag_that_overrides_what_the_description_states_says_so()
    {
        var result = IntakeFixture.Resolve("A staging cluster called billing, 3 shards on AWS", ("cluster-name", "orders"), ("cluster-type", "sharded"), ("environment", "production"), ("shard-count", "3"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(2, result.Warnings.Count);
        Assert.Contains("--cluster-name orders (from the command line) overrides the description's 'billing'; the plan uses 'orders'. Drop --cluster-name to use the description's value.", result.Warnings);
        Assert.Contains(result.Warnings, w => w.StartsWith("--environment production (from the command line) overrides the description's 'staging'", StringComparison.Ordinal));
    }

    [Fact]
    public void Flags_written_in_the_description_win_over_its_prose()
    {
        var result = IntakeFixture.Resolve("A production cluster named prose-name. --cluster-name flag-name --cluster-type replicated --environment staging");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal("flag-name", result.Request!.ClusterName);
        Assert.Equal(DeploymentEnvironment.Staging, result.Request.Environment);
    }

    [Fact]
    public void Only_flags_and_no_description_leave_every_other_field_at_its_default()
    {
        var result = IntakeFixture.ResolveFlags(("cluster-name", "orders"), ("cluster-type", "replicated"), ("environment", "development"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var r = result.Request!;
        Assert.Equal(CloudProvider.OnPremises, r.CloudProvider);
        Assert.Equal(HaStrategy.ActiveFailover, r.HaStrategy);
        Assert.Equal(30, r.BackupRetentionDays);
        Assert.False(r.EnableSharding);
        Assert.Equal(ReplicationMode.MasterSlave, r.ReplicationMode);
        Assert.Equal(3, r.ShardCount);
        Assert.Equal(TarantoolVersion.Default.ToString(), r.TarantoolVersion);
        Assert.Equal(new Workload(), r.Workload);
        Assert.Equal(Language.En, result.Language);
        Assert.Equal(3, result.Sources.Count(s => s.Value == ValueSource.Flag));
        Assert.Equal(Edition.Community, r.Edition);
        Assert.Equal(DeploymentForm.Vm, r.Deployment);
        Assert.Null(r.RpoSeconds);
        Assert.Null(r.RtoSeconds);
        Assert.Equal(9, result.Sources.Count(s => s.Value == ValueSource.Default));
    }

    [Fact]
    public void A_sharded_type_from_a_flag_turns_sharding_on_with_the_flags_source()
    {
        var result = IntakeFixture.ResolveFlags(("cluster-name", "orders"), ("cluster-type", "sharded"), ("environment", "production"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.True(result.Request!.EnableSharding);
        Assert.Equal(ValueSource.Flag, result.Sources["enableSharding"]);
        Assert.Equal(3, result.Request.ShardCount);
    }

    [Fact]
    public void A_flag_overrides_a_bad_value_in_the_text_without_an_error()
    {
        var result = IntakeFixture.Resolve("cluster named Bad_Name on Tarantool 1.10", IntakeFixture.Required(("tarantool-version", "3.3")));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal("orders", result.Request!.ClusterName);
        Assert.Equal("3.3", result.Request.TarantoolVersion);
    }

    [Fact]
    public void A_bad_flag_is_reported_even_when_the_text_has_a_usable_value()
    {
        var result = IntakeFixture.Resolve("on AWS", IntakeFixture.Required(("cloud-provider", "amazon")));

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.StartsWith("--cloud-provider:") && e.Contains("'amazon'"));
        // The partial request still carries the best usable value, and says where it came from.
        Assert.Equal(CloudProvider.Aws, result.Request!.CloudProvider);
        Assert.Equal(ValueSource.Text, result.Sources["cloudProvider"]);
    }

    [Fact]
    public void Cartridge_defaults_to_tarantool_2_11_which_cartridge_runs_on()
    {
        var result = IntakeFixture.Resolve("", IntakeFixture.Required(("cluster-type", "cartridge")));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal("2.11", result.Request!.TarantoolVersion);
        Assert.False(result.Request.IsDeclarativeConfig);
        Assert.Equal(ValueSource.Default, result.Sources["tarantoolVersion"]);
    }

    [Theory]
    [InlineData(null, "Нужен кластер", Language.Ru)]
    [InlineData("auto", "Нужен кластер", Language.Ru)]
    [InlineData("en", "Нужен кластер", Language.En)]
    [InlineData("RU", "We need a cluster", Language.Ru)]
    [InlineData(null, "", Language.En)]
    public void The_language_override_wins_over_detection(string? languageOverride, string description, Language expected)
    {
        var input = new IntakeInput(new Dictionary<string, string>(), description, languageOverride);

        Assert.Equal(expected, RequestIntake.Resolve(input).Language);
    }

    [Fact]
    public void An_unknown_language_override_is_an_error_and_detection_is_used()
    {
        var input = new IntakeInput(new Dictionary<string, string>(), "Нужен кластер", "de");

        var result = RequestIntake.Resolve(input);

        Assert.Equal(Language.Ru, result.Language);
        Assert.Contains(result.Errors, e => e.Contains("'de'") && e.Contains("auto, en or ru"));
    }
}
