namespace Tarantool.Agents.Tests.Intake;

public sealed class FlagValueTests
{
    [Theory]
    [InlineData("cluster-type", "SHARDED")]
    [InlineData("environment", "Production")]
    [InlineData("cloud-provider", "On-Premises")]
    [InlineData("ha-strategy", "Distributed-HA")]
    [InlineData("replication-mode", "Master-Master")]
    [InlineData("enable-sharding", "TRUE")]
    public void Seed_spellings_are_case_insensitive(string flag, string value)
    {
        // multi-region accepts every other value in the list (sharding, master-master, distributed-ha).
        var result = IntakeFixture.ResolveFlags(IntakeFixture.Required(flag == "cluster-type" ? [(flag, value)] : [(flag, value), ("cluster-type", "multi-region")]));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Theory]
    [InlineData("cluster-type", "shard", "single-instance, replicated, cartridge, sharded, multi-region")]
    [InlineData("environment", "prod", "development, staging, production")]
    [InlineData("cloud-provider", "yandex", "on-premises, aws, azure, gcp, kubernetes")]
    [InlineData("ha-strategy", "raft", "passive-failover, active-failover, distributed-ha")]
    [InlineData("replication-mode", "multi-master", "master-slave, master-master")]
    [InlineData("enable-sharding", "yes", "true or false")]
    public void An_unknown_value_names_the_flag_the_value_and_the_allowed_values(string flag, string value, string allowed)
    {
        var result = IntakeFixture.ResolveFlags(IntakeFixture.Required((flag, value)));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith($"--{flag}:", error);
        Assert.Contains($"'{value}'", error);
        Assert.Contains(allowed, error);
    }

    [Theory]
    [InlineData("backup-retention-days", "0", "1 to 3650")]
    [InlineData("backup-retention-days", "3651", "1 to 3650")]
    [InlineData("backup-retention-days", "-5", "1 to 3650")]
    [InlineData("backup-retention-days", "two weeks", "whole number")]
    [InlineData("backup-retention-days", "14.5", "whole number")]
    [InlineData("shard-count", "0", "1 to 1024")]
    [InlineData("shard-count", "1025", "1 to 1024")]
    [InlineData("shard-count", "4x", "whole number")]
    [InlineData("shard-count", "99999999999", "1 to 1024")]
    public void Numbers_must_be_whole_and_in_range(string flag, string value, string expected)
    {
        var result = IntakeFixture.ResolveFlags(IntakeFixture.Required(("cluster-type", "sharded"), (flag, value)));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith($"--{flag}:", error);
        Assert.Contains(expected, error);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("3650", 3650)]
    [InlineData(" 45 ", 45)]
    public void Retention_bounds_are_inclusive(string value, int days) =>
        Assert.Equal(days, IntakeFixture.ResolveFlags(IntakeFixture.Required(("backup-retention-days", value))).Request!.BackupRetentionDays);

    [Theory]
    [InlineData("3.7", "3.7")]
    [InlineData("2.11", "2.11")]
    [InlineData("v3.4.2", "3.4")]
    public void Supported_versions_are_accepted_as_release_lines(string value, string expected) =>
        Assert.Equal(expected, IntakeFixture.ResolveFlags(IntakeFixture.Required(("tarantool-version", value))).Request!.TarantoolVersion);

    [Theory]
    [InlineData("1.10", "is not supported")]
    [InlineData("4.0", "is not supported")]
    [InlineData("latest", "is not a Tarantool version")]
    public void Unsupported_versions_list_the_supported_ones(string value, string expected)
    {
        var result = IntakeFixture.ResolveFlags(IntakeFixture.Required(("tarantool-version", value)));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("--tarantool-version:", error);
        Assert.Contains(expected, error);
        Assert.Contains("3.7, 3.6, 3.5, 3.4, 3.3, 3.2, 3.1, 3.0, 2.11", error);
    }

    [Fact]
    public void An_unknown_flag_is_reported_with_the_known_ones()
    {
        var result = IntakeFixture.ResolveFlags(IntakeFixture.Required(("shards", "4")));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("--shards is not a known flag", error);
        Assert.Contains("--shard-count", error);
    }

    [Fact]
    public void An_empty_enable_sharding_flag_is_a_bare_switch() =>
        Assert.True(IntakeFixture.ResolveFlags(IntakeFixture.Required(("cluster-type", "sharded"), ("enable-sharding", ""))).Request!.EnableSharding);
}
