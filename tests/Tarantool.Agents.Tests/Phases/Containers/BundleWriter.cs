using Tarantool.Agents.Phases;

namespace Tarantool.Agents.Tests.Phases.Containers;

/// <summary>Writes rendered bundle files into a fresh temporary directory for external validators.</summary>
public sealed class BundleWriter : IDisposable
{
    public BundleWriter(IEnumerable<BundleFile> files)
    {
        Root = Path.Combine(Path.GetTempPath(), "tarantool-agents-" + Guid.NewGuid().ToString("N"));
        foreach (var file in files)
        {
            var path = Path.Combine(Root, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Content);
        }
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
