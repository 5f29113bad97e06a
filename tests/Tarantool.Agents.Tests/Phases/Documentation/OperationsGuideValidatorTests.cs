using Tarantool.Agents.Expert.Documentation;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.Documentation;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Phases.Documentation;

public sealed class OperationsGuideValidatorTests
{
    private static (OperationsGuide Guide, PhaseContext Context) Valid(string fixture = "payments", Language language = Language.En)
    {
        var context = ClusterFixtures.ByName(fixture).Context(language);
        return (new DocumentationExpert().Design(context), context);
    }

    private static IReadOnlyList<string> Errors(OperationsGuide guide, PhaseContext context) =>
        [.. DocumentationPhase.Spec.Validate(guide, context).Where(i => i.Severity == ValidationSeverity.Error).Select(i => i.Code)];

    /// <summary>The guide with one more section appended to a document.</summary>
    private static OperationsGuide WithSection(OperationsGuide guide, string file, string heading, string markdown) =>
        guide with
        {
            Documents = [.. guide.Documents.Select(d => d.File == file ? d with { Sections = [.. d.Sections, new GuideSection(heading, markdown)] } : d)],
        };

    private static OperationsGuide Replace(OperationsGuide guide, string file, Func<GuideDocument, GuideDocument> change) =>
        guide with { Documents = [.. guide.Documents.Select(d => d.File == file ? change(d) : d)] };

    [Fact]
    public void Missing_unknown_and_duplicate_documents_are_rejected()
    {
        var (guide, context) = Valid();
        Assert.Contains("docs.missing-document", Errors(guide with { Documents = guide.Documents.Skip(1).ToList() }, context));
        Assert.Contains("docs.unknown-document", Errors(guide with { Documents = [.. guide.Documents, guide.Documents[0] with { File = "faq.md" }] }, context));
        Assert.Contains("docs.duplicate-document", Errors(guide with { Documents = [.. guide.Documents, guide.Documents[0]] }, context));
    }

    [Fact]
    public void Document_paths_with_the_docs_prefix_are_accepted_and_rendered_once()
    {
        var (guide, context) = Valid();
        var prefixed = guide with { Documents = [.. guide.Documents.Select(d => d with { File = "docs/" + d.File })] };

        Assert.Empty(Errors(prefixed, context));
        Assert.Equal(GuideOutline.Documents.Select(d => $"docs/{d.File}"), DocumentationPhase.Spec.Render(prefixed, context).Select(f => f.Path));
    }

    [Fact]
    public void Missing_required_heading_is_rejected()
    {
        var (guide, context) = Valid();
        var noShardSection = Replace(guide, GuideOutline.OperationsFile, d => d with { Sections = d.Sections.Where(s => s.Heading != "Adding a shard").ToList() });
        Assert.Contains("docs.missing-heading", Errors(noShardSection, context));
        var noTitle = Replace(guide, GuideOutline.SetupFile, d => d with { Title = " " });
        Assert.Contains("docs.missing-title", Errors(noTitle, context));
    }

    [Fact]
    public void Adding_a_shard_is_only_required_when_sharded()
    {
        var (guide, context) = Valid("orders");
        Assert.DoesNotContain(guide.Documents.Single(d => d.File == GuideOutline.OperationsFile).Sections, s => s.Heading == "Adding a shard");
        Assert.Empty(Errors(guide, context));
    }

    [Fact]
    public void Missing_alert_runbook_is_rejected()
    {
        var (guide, context) = Valid();
        var withoutRunbook = Replace(guide, GuideOutline.TroubleshootingFile, d => d with
        {
            Sections = [.. d.Sections.Select(s => s with { Markdown = s.Markdown.Replace("### TarantoolBackupTooOld\n", "### Backups are old\n") })],
        });
        Assert.Contains("docs.missing-runbook", Errors(withoutRunbook, context));
    }

    [Fact]
    public void Prose_in_the_wrong_language_is_rejected()
    {
        var (english, _) = Valid("orders", Language.En);
        var (russian, ruContext) = Valid("orders", Language.Ru);
        var mixed = russian with { Documents = [.. russian.Documents.Select(d => d.File == GuideOutline.ScalingFile ? english.Documents.Single(e => e.File == d.File) with { Title = d.Title } : d)] };

        Assert.Contains("docs.language", Errors(mixed, ruContext));
    }

    [Fact]
    public void Instance_names_of_another_cluster_are_rejected()
    {
        var (guide, context) = Valid();
        Assert.Contains("docs.unknown-instance", Errors(WithSection(guide, GuideOutline.OperationsFile, "Notes", "Restart `db-001-2` first."), context));
        Assert.Contains("docs.unknown-instance", Errors(WithSection(guide, GuideOutline.OperationsFile, "Notes", "Then move `storage-099-1`."), context));
    }

