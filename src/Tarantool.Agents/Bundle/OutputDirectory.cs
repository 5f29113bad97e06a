namespace Tarantool.Agents.Bundle;

/// <summary>
/// The folder a bundle is written to. Derived from the (already validated) cluster name and environment unless
/// given; refuses a non-empty folder that is not a bundle, and resolves every file path inside it.
/// </summary>
public sealed class OutputDirectory
{
    public const string ManifestFile = "bundle.json";
    public const string StateFolder = ".tarantool-agents";

    private OutputDirectory(string root) => Root = root;

    public string Root { get; }

    /// <summary>Checkpoints live here while a run is incomplete; removed when it completes.</summary>
    public string CheckpointDirectory => Path.Combine(Root, StateFolder, "checkpoints");

    /// <summary><c>&lt;cluster-name&gt;-&lt;environment&gt;</c>; the name was validated by intake (lowercase letters, digits, '-').</summary>
    public static string DefaultName(Requests.ClusterRequest request) =>
        $"{request.ClusterName}-{System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(request.Environment.ToString())}";

    /// <summary>Opens the folder for writing, or explains why it must not be used.</summary>
    public static OutputDirectory Open(string path)
    {
        var root = Path.GetFullPath(path);
        if (File.Exists(root)) throw new OutputDirectoryException($"The output path '{path}' is a file, not a folder.");
        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any()
            && !File.Exists(Path.Combine(root, ManifestFile)) && !Directory.Exists(Path.Combine(root, StateFolder)))
        {
            throw new OutputDirectoryException(
                $"The output folder '{path}' already exists and is not a bundle; choose another --output or empty it.");
        }

        return new OutputDirectory(root);
    }

    /// <summary>
    /// Removes temporary files that a killed run left half-written (<see cref="AtomicFile"/> names them
    /// <c>.NAME.GUID.tmp</c>); the files they were to replace are still whole.
    /// </summary>
    public void RemoveOrphanedTemporaryFiles()
    {
        if (!Directory.Exists(Root)) return;
        foreach (var file in Directory.EnumerateFiles(Root, ".*.tmp", SearchOption.AllDirectories))
        {
            if (AtomicFile.IsTemporary(Path.GetFileName(file))) File.Delete(file);
        }
    }

    /// <summary>A completed run leaves no state behind: only the bundle.</summary>
    public void RemoveStateFolderIfEmpty()
    {
        var state = Path.Combine(Root, StateFolder);
        if (Directory.Exists(state) && !Directory.EnumerateFileSystemEntries(state).Any()) Directory.Delete(state);
    }

    /// <summary>The absolute path of a bundle file; refuses anything that would land outside the folder.</summary>
    public string Resolve(string relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath) || Path.IsPathRooted(relativePath) || relativePath.Contains('\\') || relativePath.Contains('\0'))
            throw new OutputDirectoryException($"Refusing to write '{relativePath}': bundle paths are relative, with forward slashes.");
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new OutputDirectoryException($"Refusing to write '{relativePath}': it is outside the bundle folder.");
        return full;
    }
}
