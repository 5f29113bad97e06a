using Tarantool.Agents.Phases;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Validation;

namespace Tarantool.Agents.Tests.Validation;

public sealed class NarrativeValidatorTests
{
    private static readonly NarrativeSection[] Sections = [new("Summary", "Итоги"), new("Decisions", "Решения")];

    private const string RussianProse =
        "Кластер состоит из трёх реплик в каждом шарде; лидер выбирается автоматически с помощью Raft. " +
        "Снапшоты делаются каждый час, журнал WAL архивируется на отдельное хранилище каждую минуту. ";

    [Fact]
    public void Accepts_a_russian_narrative_with_english_technical_terms_and_code()
    {
        var narrative = $"# План\n\n## Итоги\n\n{RussianProse}{RussianProse}\n\n## Решения\n\n- memtx.memory = 12 GiB, failover: election\n\n```yaml\nreplication:\n  failover: election\n```\n";
        Assert.Empty(NarrativeValidator.Validate(narrative, Sections, Language.Ru));
    }

    [Fact]
    public void Rejects_missing_out_of_order_and_empty_sections()
    {
        Assert.Contains(NarrativeValidator.Validate("# T\n\n## Summary\n\ntext\n", Sections, Language.En), i => i.Code == "narrative.section-missing");
        Assert.Contains(NarrativeValidator.Validate("# T\n\n## Decisions\n\ntext\n\n## Summary\n\ntext\n", Sections, Language.En), i => i.Code == "narrative.section-order");
        Assert.Contains(NarrativeValidator.Validate("# T\n\n## Summary\n\n## Decisions\n\ntext\n", Sections, Language.En), i => i.Code == "narrative.section-empty");
        Assert.Contains(NarrativeValidator.Validate("## Summary\n\ntext\n\n## Decisions\n\ntext\n", Sections, Language.En), i => i.Code == "narrative.title");
    }

    [Fact]
    public void Rejects_prose_in_the_wrong_language()
    {
        var narrative = $"# План\n\n## Summary\n\n{RussianProse}{RussianProse}\n\n## Decisions\n\n{RussianProse}\n";
        var issue = Assert.Single(NarrativeValidator.Validate(narrative, Sections, Language.En));
        Assert.Equal("narrative.language", issue.Code);
    }
}