    [Fact]
    public void Names_a_scaling_step_would_add_are_accepted()
    {
        var (guide, context) = Valid();
        var text = "Add `storage-001-4`, then shards `storage-004-1` to `storage-006-3` as the growth projection asks, and `router-003-1`.";
        Assert.Empty(Errors(WithSection(guide, GuideOutline.ScalingFile, "Notes", text), context));
    }

    [Fact]
    public void Secret_literals_in_commands_are_rejected()
    {
        var (guide, context) = Valid();
        var leaky = WithSection(guide, GuideOutline.SetupFile, "Notes", "```bash\nexport TT_APP_PASSWORD=s3cr3t\n```");
        Assert.Contains("docs.secret-literal", Errors(leaky, context));
        var uri = WithSection(guide, GuideOutline.SetupFile, "Notes", "`tt connect app:Secr3t@payments-node-1:3301`");
        Assert.Contains("docs.secret-literal", Errors(uri, context));
    }

    [Fact]
    public void Commands_must_address_this_application()
    {
        var (guide, context) = Valid();
        Assert.Contains("docs.command-app", Errors(WithSection(guide, GuideOutline.OperationsFile, "Notes", "```bash\ntt start orders\n```"), context));
        Assert.Contains("docs.command-instance", Errors(WithSection(guide, GuideOutline.OperationsFile, "Notes", "```bash\ntt connect payments:instance-001\n```"), context));
        Assert.Contains("docs.app-name", Errors(guide with { AppName = "orders" }, context));
    }

    [Fact]
    public void Commands_of_another_tooling_are_rejected()
    {
        var (boxcfg, boxContext) = Valid("legacy");
        Assert.Contains("docs.wrong-tooling", Errors(WithSection(boxcfg, GuideOutline.OperationsFile, "Notes", "```bash\ntt cluster publish legacy config.yaml\n```"), boxContext));

        var (config, configContext) = Valid();
        Assert.Contains("docs.wrong-tooling", Errors(WithSection(config, GuideOutline.OperationsFile, "Notes", "```bash\ntt cartridge replicasets list --name payments\n```"), configContext));
        var warnings = DocumentationPhase.Spec.Validate(WithSection(config, GuideOutline.OperationsFile, "Notes", "```lua\nbox.cfg{read_only = true}\n```"), configContext);
        Assert.Contains(warnings, w => w.Code == "docs.box-cfg-on-3x" && w.Severity == ValidationSeverity.Warning);
    }

    [Fact]
    public void Backup_guide_must_give_the_backup_plans_schedule()
    {
        var (guide, context) = Valid();
        var wrong = Replace(guide, GuideOutline.BackupRecoveryFile, d => d with
        {
            Sections = [.. d.Sections.Select(s => s with { Markdown = s.Markdown.Replace("30 1 * * *", "0 0 * * *") })],
        });
        Assert.Contains("docs.backup-schedule", Errors(wrong, context));
    }

    [Fact]
    public void Training_needs_enough_well_formed_exercises()
    {
        var (guide, context) = Valid();
        var few = Replace(guide, GuideOutline.TrainingFile, d => d with
        {
            Sections = [.. d.Sections.Select(s => s.Heading == "Exercises" ? s with { Markdown = "### Exercise 1: Read\n\n**Goal:** read.\n\n**Steps:**\n\n1. Look.\n\n**Expected result:** seen.\n" } : s)],
        });
        Assert.Contains("docs.too-few-exercises", Errors(few, context));
        var shapeless = Replace(guide, GuideOutline.TrainingFile, d => d with
        {
            Sections = [.. d.Sections.Select(s => s.Heading == "Exercises" ? s with { Markdown = s.Markdown.Replace("**Expected result:**", "**Outcome:**") } : s)],
        });
        Assert.Contains("docs.exercise-shape", Errors(shapeless, context));
    }

    [Fact]
    public void Empty_section_is_rejected()
    {
        var (guide, context) = Valid();
        Assert.Contains("docs.empty-section", Errors(WithSection(guide, GuideOutline.MonitoringFile, "Notes", "  "), context));
    }

    [Theory]
    [InlineData("payments", "/var/lib/tarantool/payments/storage-001-1")]
    [InlineData("ledger", "/opt/tarantool/ledger/var/lib/storage-001-1")]
    public void Data_directories_of_another_layout_are_rejected(string fixture, string dataDir)
    {
        var (guide, context) = Valid(fixture);
        Assert.DoesNotContain("docs.data-dir", Errors(guide, context));
        var broken = WithSection(guide, GuideOutline.OperationsFile, "Disk", $"```bash\ndu -sh {dataDir}\n```");
        Assert.Contains("docs.data-dir", Errors(broken, context));
    }
}
