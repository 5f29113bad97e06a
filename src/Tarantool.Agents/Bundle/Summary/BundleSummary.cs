using System.Text.Json;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Serialization;

namespace Tarantool.Agents.Bundle.Summary;

/// <summary>
/// The facts a person reads first about a bundle: which cluster, its shape and key figures (from the capacity plan's
/// typed output), how the run ended, its warnings and the files to open. Chat, MCP and the CLI all tell the user
/// these, so they are gathered once here and worded once by <see cref="BundleSummaryText"/>.
/// </summary>
/// <param name="Status">The bundle's status (<c>succeeded</c>, <c>failed</c>, ...).</param>
/// <param name="Plan">Phase 1's output; null when the run did not get that far.</param>
/// <param name="Phases">Every phase of the run with its outcome; empty when unknown.</param>
/// <param name="MainFiles">The bundle's files an engineer opens first, in reading order.</param>
internal sealed record BundleSummary(
    string Status,
    Language Language,
    ClusterRequest Request,
    CapacityPlan? Plan,
    IReadOnlyList<BundleSummaryPhase> Phases,
    IReadOnlyList<RunWarning> Warnings,
    IReadOnlyList<string> MainFiles)
{
    /// <summary>Where phase 1 writes its typed output inside a bundle.</summary>
    public const string CapacityOutputPath = "outputs/01-capacity-planning.json";

    /// <summary>The files worth opening first, in this order, when the bundle has them; the phases' narratives follow.</summary>
    private static readonly string[] KeyFiles =
    [
        "tarantool/config.yaml", "tarantool/instances.yml", "tarantool/init.lua", "tarantool/failover.yml", "docs/setup.md",
        "docs/operations.md", "monitoring/alerts.yml", "monitoring/prometheus.yml", "kubernetes/kustomization.yaml",
        "deploy/ansible/deploy.yml",
    ];

    public int SucceededPhases => Phases.Count(p => p.Status == "succeeded");

    /// <summary>The summary of the bundle in <paramref name="root"/>; null when it has no readable <c>bundle.json</c>.</summary>
    public static BundleSummary? Read(string root)
    {
        var path = Path.Combine(root, "bundle.json");
        if (!File.Exists(path)) return null;
        BundleManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BundleManifest>(File.ReadAllText(path), JsonDefaults.Indented);
        }
        catch (JsonException)
        {
            return null;
        }

        return manifest is null ? null : From(manifest, root);
    }

    /// <summary>The summary of a written bundle whose manifest is at hand (the CLI after a run).</summary>
    public static BundleSummary From(BundleManifest manifest, string root)
    {
        var paths = manifest.Artifacts.Select(a => a.Path).ToHashSet(StringComparer.Ordinal);
        return new BundleSummary(
            manifest.Status,
            manifest.Language,
            manifest.Request,
            ReadPlan(root),
            [.. manifest.Phases.Select(p => new BundleSummaryPhase(p.Id, p.Key, p.Status, p.Reason))],
            manifest.Warnings,
            MainFilesOf(paths));
    }

    /// <summary>
    /// The main files among <paramref name="paths"/> (bundle-relative): the key files, then the phases' narratives,
    /// then <c>bundle.json</c>, which every bundle has.
    /// </summary>
    public static IReadOnlyList<string> MainFilesOf(IReadOnlySet<string> paths)
    {
        var files = KeyFiles.Where(paths.Contains).ToList();
        files.AddRange(paths.Where(p => p.StartsWith("phases/", StringComparison.Ordinal) && p.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        files.Add("bundle.json");
        return files;
    }

    /// <summary>The main files present in the bundle folder <paramref name="root"/> (for a run whose manifest is not read).</summary>
    public static IReadOnlyList<string> MainFilesIn(string root)
    {
        if (!Directory.Exists(root)) return [];
        var paths = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(p => !p.StartsWith(OutputDirectory.StateFolder + "/", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        return paths.Contains("bundle.json") ? MainFilesOf(paths) : [];
    }

    /// <summary>Phase 1's typed output in the bundle <paramref name="root"/>, or null when it has none (or it cannot be read).</summary>
    public static CapacityPlan? ReadPlan(string root)
    {
        var path = Path.Combine(root, CapacityOutputPath);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<CapacityPlan>(File.ReadAllText(path), JsonDefaults.Indented);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
