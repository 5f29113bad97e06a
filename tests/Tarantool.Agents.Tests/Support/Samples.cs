namespace Tarantool.Agents.Tests.Support;

internal static class Samples
{
    /// <summary>Every sample request file, as xunit theory data.</summary>
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Samples, "*.yaml").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    public static string PathOf(string file) => Path.Combine(RepositoryPaths.Samples, file);

    /// <summary>Every file of a bundle but bundle.json (which holds the run's metadata), by relative path.</summary>
    public static SortedDictionary<string, string> BundleFiles(string root) =>
        new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => f != "bundle.json")
            .ToDictionary(f => f, f => File.ReadAllText(Path.Combine(root, f))), StringComparer.Ordinal);
}
