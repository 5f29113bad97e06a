using Tarantool.Agents.Intake;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Intake;

/// <summary>
/// The number of instances per replicaset (the leader included) as flags give it and as engineers write it, in English
/// and Russian; flags win over the text with a warning; a count out of range or for a single instance is refused.
/// </summary>
public sealed class ReplicaCountTests
{
    private static IntakeResult Read(string description, params (string Name, string Value)[] flags)
    {
        var result = IntakeFixture.Resolve(description, IntakeFixture.Required(flags));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result;
    }

    [Theory]
    [InlineData("3 replicas per shard", 3)]
    [InlineData("three replicas in each shard", 3)]
    [InlineData("4 instances per replicaset", 4)]
    [InlineData("each shard has 5 replicas", 5)]
    [InlineData("replicasets of 3 nodes", 3)]
    [InlineData("5-node replicasets", 5)]
    public void Members_per_replicaset(string description, int replicas) => AssertReplicas(description, replicas);

    [Theory]
    [InlineData("replication factor 3", 3)]
    [InlineData("a replication factor of 4", 4)]
    [InlineData("RF=2", 2)]
    [InlineData("three copies of the data", 3)]
    [InlineData("3-way replication", 3)]
    public void Replication_factor_and_copies(string description, int replicas) => AssertReplicas(description, replicas);

    [Theory]
    [InlineData("each shard has 2 replicas plus the master", 3)]
    [InlineData("one master and two replicas", 3)]
    [InlineData("leader + 4 replicas", 5)]
    [InlineData("a master with 1 replica", 2)]
    public void Replicas_beside_the_leader_count_the_leader_too(string description, int replicas) => AssertReplicas(description, replicas);

    [Theory]
    [InlineData("по три реплики в шарде", 3)]
    [InlineData("4 реплики на шард", 4)]
    [InlineData("в каждом шарде по 5 реплик", 5)]
    [InlineData("по 3 узла в каждом наборе реплик", 3)]
    public void Russian_members_per_replicaset(string description, int replicas) => AssertReplicas(description, replicas);

    [Theory]
    [InlineData("фактор репликации 3", 3)]
    [InlineData("коэффициент репликации — 2", 2)]
    [InlineData("три копии данных", 3)]
    [InlineData("данные хранятся в трех копиях", 3)]
    public void Russian_replication_factor_and_copies(string description, int replicas) => AssertReplicas(description, replicas);

    [Theory]
    [InlineData("мастер и две реплики", 3)]
    [InlineData("лидер + 3 реплики", 4)]
    [InlineData("2 реплики плюс мастер", 3)]
    public void Russian_replicas_beside_the_leader(string description, int replicas) => AssertReplicas(description, replicas);

    [Theory]
    [InlineData("A cluster for sessions, 300 GB")]
    [InlineData("Keep two replicas of the config in git")]
    [InlineData("реплика для отчётов")]
    public void No_count_stated_leaves_it_to_the_plan(string description)
    {
        var result = Read(description);

        Assert.Null(result.Request!.Replicas);
        Assert.False(result.Sources.ContainsKey("replicas"));
        Assert.DoesNotContain("\"replicas\"", result.ToJson());
    }

    [Fact]
    public void The_flag_sets_it_and_intake_json_shows_it()
    {
        var result = Read("", ("replicas", "4"));

        Assert.Equal(4, result.Request!.Replicas);
        Assert.Equal(ValueSource.Flag, result.Sources["replicas"]);
        Assert.Contains("\"replicas\": 4", result.ToJson());
    }

    [Fact]
    public void The_flag_wins_over_the_text_with_a_warning()
    {
        var result = Read("3 replicas per shard", ("replicas", "5"));

        Assert.Equal(5, result.Request!.Replicas);
        Assert.Equal(ValueSource.Flag, result.Sources["replicas"]);
        var warning = Assert.Single(ReplicaWarnings(result));
        Assert.Contains("--replicas 5", warning);
        Assert.Contains("3", warning);
    }

