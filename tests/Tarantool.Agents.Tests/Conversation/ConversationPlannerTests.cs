using System.Text.Json;
using Tarantool.Agents.Conversation;
using Tarantool.Agents.Expert.CapacityPlanning;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Conversation;

public sealed class ConversationPlannerTests
{
    private const string Planned = "Planned. **Bundle:** http://127.0.0.1:5000/v1/runs/run_first/bundle.zip";

    private static ConversationOutcome Derive(params string[] turns) =>
        ConversationPlanner.Derive(turns.Select((t, i) => new ConversationMessage(i % 2 == 0 ? ConversationRole.User : ConversationRole.Assistant, t)).ToList());

    [Fact]
    public void A_complete_first_message_is_planned_through_the_intake()
    {
        var outcome = Derive("A sharded production cluster named orders on AWS, 300 GB, 40k reads per second, 4 shards");

        Assert.Equal(ConversationOutcomeKind.Plan, outcome.Kind);
        Assert.Equal(Language.En, outcome.Language);
        Assert.Empty(outcome.Parameters);
        var request = outcome.Intake!.Request!;
        Assert.Equal(("orders", ClusterType.Sharded, DeploymentEnvironment.Production, CloudProvider.Aws, 4), (request.ClusterName, request.ClusterType, request.Environment, request.CloudProvider, request.ShardCount));
        Assert.Equal(300, request.Workload.DataSizeGb);
        Assert.Null(outcome.PreviousRunId);
    }

    [Fact]
    public void Missing_required_fields_are_asked_for_with_their_allowed_values_and_nothing_is_planned()
    {
        var outcome = Derive("I need a replicated Tarantool cluster for sessions on AWS");

        Assert.Equal(ConversationOutcomeKind.Ask, outcome.Kind);
        Assert.Equal(["cluster-name", "environment"], outcome.Questions.Select(q => q.Fields.Single()));
        Assert.All(outcome.Questions, q => Assert.Equal(QuestionKind.Missing, q.Kind));
        var reply = ConversationReplies.Ask(outcome);
        Assert.Contains("development, staging, production", reply);
        Assert.Contains("cluster name", reply);
        Assert.DoesNotContain("cluster type", reply);
    }

    [Fact]
    public void A_russian_conversation_is_asked_in_russian()
    {
        var outcome = Derive("Нужен шардированный кластер Tarantool для заказов в AWS");

        Assert.Equal(ConversationOutcomeKind.Ask, outcome.Kind);
        Assert.Equal(Language.Ru, outcome.Language);
        var reply = ConversationReplies.Ask(outcome);
        Assert.Contains("не указано", reply);
        Assert.Contains("**окружение** (development, staging, production)", reply);
        Assert.Contains("**имя кластера**", reply);
        Assert.DoesNotContain("missing", reply);
    }

    [Fact]
    public void Short_answers_fill_the_missing_fields_and_keep_the_conversations_language()
    {
        var outcome = Derive("Нужен шардированный кластер Tarantool для заказов, 4 шарда", "Чтобы спланировать кластер...", "prod, AWS", "Чтобы спланировать...", "orders");

        Assert.Equal(ConversationOutcomeKind.Plan, outcome.Kind);
        Assert.Equal(Language.Ru, outcome.Language);
        Assert.Equal(new Dictionary<string, string> { ["cluster-name"] = "orders", ["environment"] = "production", ["cloud-provider"] = "aws" }, outcome.Parameters);
        Assert.Equal(4, outcome.Intake!.Request!.ShardCount);
    }

    [Fact]
    public void An_english_answer_to_a_question_fills_the_type()
    {
        var outcome = Derive("Cluster named sessions for production", "To plan the cluster I need...", "sharded");

        Assert.Equal(ConversationOutcomeKind.Plan, outcome.Kind);
        Assert.Equal(ClusterType.Sharded, outcome.Intake!.Request!.ClusterType);
        Assert.True(outcome.Intake.Request.EnableSharding);
    }

    [Fact]
    public void A_word_that_is_a_parameter_is_not_taken_for_the_cluster_name()
    {
        var outcome = Derive("A sharded cluster on AWS", "To plan the cluster I need...", "production");

        Assert.Equal(ConversationOutcomeKind.Ask, outcome.Kind);
        Assert.Equal("cluster-name", outcome.Questions.Single().Fields.Single());
        Assert.Equal("production", outcome.Parameters["environment"]);
    }

    [Theory]
    [InlineData("A single-instance production cluster named cache, multi-master", "en")]
    [InlineData("Кластер с именем cache для продакшена, одиночный инстанс, мульти-мастер", "ru")]
    public void Contradictory_fields_are_asked_about_together_and_nothing_is_planned(string description, string language)
    {
        var outcome = Derive(description);

        Assert.Equal(ConversationOutcomeKind.Ask, outcome.Kind);
        var question = Assert.Single(outcome.Questions);
        Assert.Equal(QuestionKind.Conflict, question.Kind);
        Assert.Equal(["cluster-type", "replication-mode"], question.Fields);
        Assert.Equal("master-master", question.CurrentValues["replication-mode"]);
        var reply = ConversationReplies.Ask(outcome);
        Assert.Contains(language == "ru" ? "противоречие" : "conflicting", reply);
        Assert.Contains("master-slave, master-master", reply);
    }

