using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tarantool.Agents.Engine;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Serialization;

namespace Tarantool.Agents.Bundle;

/// <summary>
/// Writes a bundle: each phase's narrative and typed output, the artifacts rendered from them, and
/// <c>bundle.json</c> last, so a bundle with a manifest is always whole.
/// </summary>
public sealed class BundleWriter(OutputDirectory directory)
{
    /// <summary>Files written at once: enough to batch the disk flushes, few enough not to exhaust file handles.</summary>
    private const int ConcurrentWrites = 16;

    private readonly List<string> _removed = [];

    /// <summary>Files of the earlier bundle in the folder that the last <see cref="WriteAsync"/> removed, in order.</summary>
    public IReadOnlyList<string> Removed => _removed;

    public async Task<BundleManifest> WriteAsync(
        WorkflowResult result,
        ClusterRequest request,
        IReadOnlyDictionary<string, ValueSource> sources,
        Language language,
        ProviderInfo provider,
        IReadOnlyList<RunWarning>? runWarnings = null,
        CancellationToken cancellationToken = default)
    {
        var files = new List<(BundleFile File, int Phase)>();
        foreach (var phase in result.Phases.Where(p => p.Status == PhaseStatus.Succeeded))
        {
            files.Add((new BundleFile($"phases/{phase.Phase.FileStem}.md", "narrative", EndWithNewline(phase.Narrative)), phase.Phase.Id));
            files.Add((new BundleFile($"outputs/{phase.Phase.FileStem}.json", "typed-output",
                JsonSerializer.Serialize(phase.OutputJson!.Value, JsonDefaults.Indented) + "\n"), phase.Phase.Id));
            files.AddRange(phase.Files.Select(f => (f with { Content = EndWithNewline(f.Content) }, phase.Phase.Id)));
        }

        var duplicates = files.GroupBy(f => f.File.Path, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0) throw new InvalidOperationException($"Two phases render the same file: {string.Join(", ", duplicates)}.");

        var previous = await ReadPreviousArtifactsAsync(cancellationToken).ConfigureAwait(false);
        // Each file is flushed to disk before it replaces the old one; flushing them concurrently lets the file system
        // commit them together instead of paying one journal commit per file (most of a cold run's wall time on a
        // small disk). The manifest is still written only after every file is in place.
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentWrites, CancellationToken = cancellationToken },
            async (entry, token) => await AtomicFile.WriteAllTextAsync(directory.Resolve(entry.File.Path), entry.File.Content, token, entry.File.Executable).ConfigureAwait(false))
            .ConfigureAwait(false);

        // Files an earlier run wrote that this run no longer produces would make the bundle lie about itself.
        _removed.Clear();
        foreach (var stale in previous.Except(files.Select(f => f.File.Path), StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            string path;
            try
            {
                path = directory.Resolve(stale);
            }
            catch (OutputDirectoryException)
            {
                continue; // a tampered manifest must not make us delete anything outside the bundle
            }

            if (!File.Exists(path)) continue;
            File.Delete(path);
            _removed.Add(stale);
        }

        var paths = files.Select(f => f.File.Path).ToList();
        var manifest = new BundleManifest
        {
            Status = result.Succeeded ? "succeeded" : "failed",
            Warnings = RunWarnings.Collect(result, runWarnings),
            Request = request,
            Sources = sources,
            Language = language,
            Provider = provider,
            Phases = [.. result.Phases.Select(p => Entry(p, files))],
            Artifacts = [.. files.OrderBy(f => f.File.Path, StringComparer.Ordinal).Select(f => new ArtifactEntry(f.File.Path, f.File.Kind, f.Phase, Sha256(f.File.Content)))],
            SuccessCriteria = SuccessCriteria.Evaluate(result, paths),
        };
        await AtomicFile.WriteAllTextAsync(directory.Resolve(OutputDirectory.ManifestFile), JsonSerializer.Serialize(manifest, JsonDefaults.Indented) + "\n", cancellationToken).ConfigureAwait(false);
        return manifest;
    }

    private static PhaseEntry Entry(PhaseResult phase, IReadOnlyList<(BundleFile File, int Phase)> files) => new()
    {
        Id = phase.Phase.Id,
        Key = phase.Phase.Key,
        Name = phase.Phase.Name,
        Agent = phase.Phase.Agent,
        Status = phase.Status.ToString().ToLowerInvariant(),
        Attempts = phase.Attempts,
        DurationMs = phase.DurationMs,
        Reused = phase.Reused,
        Usage = new UsageEntry(phase.Usage.Calls, phase.Usage.InputTokens, phase.Usage.OutputTokens) { Source = phase.Reused ? null : phase.Usage.Source },
        DependsOn = phase.Phase.DependsOn,
        Outputs = [.. files.Where(f => f.Phase == phase.Phase.Id).Select(f => f.File.Path).Order(StringComparer.Ordinal)],
        Validation = new ValidationEntry([.. phase.Errors.Select(e => e.ToString())], [.. phase.Warnings.Select(w => w.ToString())]),
        Reason = phase.Reason,
        Parts = [.. phase.Parts.Select(p => new PartEntry(p.Key, p.Status.ToString().ToLowerInvariant(), p.Attempts, p.DurationMs, p.Reused,
            new UsageEntry(p.Usage.Calls, p.Usage.InputTokens, p.Usage.OutputTokens) { Source = p.Reused ? null : p.Usage.Source }, p.Reason))],
    };

    private async Task<IReadOnlyList<string>> ReadPreviousArtifactsAsync(CancellationToken cancellationToken)
    {
        var path = directory.Resolve(OutputDirectory.ManifestFile);
        if (!File.Exists(path)) return [];
        try
        {
            await using var stream = File.OpenRead(path);
            using var doc = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            return doc.RootElement.TryGetProperty("artifacts", out var artifacts)
                ? [.. artifacts.EnumerateArray().Select(a => a.GetProperty("path").GetString()!).Where(p => p is not null)]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string EndWithNewline(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";

    private static string Sha256(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}