    [Fact]
    public void The_same_count_in_flag_and_text_is_no_warning()
    {
        var result = Read("3 replicas per shard", ("replicas", "3"));

        Assert.Equal(3, result.Request!.Replicas);
        Assert.Empty(ReplicaWarnings(result));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("10")]
    [InlineData("-1")]
    [InlineData("three")]
    [InlineData("")]
    public void A_flag_out_of_range_or_not_a_number_is_refused_naming_the_flag(string value)
    {
        var result = IntakeFixture.Resolve("", IntakeFixture.Required(("replicas", value)));

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("--replicas", error);
        Assert.Equal("replicas", RequestParameters.FieldOf(error));
    }

    [Fact]
    public void A_count_out_of_range_in_the_text_is_refused()
    {
        var result = IntakeFixture.Resolve("replication factor 12", IntakeFixture.Required());

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Contains("--replicas", StringComparison.Ordinal) && e.Contains("12", StringComparison.Ordinal));
    }

    [Fact]
    public void Replicas_for_a_single_instance_contradict_it()
    {
        var result = IntakeFixture.Resolve("", IntakeFixture.Required(("cluster-type", "single-instance"), ("replicas", "3")));

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Contains("--replicas 3", error);
        Assert.Contains("--cluster-type single-instance", error);
    }

    [Fact]
    public void One_replica_for_a_single_instance_is_what_it_is()
    {
        var result = Read("", ("cluster-type", "single-instance"), ("replicas", "1"));

        Assert.Equal(1, result.Request!.Replicas);
    }

    [Theory]
    [InlineData("replicated", "", "1", "3 zones", "--replicas 3 or 5")]
    [InlineData("replicated", "", "2", "3 zones", "--replicas 3 or 5")]
    [InlineData("sharded", "", "4", "3 zones", "--replicas 3 or 5")]
    [InlineData("multi-region", "", "4", "3 sites", "--replicas 3 or 5")]
    public void Distributed_ha_refuses_a_count_that_loses_the_quorum_with_one_location(
        string type, string description, string replicas, string where, string suggestion)
    {
        var result = IntakeFixture.Resolve(description, IntakeFixture.Required(
            ("cluster-type", type), ("ha-strategy", "distributed-ha"), ("replicas", replicas)));

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith($"--replicas {replicas} (from the command line) cannot keep a quorum under --ha-strategy distributed-ha", error);
        Assert.Contains($"spread over {where}", error);
        Assert.Contains($"Use {suggestion}, or --ha-strategy active-failover", error);
    }

    [Theory]
    [InlineData("replicated", "", "3")]
    [InlineData("replicated", "", "5")]
    [InlineData("sharded", "", "6")] // 2 + 2 + 2: losing one zone leaves 4 of 6, the quorum
    [InlineData("multi-region", "", "7")]
    [InlineData("multi-region", "4 regions", "4")] // one per site
    public void Distributed_ha_keeps_a_count_that_survives_losing_any_location(string type, string description, string replicas)
    {
        var result = Read(description, ("cluster-type", type), ("ha-strategy", "distributed-ha"), ("replicas", replicas));

        Assert.Equal(int.Parse(replicas, System.Globalization.CultureInfo.InvariantCulture), result.Request!.Replicas);
    }

    [Theory]
    [InlineData("active-failover", "2")]
    [InlineData("passive-failover", "4")]
    public void Other_strategies_keep_even_counts(string strategy, string replicas)
    {
        var result = Read("", ("ha-strategy", strategy), ("replicas", replicas));

        Assert.Equal(int.Parse(replicas, System.Globalization.CultureInfo.InvariantCulture), result.Request!.Replicas);
    }

    private static void AssertReplicas(string description, int replicas)
    {
        var result = Read(description);

        Assert.Equal(replicas, result.Request!.Replicas);
        Assert.Equal(ValueSource.Text, result.Sources["replicas"]);
        Assert.Empty(ReplicaWarnings(result));
    }

    /// <summary>Every warning but the one saying the fixture's replicated type overrides a "per shard" phrase's sharded
    /// reading.</summary>
    private static List<string> ReplicaWarnings(IntakeResult result) =>
        [.. result.Warnings.Where(w => !w.StartsWith("--cluster-type replicated (from the command line) overrides", StringComparison.Ordinal))];
}
