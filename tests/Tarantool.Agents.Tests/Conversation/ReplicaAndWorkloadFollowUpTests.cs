using Tarantool.Agents.Conversation;
using Tarantool.Agents.Expert.CapacityPlanning;
using Tarantool.Agents.Intake;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Conversation;

/// <summary>
/// Follow-ups that change the replica count (relative to the count before, or absolute) and the workload figures,
/// in English and Russian: a new run with the change named in the reply, the description the run reads stating the
/// new figures and nothing else lost.
/// </summary>
public sealed class ReplicaAndWorkloadFollowUpTests
{
    private const string Planned = "Planned. **Bundle:** http://127.0.0.1:5000/v1/runs/run_first/bundle.zip";

    private static ConversationOutcome Derive(params string[] turns) =>
        ConversationPlanner.Derive(turns.Select((t, i) => new ConversationMessage(i % 2 == 0 ? ConversationRole.User : ConversationRole.Assistant, t)).ToList());

    [Theory]
    [InlineData("add one more replica", 4)]
    [InlineData("add another replica", 4)]
    [InlineData("add 2 replicas", 5)]
    [InlineData("добавь ещё одну реплику", 4)]
    [InlineData("ещё 2 реплики", 5)]
    [InlineData("remove a replica", 2)]
    [InlineData("убери одну реплику", 2)]
    public void A_relative_replica_edit_applies_to_the_count_the_plan_derived(string edit, int expected)
    {
        const string first = "A sharded production cluster named orders, 4 shards";
        var derived = CapacityCalculator.Plan(Derive(first).Intake!.Request!, Language.En).InstancesPerReplicaset;
        Assert.Equal(3, derived);

        var outcome = Derive(first, Planned, edit);

        Assert.Equal(ConversationOutcomeKind.Plan, outcome.Kind);
        Assert.Equal("run_first", outcome.PreviousRunId);
        var request = outcome.Intake!.Request!;
        Assert.Equal(expected, request.Replicas);
        Assert.Equal((ClusterType.Sharded, 4), (request.ClusterType, request.ShardCount));
        Assert.Equal([new ConversationChange("replicas", "3", expected.ToString(System.Globalization.CultureInfo.InvariantCulture))], outcome.Changes);
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.Parameters["replicas"]);
        Assert.Empty(outcome.Notes);
    }

    [Fact]
    public void A_relative_edit_applies_to_the_count_a_previous_message_stated()
    {
        var outcome = Derive("A sharded production cluster named orders, 5 replicas per shard", Planned, "add one more replica");

        Assert.Equal(6, outcome.Intake!.Request!.Replicas);
        Assert.Contains(new ConversationChange("replicas", "5", "6"), outcome.Changes);
    }

    [Theory]
    [InlineData("5 replicas", 5)]
    [InlineData("make it 4 replicas per shard", 4)]
    [InlineData("replication factor 2", 2)]
    [InlineData("по 5 реплик в шарде", 5)]
    [InlineData("фактор репликации 4", 4)]
    [InlineData("--replicas 5", 5)]
    public void An_absolute_replica_count_sets_it(string edit, int expected)
    {
        var outcome = Derive("A sharded production cluster named orders, 4 shards", Planned, edit);

        Assert.Equal(ConversationOutcomeKind.Plan, outcome.Kind);
        Assert.Equal(expected, outcome.Intake!.Request!.Replicas);
        Assert.Equal(ClusterType.Sharded, outcome.Intake.Request.ClusterType);
    }

    [Fact]
    public void A_replica_for_a_single_instance_makes_it_a_replicaset()
    {
        var outcome = Derive("A single-instance cluster named cache for development", Planned, "add a replica");

        Assert.Equal(ConversationOutcomeKind.Plan, outcome.Kind);
        Assert.Equal((ClusterType.Replicated, 2), (outcome.Intake!.Request!.ClusterType, outcome.Intake.Request.Replicas));
    }

    [Fact]
    public void A_count_beyond_the_limit_is_asked_about_with_the_allowed_range()
    {
        var outcome = Derive("A sharded production cluster named orders, 9 replicas per shard", Planned, "add one more replica");

        Assert.Equal(ConversationOutcomeKind.Ask, outcome.Kind);
        Assert.Equal("replicas", outcome.Questions.Single().Fields.Single());
        Assert.Contains("1–9", ConversationReplies.Ask(outcome));
    }

    [Fact]
    public void The_reply_names_the_replica_change_in_russian()
    {
        var outcome = Derive("Шардированный кластер Tarantool с именем orders для production, 4 шарда", Planned, "добавь ещё одну реплику");

        Assert.Equal(Language.Ru, outcome.Language);
        Assert.Equal("orders", outcome.Intake!.Request!.ClusterName);
        Assert.Equal("Изменено: инстансов в наборе реплик (с лидером) `3` → `4`.", ConversationReplies.Changes(outcome));
    }

    [Theory]
    [InlineData("data will be 200 GB", 200.0)]
    [InlineData("make it 200 GB", 200.0)]
    [InlineData("объем данных 300 ГБ", 300.0)]
    public void A_data_size_follow_up_replaces_the_first_messages(string edit, double gb)
    {
        const string first = "A sharded production cluster named orders on AWS. Around 120 GB of data, 15k read RPS and 3k write RPS, average record 700 bytes, growing 40% per year.";
        var outcome = Derive(first, Planned, edit);

        Assert.Equal(ConversationOutcomeKind.Plan, outcome.Kind);
        var request = outcome.Intake!.Request!;
        Assert.Equal(gb, request.Workload.DataSizeGb);
        // The figures that shared the sentence are kept, and so is everything else the first message said.
        Assert.Equal((15_000, 3_000, 700, 40.0), (request.Workload.ReadRps, request.Workload.WriteRps, request.Workload.AverageRecordBytes, request.Workload.GrowthPercentPerYear));
        Assert.Equal(("orders", ClusterType.Sharded, CloudProvider.Aws), (request.ClusterName, request.ClusterType, request.CloudProvider));
        Assert.Empty(outcome.Intake.Warnings);
        Assert.Contains(new ConversationChange("data-size", "120 GB", $"{gb:0} GB"), outcome.Changes);
        Assert.Equal(outcome.Description, request.Description);
        Assert.DoesNotContain("120 GB", outcome.Description);
    }

    [Theory]
    [InlineData("20k writes per second")]
    [InlineData("writes 20k per second")]
    [InlineData("20 000 записей в секунду")]
    public void A_write_rate_follow_up_replaces_only_the_write_rate(string edit)
    {
        var outcome = Derive("A sharded production cluster named orders, 300 GB, 40k reads per second and 5k writes per second", Planned, edit);

        var workload = outcome.Intake!.Request!.Workload;
        Assert.Equal((40_000, 20_000, 300.0), (workload.ReadRps, workload.WriteRps, workload.DataSizeGb));
        Assert.Contains(new ConversationChange("write-rps", "5000/s", "20000/s"), outcome.Changes);
        Assert.Empty(outcome.Intake.Warnings);
    }

    [Fact]
    public void Workload_and_shard_edits_in_one_message_both_apply()
    {
        var outcome = Derive("A sharded production cluster named orders, 300 GB", Planned, "make it 6 shards and 900 GB");

        Assert.Equal(ConversationOutcomeKind.Plan, outcome.Kind);
        Assert.Equal((6, 900.0), (outcome.Intake!.Request!.ShardCount, outcome.Intake.Request.Workload.DataSizeGb));
        Assert.Empty(outcome.Notes);
        var changes = ConversationReplies.Changes(outcome)!;
        Assert.Contains("→ `6`", changes);
        Assert.Contains("data size `300 GB` → `900 GB`", changes);
    }

    [Fact]
    public void Later_figures_win_over_earlier_follow_ups_and_the_description_is_the_same_for_the_same_conversation()
    {
        string[] turns = ["A sharded production cluster named orders, 300 GB", Planned, "data will be 500 GB", Planned, "объем данных 700 GB"];

        var outcome = Derive(turns);
        var again = Derive(turns);

        Assert.Equal(700, outcome.Intake!.Request!.Workload.DataSizeGb);
        Assert.Equal(outcome.Description, again.Description);
        Assert.Contains(new ConversationChange("data-size", "500 GB", "700 GB"), outcome.Changes);
    }

    [Fact]
    public void A_russian_workload_follow_up_keeps_the_description_russian()
    {
        var outcome = Derive("Шардированный кластер с именем orders для production, 300 ГБ данных, 10 тысяч чтений в секунду", Planned, "объем данных 500 ГБ");

        Assert.Equal(500, outcome.Intake!.Request!.Workload.DataSizeGb);
        Assert.Equal(10_000, outcome.Intake.Request.Workload.ReadRps);
        Assert.Equal(Language.Ru, outcome.Intake.Language);
        Assert.Contains("Нагрузка: объем данных 500 ГБ", outcome.Description);
        Assert.StartsWith("Изменено: объём данных `300 GB` → `500 GB`", ConversationReplies.Changes(outcome));
    }

    [Fact]
    public void The_engine_in_a_follow_up_is_still_noted_as_the_first_messages()
    {
        var outcome = Derive("A sharded production cluster named orders, 300 GB", Planned, "use vinyl");

        Assert.Contains(ConversationNote.WorkloadFromFirstMessage, outcome.Notes);
    }

    [Fact]
    public void The_replicas_field_is_a_request_parameter_everywhere()
    {
        Assert.True(RequestParameters.IsParameter("replicas"));
        Assert.Equal("replicas", RequestParameters.FieldOf("--replicas: 12 instances per replicaset is out of range; use 1 to 9."));
    }
}
