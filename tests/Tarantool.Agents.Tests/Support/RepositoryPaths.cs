using System.Runtime.CompilerServices;

namespace Tarantool.Agents.Tests.Support;

/// <summary>Finds the repository root (the folder holding Tarantool.Agents.sln), wherever the test binaries were built.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    /// <summary>The shared folder beside the repository (reference schemas); it is not part of the repository.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        // The binaries may live outside the checkout (--artifacts-path); the compiled-in source path does not.
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile)! })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Tarantool.Agents.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("The repository root (Tarantool.Agents.sln) was not found above the test binaries or sources.");
    }
}