    [Theory]
    [InlineData("make it master-master")]
    [InlineData("сделай мульти-мастер")]
    public void A_follow_up_that_contradicts_the_request_is_asked_about(string edit)
    {
        var outcome = Derive("A single-instance production cluster named cache", Planned, edit);

        Assert.Equal(ConversationOutcomeKind.Ask, outcome.Kind);
        var question = Assert.Single(outcome.Questions);
        Assert.Equal((QuestionKind.Conflict, "cluster-type,replication-mode"), (question.Kind, string.Join(",", question.Fields)));
        Assert.Equal("single-instance", question.CurrentValues["cluster-type"]);
    }

    [Fact]
    public void A_value_out_of_range_in_a_follow_up_is_asked_about_and_not_planned()
    {
        var outcome = Derive("A sharded production cluster named orders, 4 shards", Planned, "make it 5000 shards");

        Assert.Equal(ConversationOutcomeKind.Ask, outcome.Kind);
        var question = Assert.Single(outcome.Questions);
        Assert.Equal((QuestionKind.Invalid, "shard-count"), (question.Kind, question.Fields.Single()));
        Assert.Contains("5000", question.Explanation);
        Assert.Contains("1–1024", ConversationReplies.Ask(outcome));
    }

    [Fact]
    public void Later_statements_win_over_earlier_ones()
    {
        var outcome = Derive("A replicated cluster named sessions for staging", Planned, "actually production", Planned, "and on GCP", Planned, "no, Azure");

        Assert.Equal(ConversationOutcomeKind.Plan, outcome.Kind);
        Assert.Equal((DeploymentEnvironment.Production, CloudProvider.Azure), (outcome.Intake!.Request!.Environment, outcome.Intake.Request.CloudProvider));
        Assert.Equal([new ConversationChange("cloud-provider", "gcp", "azure")], outcome.Changes);
    }

    [Theory]
    [InlineData("make it 6 shards")]
    [InlineData("сделай 6 шардов")]
    [InlineData("--shard-count 6")]
    public void A_shard_count_edit_replans_with_the_previous_run_for_reuse(string edit)
    {
        var outcome = Derive("A sharded production cluster named orders on AWS, 4 shards", Planned, edit);

        Assert.Equal(ConversationOutcomeKind.Plan, outcome.Kind);
        Assert.Equal("run_first", outcome.PreviousRunId);
        Assert.Equal("6", outcome.Parameters["shard-count"]);
        Assert.Equal(6, outcome.Intake!.Request!.ShardCount);
        Assert.Contains(new ConversationChange("shard-count", "4", "6"), outcome.Changes);
    }

    [Theory]
    [InlineData("add a shard", 5)]
    [InlineData("one more shard please", 5)]
    [InlineData("add 2 shards", 6)]
    [InlineData("добавь ещё один шард", 5)]
    [InlineData("ещё 2 шарда", 6)]
    [InlineData("remove a shard", 3)]
    [InlineData("убери один шард", 3)]
    public void A_relative_shard_edit_applies_to_the_previous_count(string edit, int expected)
    {
        var outcome = Derive("A sharded production cluster named orders, 4 shards", Planned, edit);

        Assert.Equal(ConversationOutcomeKind.Plan, outcome.Kind);
        Assert.Equal(expected, outcome.Intake!.Request!.ShardCount);
        Assert.Equal(ClusterType.Sharded, outcome.Intake.Request.ClusterType);
    }

    [Fact]
    public void A_relative_shard_edit_applies_to_the_count_the_plan_chose_when_the_user_gave_none()
    {
        var first = Derive("A sharded production cluster named orders, 2 TB of data");
        var chosen = CapacityCalculator.Plan(first.Intake!.Request!, Language.En).StorageReplicasets;

        var outcome = Derive("A sharded production cluster named orders, 2 TB of data", Planned, "add one more shard");

        Assert.True(first.Intake.Request!.ShardCountIsDefault);
        Assert.Equal(chosen + 1, outcome.Intake!.Request!.ShardCount);
    }

    [Theory]
    [InlineData("move it to GCP")]
    [InlineData("перенеси в GCP")]
    public void A_cloud_edit_moves_the_cluster(string edit)
    {
        var outcome = Derive("A sharded production cluster named orders on AWS", Planned, edit);

        Assert.Equal(ConversationOutcomeKind.Plan, outcome.Kind);
        Assert.Equal(CloudProvider.Gcp, outcome.Intake!.Request!.CloudProvider);
        Assert.Equal([new ConversationChange("cloud-provider", "aws", "gcp")], outcome.Changes);
    }

