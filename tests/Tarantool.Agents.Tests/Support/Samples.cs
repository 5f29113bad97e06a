namespace Tarantool.Agents.Tests.Support;

internal static class Samples
{
    /// <summary>File names of every sample request.</summary>
    public static IReadOnlyList<string> Names() =>
        [.. Directory.EnumerateFiles(RepositoryPaths.Samples, "*.yaml").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    /// <summary>Every sample request file, as xunit theory data.</summary>
    public static TheoryData<string> Files() => new(Names());

    public static string PathOf(string file) => Path.Combine(RepositoryPaths.Samples, file);

    /// <summary>Every file of a bundle but bundle.json (which holds the run's metadata), by relative path.</summary>
    public static SortedDictionary<string, string> BundleFiles(string root) =>
        new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => f != "bundle.json")
            .ToDictionary(f => f, f => File.ReadAllText(Path.Combine(root, f))), StringComparer.Ordinal);
}
