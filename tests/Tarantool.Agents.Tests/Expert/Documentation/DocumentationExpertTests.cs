using Tarantool.Agents.Expert.Documentation;
using Tarantool.Agents.Languages;
using Tarantool.Agents.Phases.Monitoring;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.Documentation;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Tests.Phases.Documentation;

namespace Tarantool.Agents.Tests.Expert.Documentation;

public sealed class DocumentationExpertTests
{
    private static readonly DocumentationExpert Expert = new();

    public static TheoryData<string, Language> FixturesAndLanguages()
    {
        var data = new TheoryData<string, Language>();
        foreach (var fixture in ClusterFixtures.All())
        {
            data.Add(fixture.Name, Language.En);
            data.Add(fixture.Name, Language.Ru);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FixturesAndLanguages))]
    public void Guide_of_every_cluster_shape_passes_its_validator(string name, Language language)
    {
        var context = ClusterFixtures.ByName(name).Context(language);
        var guide = Expert.Design(context);

        var issues = DocumentationPhase.Spec.Validate(guide, context);

        Assert.True(issues.Count == 0, string.Join("\n", issues));
    }

    [Theory]
    [MemberData(nameof(FixturesAndLanguages))]
    public void Narrative_has_the_required_sections_in_the_requested_language(string name, Language language)
    {
        var answer = Expert.Answer(ClusterFixtures.ByName(name).Context(language));

        var headings = answer.Narrative.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..]).ToList();
        Assert.Equal(DocumentationPhase.Sections.Select(s => s.Heading(language)), headings);
        Assert.StartsWith("# ", answer.Narrative);
        Assert.Equal(language, LanguageDetector.Detect(answer.Narrative));
    }

    [Theory]
    [MemberData(nameof(FixturesAndLanguages))]
    public void Every_document_reads_in_the_requested_language(string name, Language language)
    {
        var guide = Expert.Design(ClusterFixtures.ByName(name).Context(language));

        foreach (var document in guide.Documents)
        {
            var markdown = OperationsGuideRenderer.ToMarkdown(document);
            Assert.True(LanguageDetector.Detect(markdown) == language, document.File);
            foreach (var section in document.Sections.Where(s => s.Markdown.Length > 400))
                Assert.True(LanguageDetector.Detect(section.Markdown) == language, $"{document.File}: {section.Heading}");
        }
    }

    [Fact]
    public void Commands_follow_the_tooling()
    {
        var config = Text(ClusterFixtures.ShardedManual());
        Assert.Contains("require('config'):reload()", config);
        Assert.Contains("leader: storage-001-2", config);
        Assert.Contains("tt replicaset upgrade payments", config);
        Assert.DoesNotContain("tt cartridge", config);

        var cartridge = Text(ClusterFixtures.Cartridge());
        Assert.Contains("tt cartridge replicasets setup --bootstrap-vshard", cartridge);
        Assert.Contains("cartridge.failover_promote", cartridge);
        Assert.DoesNotContain("require('config')", cartridge);

        var election = Text(ClusterFixtures.ReplicatedProduction());
        Assert.Contains("box.ctl.promote()", election);
        Assert.Contains("tt replicaset promote orders:db-001-2", election);

        var boxcfg = Text(ClusterFixtures.BoxCfgManual());
        Assert.Contains("box.cfg{read_only = true}", boxcfg);
        Assert.DoesNotContain("tt cluster publish", boxcfg);
    }

    [Fact]
    public void Kubernetes_cluster_gets_kubectl_commands()
    {
        var text = Text(ClusterFixtures.MultiRegion());

        Assert.Contains("kubectl exec -i -n ledger storage-001-1 -- tt connect unix:///var/lib/tarantool/storage-001-1/tarantool.control -f -", text);
        Assert.Contains("kubectl create secret generic ledger-credentials", text);
        Assert.DoesNotContain("systemctl", text);
    }

    [Fact]
    public void Guide_uses_this_clusters_figures()
    {
        var fixture = ClusterFixtures.ShardedManual();
        var guide = Expert.Design(fixture.Context());
        var scaling = Document(guide, GuideOutline.ScalingFile);
        var backup = Document(guide, GuideOutline.BackupRecoveryFile);
        var setup = Document(guide, GuideOutline.SetupFile);

        Assert.Contains("30000", scaling);
        Assert.Contains("`storage-004`", scaling);
        Assert.Contains("30 1 * * *", backup);
        Assert.Contains("kept 14 days", backup);
        Assert.Contains("payments-node-3", setup);
        Assert.Contains("TT_STORAGE_PASSWORD", setup);
    }

    [Fact]
    public void Troubleshooting_has_a_runbook_per_alert_and_says_which_cannot_fire()
    {
        var guide = Expert.Design(ClusterFixtures.SingleDev().Context());
        var troubleshooting = Document(guide, GuideOutline.TroubleshootingFile);

        foreach (var alert in AlertNames.All) Assert.Contains($"\n### {alert}\n", troubleshooting);
        Assert.Contains("Only once replicas are added", troubleshooting);
        Assert.Contains("Only when vinyl spaces exist", troubleshooting);
    }

    [Fact]
    public void Training_exercises_fit_the_cluster_shape()
    {
        var single = Document(Expert.Design(ClusterFixtures.SingleDev().Context()), GuideOutline.TrainingFile);
        var multi = Document(Expert.Design(ClusterFixtures.MultiRegion().Context()), GuideOutline.TrainingFile);

        Assert.Contains("Crash the instance and recover from the WAL", single);
        Assert.DoesNotContain("Switch the leader", single);
        Assert.Contains("Kill a replica and rejoin it", multi);
        Assert.Contains("Lose a region", multi);
        Assert.Contains("Add a shard and watch the rebalancing", multi);
    }

    [Theory]
    [MemberData(nameof(FixturesAndLanguages))]
    public void Guide_and_files_are_deterministic(string name, Language language)
    {
        var fixture = ClusterFixtures.ByName(name);
        var first = Expert.Answer(fixture.Context(language));
        var second = Expert.Answer(fixture.Context(language));

        Assert.Equal(first.Narrative, second.Narrative);
        var files1 = DocumentationPhase.Spec.Render(first.Output, fixture.Context(language));
        var files2 = DocumentationPhase.Spec.Render(second.Output, fixture.Context(language));
        Assert.Equal(files1.Select(f => (f.Path, f.Content)), files2.Select(f => (f.Path, f.Content)));
        Assert.Equal(GuideOutline.Documents.Select(d => $"docs/{d.File}"), files1.Select(f => f.Path));
    }

    private static string Text(ClusterFixture fixture) =>
        string.Join("\n", Expert.Design(fixture.Context()).Documents.Select(OperationsGuideRenderer.ToMarkdown));

    private static string Document(OperationsGuide guide, string file) =>
        OperationsGuideRenderer.ToMarkdown(guide.Documents.Single(d => d.File == file));
}
