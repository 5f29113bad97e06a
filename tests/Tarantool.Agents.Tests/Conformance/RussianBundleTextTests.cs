using System.Text.RegularExpressions;

namespace Tarantool.Agents.Tests.Conformance;

/// <summary>
/// Russian bundles read as Russian: every Markdown file (guides, runbooks, the phases' narratives) writes numbers with
/// a decimal comma, and the guides, runbooks and drill descriptions have no line of English prose. Code blocks and
/// inline code are code, and stay as they are.
/// </summary>
public sealed partial class RussianBundleTextTests
{
    public static TheoryData<string> Forms() => new() { "vm", "kubernetes" };

    private static Task<PlannedBundle> Plan(string form) => PlannedBundle.PlanAsync(
        "--cluster-name", "orders", "--cluster-type", "sharded", "--environment", "production", "--shard-count", "3",
        "--cloud-provider", "aws", "--deployment", form, "--language", "ru",
        "Orders database, 300 GB, 40k read RPS and 5k write RPS, automatic failover");

    /// <summary>Words of running text a Russian guide may keep in Latin letters: product and protocol names and
    /// technical terms Russian engineers write as they are.</summary>
    private static readonly HashSet<string> TechnicalTerms = new(StringComparer.OrdinalIgnoreCase)
    {
        "Tarantool", "tt", "memtx", "vinyl", "iproto", "relay", "vshard", "Cartridge", "Kubernetes", "kubectl", "systemd",
        "Ansible", "Prometheus", "Grafana", "Alertmanager", "Docker", "Compose", "Helm", "Chaos", "Mesh", "NetworkChaos",
        "StatefulSet", "CronJob", "Job", "Pod", "Service", "ConfigMap", "Secret", "NetworkPolicy", "PodDisruptionBudget",
        "PersistentVolumeClaim", "namespace", "runtime", "read", "view", "copy-on-write", "fsync", "write", "failover",
        "leader", "follower", "candidate", "voter", "off", "election", "quorum", "switchover", "on-call", "release", "notes",
        "AWS", "GCP", "Azure", "EKS", "GKE", "AKS", "IRSA", "Workload", "Identity", "Pod", "S3", "SSD", "NVMe", "vCPU",
        "on-premises", "production", "staging", "development", "startup", "liveness", "readiness", "healthcheck", "probe",
        "Type", "notify", "running", "follow", "orphan", "loading", "ready", "check_warnings", "soft", "strict", "manual",
        "supervised", "eventual", "stateful", "raft", "stateboard", "router", "storage", "rebalancer", "bucket", "buckets",
        "json", "yaml", "lua", "Lua", "LuaJIT", "fiber", "fibers", "slab", "arena", "items", "quota", "snapshot", "xlog",
        "DRY_RUN", "PASS", "FAIL", "RESULT", "OK", "and", "or",
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Numbers_in_russian_prose_take_a_decimal_comma(string form)
    {
        var bundle = await Plan(form);
        var found = new List<string>();
        foreach (var path in bundle.Paths.Where(p => p.EndsWith(".md", StringComparison.Ordinal)))
            foreach (var (line, text) in ProseLines(bundle[path]))
                foreach (Match m in DecimalPoint().Matches(text))
                    if (!IsVersion(text, m)) found.Add($"{path}:{line}: '{m.Value}' in {text.Trim()}");
        Assert.True(found.Count == 0, "decimal points in Russian prose:\n" + string.Join('\n', found.Take(20)));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Guides_runbooks_and_drills_have_no_english_prose(string form)
    {
        var bundle = await Plan(form);
        var found = new List<string>();
        foreach (var path in bundle.Paths.Where(p => p.StartsWith("docs/", StringComparison.Ordinal) && p.EndsWith(".md", StringComparison.Ordinal) || p == "phases/08-dr-testing.md"))
            foreach (var (line, text) in ProseLines(bundle[path]))
            {
                var words = Word().Matches(Technical().Replace(text, " ")).Select(m => m.Value).ToList();
                var english = words.Where(w => w[0] < 128 && !TechnicalTerms.Contains(w) && !IsIdentifier(w)).ToList();
                if (words.Count >= 4 && english.Count * 2 > words.Count)
                    found.Add($"{path}:{line}: {text.Trim()}");
            }
        Assert.True(found.Count == 0, "English prose in a Russian bundle:\n" + string.Join('\n', found.Take(20)));
    }

    [Fact]
    public void The_checks_catch_english_lines_and_decimal_points()
    {
        var prose = ProseLines("Текст.\n\n```bash\nrun it now please\n```\nRestart the instance and wait until it runs.\n").Select(l => l.Text.Trim()).ToList();
        Assert.Equal(["Текст.", "Restart the instance and wait until it runs."], prose); // the fenced block is not prose
        var english = prose[1];
        var words = Word().Matches(english).Select(m => m.Value).ToList();
        Assert.True(words.Count(w => w[0] < 128 && !TechnicalTerms.Contains(w)) * 2 > words.Count);
        Assert.Contains(DecimalPoint().Matches("бюджет = max(300 с, 1.5 × 2342 с)"), m => !IsVersion("бюджет = max(300 с, 1.5 × 2342 с)", m));
        Assert.DoesNotContain(DecimalPoint().Matches("Tarantool 3.7 и tarantool/tarantool:3.7.1"), m => !IsVersion("Tarantool 3.7 и tarantool/tarantool:3.7.1", m));
    }

    /// <summary>Lines outside fenced code blocks, with inline code, links' targets and URLs removed.</summary>
    private static IEnumerable<(int Line, string Text)> ProseLines(string markdown)
    {
        var inCode = false;
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal)) { inCode = !inCode; continue; }
            if (inCode) continue;
            var text = Regex.Replace(Regex.Replace(Regex.Replace(lines[i], "`[^`]*`", " "), @"\]\([^)]*\)", "]"), @"https?://\S+", " ");
            if (!string.IsNullOrWhiteSpace(text)) yield return (i + 1, text);
        }
    }

    /// <summary>Names, not words: identifiers with capitals inside (TarantoolInstanceDown), digits, underscores or
    /// all capitals (WAL, RPO).</summary>
    private static bool IsIdentifier(string word) =>
        word.Skip(1).Any(char.IsUpper) || word.Any(c => char.IsDigit(c) || c == '_') || word.All(c => !char.IsLetter(c) || char.IsUpper(c));

    private static bool IsVersion(string text, Match m) =>
        VersionBefore().IsMatch(text[..m.Index]) || text[(m.Index + m.Length)..].StartsWith(" →", StringComparison.Ordinal) || text[..m.Index].EndsWith("→ ", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<![\w.:/@\-])\d+\.\d+(?![\w.]*\.\d|\w)")]
    private static partial Regex DecimalPoint();

    [GeneratedRegex(@"(?:Tarantool|tarantool|tt|Cartridge|vshard|metrics|версии|версия|версию)\s+(?:\S+\s+)?$")]
    private static partial Regex VersionBefore();

    [GeneratedRegex(@"[A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё_'-]*")]
    private static partial Regex Word();

    /// <summary>Paths, file names, dotted names and options are names too.</summary>
    [GeneratedRegex(@"\S*[/.#=]\S*[A-Za-z]\S*|--?[a-z][\w-]*")]
    private static partial Regex Technical();
}
