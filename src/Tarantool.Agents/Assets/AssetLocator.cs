namespace Tarantool.Agents.Assets;

/// <summary>
/// Finds the folder holding <c>agents/</c> and <c>prompts/</c>. Editing those files changes behaviour without
/// recompiling, so the working copy wins over the copy shipped next to the binaries.
/// </summary>
public static class AssetLocator
{
    /// <summary>Environment variable that names the folder explicitly.</summary>
    public const string HomeVariable = "TARANTOOL_AGENTS_HOME";

    public static string Locate(string? configured = null)
    {
        var explicitRoot = configured ?? Environment.GetEnvironmentVariable(HomeVariable);
        if (!string.IsNullOrWhiteSpace(explicitRoot))
        {
            return HasAssets(explicitRoot)
                ? Path.GetFullPath(explicitRoot)
                : throw new DirectoryNotFoundException($"'{explicitRoot}' has no agents/ and prompts/ folders.");
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (HasAssets(dir.FullName)) return dir.FullName;
        }

        return HasAssets(AppContext.BaseDirectory)
            ? AppContext.BaseDirectory
            : throw new DirectoryNotFoundException($"No agents/ and prompts/ folders were found; set {HomeVariable}.");
    }

    private static bool HasAssets(string root) =>
        Directory.Exists(Path.Combine(root, "agents")) && Directory.Exists(Path.Combine(root, "prompts"));
}
