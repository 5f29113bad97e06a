using System.Text;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Tarantool.Agents.Server.Mcp;

/// <summary>
/// Safe access to the files inside one bundle folder: relative paths only, no <c>..</c>, no link that leads out,
/// nothing the run keeps for itself (its lock and checkpoints). Shared by the stdio and HTTP resources.
/// </summary>
internal static class BundleFiles
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The bundle's files as paths relative to <paramref name="root"/> with '/' separators, in ordinal order.</summary>
    public static IReadOnlyList<string> List(string root)
    {
        if (!Directory.Exists(root)) return [];
        return Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(IsPublished)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The full path of <paramref name="relativePath"/> inside <paramref name="root"/>, or null when the path is not
    /// a plain relative path to an existing regular file there (no <c>..</c>, no absolute path, no symbolic link on
    /// the way, not the run's own lock or checkpoints).
    /// </summary>
    public static string? Resolve(string root, string relativePath)
    {
        if (string.IsNullOrEmpty(relativePath) || relativePath.Contains('\\') || relativePath.Contains('\0') || Path.IsPathRooted(relativePath))
            return null;
        var segments = relativePath.Split('/');
        if (segments.Any(s => s is "" or "." or "..")) return null;
        if (!IsPublished(relativePath)) return null;

        var fullRoot = Path.GetFullPath(root);
        var current = fullRoot;
        foreach (var segment in segments)
        {
            current = Path.Combine(current, segment);
            var info = new FileInfo(current);
            // A link inside the bundle could point anywhere on the machine.
            if (info.Exists || Directory.Exists(current))
            {
                if ((File.GetAttributes(current) & FileAttributes.ReparsePoint) != 0) return null;
            }
            else
            {
                return null;
            }
        }

        var full = Path.GetFullPath(current);
        return full.StartsWith(fullRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full)
            ? full
            : null;
    }

    /// <summary>The resource contents of a resolved bundle file: text when it is UTF-8, otherwise base64.</summary>
    public static ResourceContents Read(string uri, string fullPath)
    {
        var info = new FileInfo(fullPath);
        if (info.Length > McpLimits.MaxResourceBytes)
            throw new McpProtocolException($"The file is larger than {McpLimits.MaxResourceBytes / (1024 * 1024)} MiB; download the bundle instead.", McpErrorCode.InvalidParams);
        var bytes = File.ReadAllBytes(fullPath);
        try
        {
            return new TextResourceContents { Uri = uri, MimeType = MimeType(fullPath), Text = StrictUtf8.GetString(bytes) };
        }
        catch (DecoderFallbackException)
        {
            return BlobResourceContents.FromBytes(bytes, uri, "application/octet-stream");
        }
    }

    public static string MimeType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".yaml" or ".yml" => "application/yaml",
        ".json" => "application/json",
        ".md" => "text/markdown",
        ".sh" => "text/x-shellscript",
        ".lua" => "text/x-lua",
        ".toml" => "application/toml",
        _ => "text/plain",
    };

    /// <summary>The run's own files (lock, checkpoints, temporaries) are not part of the bundle a client reads.</summary>
    private static bool IsPublished(string relativePath) =>
        !relativePath.Split('/').Any(s => s.StartsWith('.')) && !relativePath.EndsWith(".tmp", StringComparison.Ordinal);
}
