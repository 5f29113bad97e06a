using System.Security.Cryptography;
using System.Text.Json;

namespace Tarantool.Agents.Bundle;

/// <summary>
/// Finds the files of an existing bundle that changed since the run that wrote it, by the SHA-256 that
/// <c>bundle.json</c> records for every artifact: a rerun must not silently overwrite what someone edited by hand.
/// </summary>
public static class HandEdits
{
    /// <summary>Bundle paths whose content no longer matches the recorded hash, in order; empty without a manifest.</summary>
    public static IReadOnlyList<string> Find(OutputDirectory directory)
    {
        var changed = new List<string>();
        foreach (var (path, sha256) in RecordedArtifacts(directory))
        {
            string full;
            try
            {
                full = directory.Resolve(path);
            }
            catch (OutputDirectoryException)
            {
                continue; // a tampered manifest names nothing we would write
            }

            // A deleted file is regenerated: nothing of the user's is lost, so only a changed one counts.
            if (!File.Exists(full)) continue;
            if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(full))), sha256, StringComparison.OrdinalIgnoreCase))
                changed.Add(path);
        }

        return [.. changed.Order(StringComparer.Ordinal)];
    }

    /// <summary>The message for a refused rerun: which files changed and how to go on.</summary>
    public static string Explain(OutputDirectory directory, IReadOnlyList<string> changed) =>
        $"{changed.Count} file(s) in '{directory.Root}' were edited by hand since the last run and would be overwritten: " +
        $"{string.Join(", ", changed)}. Save your changes elsewhere, or rerun with --force to overwrite them.";

    private static IEnumerable<(string Path, string Sha256)> RecordedArtifacts(OutputDirectory directory)
    {
        var manifest = directory.Resolve(OutputDirectory.ManifestFile);
        if (!File.Exists(manifest)) return [];
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(manifest));
            if (!doc.RootElement.TryGetProperty("artifacts", out var artifacts) || artifacts.ValueKind != JsonValueKind.Array) return [];
            return
            [
                .. artifacts.EnumerateArray()
                    .Where(a => a.ValueKind == JsonValueKind.Object)
                    .Select(a => (Path: Text(a, "path"), Sha256: Text(a, "sha256")))
                    .Where(a => a.Path is not null && a.Sha256 is not null)
                    .Select(a => (a.Path!, a.Sha256!)),
            ];
        }
        catch (JsonException)
        {
            // A manifest that is not JSON was itself edited by hand; without hashes nothing can be compared.
            return [];
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