    [Theory]
    [InlineData("switch to synchronous replication")]
    [InlineData("переключи на синхронную репликацию")]
    public void Synchronous_replication_turns_on_election_without_changing_the_shape(string edit)
    {
        var outcome = Derive("A sharded production cluster named orders with manual failover", Planned, edit);

        Assert.Equal(ConversationOutcomeKind.Plan, outcome.Kind);
        var request = outcome.Intake!.Request!;
        Assert.Equal((ClusterType.Sharded, HaStrategy.ActiveFailover, ReplicationMode.MasterSlave), (request.ClusterType, request.HaStrategy, request.ReplicationMode));
        Assert.Contains(new ConversationChange("ha-strategy", "passive-failover", "active-failover"), outcome.Changes);
    }

    [Fact]
    public void Synchronous_replication_on_a_single_instance_is_asked_about()
    {
        var outcome = Derive("A single-instance cluster named cache for development", Planned, "switch to synchronous replication");

        Assert.Equal(ConversationOutcomeKind.Ask, outcome.Kind);
        Assert.Equal("cluster-type", outcome.Questions.Single().Fields.Single());
    }

    [Theory]
    [InlineData("make it 6 shards")]
    [InlineData("сделай 6 шардов")]
    public void A_shard_count_for_a_replicated_cluster_makes_it_sharded(string edit)
    {
        var outcome = Derive("A replicated production cluster named sessions", Planned, edit);

        Assert.Equal(ConversationOutcomeKind.Plan, outcome.Kind);
        Assert.Equal((ClusterType.Sharded, true, 6), (outcome.Intake!.Request!.ClusterType, outcome.Intake.Request.EnableSharding, outcome.Intake.Request.ShardCount));
    }

    [Fact]
    public void Making_a_sharded_cluster_replicated_drops_the_first_messages_shard_count()
    {
        var outcome = Derive("A sharded production cluster named orders, 4 shards", Planned, "make it a replicated cluster instead");

        Assert.Equal(ConversationOutcomeKind.Plan, outcome.Kind);
        Assert.Equal((ClusterType.Replicated, false), (outcome.Intake!.Request!.ClusterType, outcome.Intake.Request.EnableSharding));
    }

    [Fact]
    public void Talking_about_replication_in_a_follow_up_does_not_turn_a_sharded_cluster_into_a_replicated_one()
    {
        var outcome = Derive("A sharded production cluster named orders, 4 shards", Planned, "make the replication master-master");

        Assert.Equal(ConversationOutcomeKind.Plan, outcome.Kind);
        Assert.Equal((ClusterType.Sharded, ReplicationMode.MasterMaster), (outcome.Intake!.Request!.ClusterType, outcome.Intake.Request.ReplicationMode));
    }

    [Fact]
    public void A_follow_up_without_a_change_plans_nothing()
    {
        var outcome = Derive("A sharded production cluster named orders, 4 shards", Planned, "thanks!");

        Assert.Equal(ConversationOutcomeKind.Unchanged, outcome.Kind);
        Assert.Contains("nothing to re-plan", ConversationReplies.Unchanged(outcome, null));
    }

    [Theory]
    [InlineData("re-plan")]
    [InlineData("run it again")]
    [InlineData("давай ещё раз")]
    public void Asking_to_plan_again_replans_the_same_request_with_the_previous_run_for_reuse(string edit)
    {
        var outcome = Derive("A sharded production cluster named orders, 4 shards", Planned, edit);

        Assert.Equal(ConversationOutcomeKind.Plan, outcome.Kind);
        Assert.Empty(outcome.Changes);
        Assert.Equal("run_first", outcome.PreviousRunId);
    }

    [Fact]
    public void The_previous_run_is_the_latest_one_a_reply_linked()
    {
        var outcome = Derive("A sharded production cluster named orders", Planned, "make it 6 shards",
            "Done. http://h/v1/runs/run_second/bundle.zip and http://h/v1/runs/run_second/files/tarantool/config.yaml", "move it to GCP");

        Assert.Equal("run_second", outcome.PreviousRunId);
        Assert.Equal(("gcp", "6"), (outcome.Parameters["cloud-provider"], outcome.Parameters["shard-count"]));
    }

    [Fact]
    public void The_same_conversation_always_comes_to_the_same_outcome_and_words()
    {
        string[] turns = ["Нужен кластер для заказов в AWS, 4 шарда", "...", "prod", "...", "сделай 6 шардов"];
        var first = Derive(turns);
        var second = Derive(turns);

        Assert.Equal(JsonSerializer.Serialize(first with { Intake = null }), JsonSerializer.Serialize(second with { Intake = null }));
        Assert.Equal(first.Intake!.ToJson(), second.Intake!.ToJson());
        Assert.Equal(ConversationReplies.Ask(first), ConversationReplies.Ask(second));
    }

    [Fact]
    public void A_conversation_without_a_user_message_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ConversationPlanner.Derive([new ConversationMessage(ConversationRole.Other, "You are helpful.")]));
    }
}
