namespace Tarantool.Agents.Tests.Support;

/// <summary>Finds the repository root (the folder holding Tarantool.Agents.sln) from the test binaries.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Tarantool.Agents.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (Tarantool.Agents.sln) was not found above the test binaries.");
    }
}
