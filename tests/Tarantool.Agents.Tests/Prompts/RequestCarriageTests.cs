using Microsoft.Extensions.AI;
using Tarantool.Agents.Cli.Commands;
using Tarantool.Agents.Expert;
using Tarantool.Agents.Intake;
using Tarantool.Agents.Prompts;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Workflow;

namespace Tarantool.Agents.Tests.Prompts;

/// <summary>
/// A phase's prompt carries only the request fields its prompt file declares (<c>request:</c>), and what reads the
/// request back from the prompt cannot read any other: so a prompt, and the answer reused for it, changes exactly
/// when a field the answer depends on changes.
/// </summary>
public sealed class RequestCarriageTests : IDisposable
{
    private static readonly Dictionary<string, string> Orders = new()
    {
        ["cluster-name"] = "orders",
        ["cluster-type"] = "sharded",
        ["environment"] = "production",
        ["cloud-provider"] = "aws",
        ["shard-count"] = "4",
    };

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_request_read_back_from_a_prompt_holds_the_declared_fields_and_refuses_the_others()
    {
        var workflow = WorkflowLoader.Load(RepositoryPaths.Root);
        var prompt = await RenderAsync(workflow, 5, Orders);

        var block = PromptPayload.ParseRequest(Block(prompt))!;
        var request = block.Request;
        Assert.Equal(workflow.Phase(5).DeclaredRequestFields(), request.Carried);
        Assert.Equal("orders", request.ClusterName);
        Assert.Equal(ClusterType.Sharded, request.ClusterType);
        Assert.Equal(ReplicationMode.MasterSlave, request.ReplicationMode);
        // Replication does not depend on the cloud, the retention or the deployment form: its prompt does not say them,
        // and reading them fails instead of yielding a default.
        Assert.DoesNotContain("cloudProvider", prompt);
        Assert.DoesNotContain("backupRetentionDays", prompt);
        var cloud = Assert.Throws<RequestFieldNotCarriedException>(() => request.CloudProvider);
        Assert.Contains("'cloud-provider'", cloud.Message);
        Assert.Throws<RequestFieldNotCarriedException>(() => request.BackupRetentionDays);
        Assert.Throws<RequestFieldNotCarriedException>(() => request.UsesKubernetes);
        Assert.Throws<RequestFieldNotCarriedException>(() => request.Description);
    }

    [Theory]
    [InlineData(1, "backup-retention-days", "7", false)]
    [InlineData(1, "cloud-provider", "gcp", false)]
    [InlineData(1, "cluster-name", "orders-prod", true)]
    [InlineData(3, "backup-retention-days", "7", true)]
    [InlineData(2, "backup-retention-days", "7", false)]
    [InlineData(5, "replication-mode", "master-master", true)]
    public async Task A_prompt_changes_exactly_when_a_field_it_declares_changes(int phase, string field, string value, bool changes)
    {
        var workflow = WorkflowLoader.Load(RepositoryPaths.Root);
        var before = await RenderAsync(workflow, phase, Orders);
        var after = await RenderAsync(workflow, phase, new Dictionary<string, string>(Orders) { [field] = value });

        Assert.Equal(changes, before != after);
        Assert.Equal(changes, workflow.Phase(phase).DeclaredRequestFields().HasFlag(RequestFieldNames.Parse(field)!.Value));
    }

    [Fact]
    public async Task The_embedded_expert_fails_loudly_when_a_prompt_leaves_out_a_field_its_answer_needs()
    {
        foreach (var folder in new[] { "agents", "prompts" })
        {
            Directory.CreateDirectory(_temp.Combine(folder));
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, folder)))
                File.Copy(file, _temp.Combine(folder, Path.GetFileName(file)));
        }

        // The capacity plan sizes the workload: a prompt file that stops declaring it cannot be answered.
        var path = _temp.Combine("prompts", "01-capacity-planning.yaml");
        var text = await File.ReadAllTextAsync(path);
        Assert.Contains(", workload]", text);
        await File.WriteAllTextAsync(path, text.Replace(", workload]", "]"));
        var prompt = await RenderAsync(WorkflowLoader.Load(_temp.Path), 1, Orders);
        Assert.DoesNotContain("\"workload\"", prompt);

        using var expert = new TarantoolExpertChatClient();
        var error = await Assert.ThrowsAsync<RequestFieldNotCarriedException>(() => expert.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)]));
        Assert.Equal(CarriedFields.Workload, error.Field);
        Assert.Contains("'workload'", error.Message);
    }

    [Fact]
    public void A_request_block_without_declarations_carries_the_whole_request_as_before()
    {
        var request = RequestIntake.Resolve(new IntakeInput(Orders, "Orders DB, 300 GB")).Request!;
        var block = PromptPayload.Request(request, Language.En);

        var parsed = PromptPayload.ParseRequest(block)!.Request;
        Assert.Equal(CarriedFields.All, parsed.Carried);
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(request, Tarantool.Agents.Serialization.JsonDefaults.Compact),
            System.Text.Json.JsonSerializer.Serialize(parsed, Tarantool.Agents.Serialization.JsonDefaults.Compact));
    }

    private static async Task<string> RenderAsync(WorkflowDefinition workflow, int phase, Dictionary<string, string> flags) =>
        await PromptsCommand.RenderAsync(workflow, phase, RequestIntake.Resolve(new IntakeInput(flags, "Orders DB, 300 GB, 40k read RPS")), CancellationToken.None);

    private static string Block(string prompt)
    {
        var start = prompt.IndexOf("<request>", StringComparison.Ordinal) + "<request>".Length;
        return prompt[start..prompt.IndexOf("</request>", StringComparison.Ordinal)];
    }
}
