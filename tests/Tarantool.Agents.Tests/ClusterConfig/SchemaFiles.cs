using System.Collections.Concurrent;
using Json.Schema;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.ClusterConfig;

/// <summary>
/// The official Tarantool config JSON schemas, kept outside the repository in <c>../shared/schemas/</c> relative to
/// the directory holding Tarantool.Agents.sln. They are third-party reference data and are never copied in.
/// </summary>
internal static class SchemaFiles
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Cache = new();

    /// <summary>Why the schema tests skip, and what to do: the schemas are third-party data kept beside the repository.</summary>
    public const string MissingReason =
        "Official Tarantool config schemas not found at ../shared/schemas/tarantool-config/ (beside the repository root): " +
        "put config.schema.<version>.json there (decompressed from tarantool/go-config tarantool/schemas/<version>/config.schema.json.gz, see docs/testing.md); " +
        "set CI=true to make this a failure.";

    /// <summary>
    /// Walks up from the test assembly directory to the one holding Tarantool.Agents.sln; when tests run with an
    /// artifacts path outside the repository, the current directory and this source file's location are tried too.
    /// </summary>
    public static string? Directory => Candidates().Select(RepoRoot).OfType<DirectoryInfo>()
        .Select(root => root.Parent is null ? null : Path.Combine(root.Parent.FullName, "shared", "schemas", "tarantool-config"))
        .FirstOrDefault(path => path is not null && System.IO.Directory.Exists(path));

    private static IEnumerable<string> Candidates([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        yield return AppContext.BaseDirectory;
        yield return Environment.CurrentDirectory;
        if (sourceFile.Length > 0) yield return Path.GetDirectoryName(sourceFile)!;
    }

    private static DirectoryInfo? RepoRoot(string start)
    {
        var dir = new DirectoryInfo(start);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tarantool.Agents.sln"))) dir = dir.Parent;
        return dir;
    }

    /// <summary>The schema release that validates configs for a target line: 3.0 → 3.0.0, 3.1–3.4 → 3.4.2, 3.5–3.7 → 3.7.0.</summary>
    public static string SchemaVersionFor(TarantoolVersion version) =>
        version <= new TarantoolVersion(3, 0) ? "3.0.0" : version <= new TarantoolVersion(3, 4) ? "3.4.2" : "3.7.0";

    public static JsonSchema Load(TarantoolVersion version)
    {
        var dir = Directory ?? throw new InvalidOperationException(
            "The official Tarantool config schemas were not found at ../shared/schemas/tarantool-config/ next to the repository root.");
        var file = Path.Combine(dir, $"config.schema.{SchemaVersionFor(version)}.json");
        return Cache.GetOrAdd(file, f => JsonSchema.FromText(File.ReadAllText(f), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));
    }
}
