using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.DrTesting;
using Tarantool.Agents.Tests.Phases.BackupRecovery;
using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.Tests.Phases.DrTesting;

public sealed class DrScriptsRendererTests
{
    public static TheoryData<string> Fixtures() => [.. BackupFixtures.Names];

    private static IReadOnlyList<BundleFile> Render(string fixture, DrTestPlan? plan = null) =>
        DrTestingPhase.Spec.Render(plan ?? DrFixtures.Plan(fixture), DrFixtures.Context(fixture));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_lib_one_script_per_scenario_and_the_yaml(string fixture)
    {
        var plan = DrFixtures.Plan(fixture);
        var files = Render(fixture, plan);

        Assert.Equal(["dr/lib.sh", .. plan.Scenarios.Select(s => s.Script), "dr/scenarios.yaml"], files.Select(f => f.Path));
        foreach (var script in files.Where(f => f.Path.EndsWith(".sh", StringComparison.Ordinal)))
        {
            Assert.True(script.Executable, script.Path);
            Assert.StartsWith("#!/usr/bin/env bash\n", script.Content);
            Assert.DoesNotMatch(@"\{\{[A-Z_]+\}\}", script.Content);
            Assert.EndsWith("\n", script.Content);
        }
        Assert.False(files.Single(f => f.Path == "dr/scenarios.yaml").Executable);
    }

    [Fact]
    public void Drills_carry_the_thresholds_and_names_of_the_plan()
    {
        var plan = DrFixtures.Plan("replicated-prod");
        var leader = plan.Scenarios.Single(s => s.Id == "leader-failover");
        var script = Render("replicated-prod", plan).Single(f => f.Path == "dr/drill-leader-failover.sh").Content;
        var lib = Render("replicated-prod", plan).Single(f => f.Path == "dr/lib.sh").Content;

        Assert.Contains($"RTO_THRESHOLD=\"${{RTO_THRESHOLD:-{leader.RtoThresholdSeconds}}}\"", script);
        Assert.Contains("REPLICASET=\"${REPLICASET:-db-001}\"", script);
        Assert.Contains("\"db-001-2 db-001 orders-node-2 3301 production\"", lib);
        Assert.Contains("SYNC_MARKERS=\"${SYNC_MARKERS:-true}\"", lib);
        // The platform follows the deployment form: replicated-prod is on AWS, whose instances run as pods.
        Assert.Contains("PLATFORM=\"${PLATFORM:-kubernetes}\"", lib);
        Assert.Contains("PLATFORM=\"${PLATFORM:-kubernetes}\"", Render("k8s-prod").Single(f => f.Path == "dr/lib.sh").Content);
        Assert.Contains("PLATFORM=\"${PLATFORM:-vm}\"", Render("passive-staging").Single(f => f.Path == "dr/lib.sh").Content);
    }

    [Fact]
    public void Scenarios_yaml_parses_and_lists_every_scenario()
    {
        var plan = DrFixtures.Plan("multi-region-prod");
        var yaml = Render("multi-region-prod", plan).Single(f => f.Path == "dr/scenarios.yaml").Content;
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var scenarios = (YamlSequenceNode)((YamlMappingNode)root["plan"])["scenarios"];

        Assert.Equal("ledger", root["cluster"].ToString());
        Assert.Equal(plan.Scenarios.Select(s => s.Id), scenarios.Select(s => ((YamlMappingNode)s)["id"].ToString()));
        Assert.Equal(plan.Scenarios[0].RtoThresholdSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ((YamlMappingNode)scenarios[0])["rtoThresholdSeconds"].ToString());
    }

    [Fact]
    public void Unknown_scenarios_get_a_printed_checklist()
    {
        var plan = DrFixtures.Plan("replicated-prod");
        var extra = plan.Scenarios[0] with { Id = "disk-full", Failure = "disk-full", Script = "dr/drill-disk-full.sh", Steps = ["Fill the disk with fallocate", "Watch TarantoolDiskSpaceLow"] };
        var script = Render("replicated-prod", plan with { Scenarios = [.. plan.Scenarios, extra] }).Single(f => f.Path == "dr/drill-disk-full.sh").Content;

        Assert.Contains("1. Fill the disk with fallocate", script);
        Assert.Contains("RESULT disk-full MANUAL", script);
    }

    [Fact]
    public void Rendering_is_deterministic()
    {
        Assert.Equal(Render("sharded-prod").Select(f => f.Content), Render("sharded-prod").Select(f => f.Content));
    }

    [ToolFact("shellcheck")]
    public void Drills_are_shellcheck_clean()
    {
        foreach (var fixture in new[] { "replicated-prod", "passive-staging", "multi-region-prod", "sharded-prod", "single-dev", "k8s-prod" })
        {
            var files = Render(fixture);
            var root = ShellTools.WriteBundle(files);
            var scripts = files.Where(f => f.Executable).Select(f => Path.GetFileName(f.Path));
            var (code, output) = ShellTools.ShellCheck(Path.Combine(root, "dr"), scripts);
            Assert.True(code == 0, $"{fixture}:\n{output}");
        }
    }

    [ToolFact("bash")]
    public void Every_drill_dry_runs_to_a_result_line()
    {
        foreach (var fixture in new[] { "replicated-prod", "passive-staging", "multi-region-prod", "sharded-prod", "single-dev" })
        {
            var plan = DrFixtures.Plan(fixture);
            var root = ShellTools.WriteBundle(Render(fixture, plan));
            foreach (var scenario in plan.Scenarios)
            {
                var (code, output) = ShellTools.Run("bash", [scenario.Script], root, new Dictionary<string, string> { ["DRY_RUN"] = "1" });
                Assert.True(code == 0, $"{fixture} {scenario.Script}:\n{output}");
                Assert.Contains($"RESULT {scenario.Id} DRY-RUN", output);
            }
        }
    }
}
