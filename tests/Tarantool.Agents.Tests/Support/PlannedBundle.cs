using System.Collections.Concurrent;

namespace Tarantool.Agents.Tests.Support;

/// <summary>
/// A whole bundle planned by the CLI with the embedded expert, read back into memory: the procedure tests read the
/// scripts and docs a user would run, not the intermediate typed outputs. Bundles are cached per argument list, so
/// several tests over the same request plan it once.
/// </summary>
internal sealed class PlannedBundle
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<PlannedBundle>>> Cache = new(StringComparer.Ordinal);

    private readonly IReadOnlyDictionary<string, string> _files;

    private PlannedBundle(IReadOnlyDictionary<string, string> files) => _files = files;

    /// <summary>Plans <paramref name="args"/> (request flags and description; --output is added).</summary>
    public static Task<PlannedBundle> PlanAsync(params string[] args) =>
        Cache.GetOrAdd(string.Join('\u001f', args), _ => new Lazy<Task<PlannedBundle>>(() => RunAsync(args))).Value;

    public string this[string path] => _files.TryGetValue(path, out var text) ? text : throw new KeyNotFoundException($"{path} is not in the bundle; it has: {string.Join(", ", _files.Keys.Order())}");

    public bool Has(string path) => _files.ContainsKey(path);

    public IEnumerable<string> Paths => _files.Keys;

    /// <summary>Writes the bundle into <paramref name="directory"/>, so its scripts can run as a user runs them.</summary>
    public string WriteTo(string directory)
    {
        foreach (var (path, text) in _files)
        {
            var full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        return directory;
    }

    private static async Task<PlannedBundle> RunAsync(string[] args)
    {
        using var temp = new TempDirectory();
        var output = temp.Combine("bundle");
        var result = await CliRunner.RunAsync(["plan", .. args, "--output", output]);
        if (result.ExitCode != 0) throw new InvalidOperationException($"plan failed ({result.ExitCode}): {result.Out}{result.Error}");
        var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(output, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
        return new PlannedBundle(files);
    }
}
