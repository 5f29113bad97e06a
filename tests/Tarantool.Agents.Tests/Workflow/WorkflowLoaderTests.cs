using Tarantool.Agents.Assets;
using Tarantool.Agents.Cli.Commands;
using Tarantool.Agents.Intake;
using Tarantool.Agents.Workflow;

namespace Tarantool.Agents.Tests.Workflow;

public sealed class WorkflowLoaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public WorkflowLoaderTests()
    {
        foreach (var folder in new[] { "agents", "prompts" })
        {
            Directory.CreateDirectory(_temp.Combine(folder));
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, folder)))
                File.Copy(file, _temp.Combine(folder, Path.GetFileName(file)));
        }
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_repository_defines_ten_phases_with_the_seeds_agents()
    {
        var workflow = WorkflowLoader.Load(RepositoryPaths.Root);

        Assert.Equal(Enumerable.Range(1, 10), workflow.Phases.Select(p => p.Id));
        Assert.Equal(
            ["tarantool-architect", "tarantool-architect", "tarantool-architect", "tarantool-architect", "tarantool-architect",
             "kubernetes-architect", "observability-engineer", "tarantool-architect", "docs-architect", "deployment-engineer"],
            workflow.Phases.Select(p => p.Agent));
        Assert.Equal(5, workflow.Agents.Count);
    }

    [Fact]
    public async Task Editing_a_prompt_file_changes_the_rendered_prompt_without_rebuilding()
    {
        var path = _temp.Combine("prompts", "01-capacity-planning.yaml");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("Size the cluster for the workload", "Size the cluster, frugally, for the workload"));
        var intake = RequestIntake.Resolve(new IntakeInput(new Dictionary<string, string> { ["cluster-name"] = "x", ["cluster-type"] = "replicated", ["environment"] = "staging" }, ""));

        var prompt = await PromptsCommand.RenderAsync(WorkflowLoader.Load(AssetLocator.Locate(_temp.Path)), 1, intake, CancellationToken.None);

        Assert.Contains("Size the cluster, frugally, for the workload", prompt);
    }

    [Theory]
    [InlineData("02-topology.yaml", "agent: tarantool-architect", "agent: nobody", "names agent 'nobody'")]
    [InlineData("02-topology.yaml", "dependsOn: [1]", "dependsOn: [3]", "may depend only on earlier phases")]
    [InlineData("02-topology.yaml", "dependsOn: [1]", "dependsOn: [42]", "does not exist")]
    [InlineData("02-topology.yaml", "output: ClusterTopology", "output: Horoscope", "names output 'Horoscope'")]
    [InlineData("03-backup-recovery.yaml", "id: 3", "id: 2", "declared more than once")]
    [InlineData("03-backup-recovery.yaml", "dependsOn: [1, 2]", "dependsOn: [1, 2", "prompts/03-backup-recovery.yaml")]
    [InlineData("03-backup-recovery.yaml", "backup-retention-days, tarantool-version", "backup-retention, tarantool-version", "declares request field 'backup-retention'; known fields: cluster-name")]
    [InlineData("09-documentation.yaml", "- key: scaling", "- key: sizing", "declares part 'sizing'; OperationsGuide has parts setup, operations")]
    [InlineData("09-documentation.yaml", "- key: training", "- key: setup", "declares part 'setup' more than once")]
    [InlineData("09-documentation.yaml", "- key: training", "- key: setup", "does not declare part 'training' of OperationsGuide")]
    public async Task A_broken_workflow_definition_is_refused_with_what_to_fix(string file, string from, string to, string expected)
    {
        var path = _temp.Combine("prompts", file);
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace(from, to));

        var error = Assert.Throws<WorkflowDefinitionException>(() => WorkflowLoader.Load(_temp.Path));

        Assert.Contains(expected, error.Message);
    }
}
