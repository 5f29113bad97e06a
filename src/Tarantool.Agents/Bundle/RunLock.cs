namespace Tarantool.Agents.Bundle;

/// <summary>
/// One run per output folder at a time: an exclusively opened lock file, released (and deleted) when the run ends,
/// and by the operating system when the process dies.
/// </summary>
public sealed class RunLock : IDisposable
{
    private readonly FileStream _stream;

    private RunLock(FileStream stream) => _stream = stream;

    public static RunLock Acquire(OutputDirectory directory)
    {
        var path = Path.Combine(directory.Root, OutputDirectory.StateFolder, "lock");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new RunLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
        }
        catch (IOException)
        {
            throw new OutputDirectoryException($"Another run is writing to '{directory.Root}'; wait for it to finish or choose another --output.", locked: true);
        }
    }

    public void Dispose() => _stream.Dispose();
}
