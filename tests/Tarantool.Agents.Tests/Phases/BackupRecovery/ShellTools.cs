using Tarantool.Agents.Phases;

namespace Tarantool.Agents.Tests.Phases.BackupRecovery;

/// <summary>Runs rendered shell scripts and shell tools (bash, shellcheck) from tests.</summary>
public static class ShellTools
{
    /// <summary>Bundles of this test run live under one folder per process; folders of finished runs (their
    /// process is gone) are removed when the next run starts, since the test host may be killed before exit hooks.</summary>
    private static readonly string RunRoot = CreateRunRoot();

    private static int _bundles;

    private static string CreateRunRoot()
    {
        var parent = Path.Combine(Path.GetTempPath(), "tarantool-agents-tests");
        Directory.CreateDirectory(parent);
        foreach (var dir in Directory.GetDirectories(parent))
            if (int.TryParse(Path.GetFileName(dir), out var pid) && pid != Environment.ProcessId && !IsAlive(pid))
                try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return Directory.CreateDirectory(Path.Combine(parent, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName;
    }

    private static bool IsAlive(int pid)
    {
        try { return !System.Diagnostics.Process.GetProcessById(pid).HasExited; }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    /// <summary>Writes bundle files under a fresh temporary directory, keeping their relative paths.</summary>
    public static string WriteBundle(IEnumerable<BundleFile> files)
    {
        var root = Directory.CreateDirectory(Path.Combine(RunRoot, $"bundle-{Interlocked.Increment(ref _bundles)}")).FullName;
        foreach (var file in files)
        {
            var path = Path.Combine(root, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Content);
            if (file.Executable && !OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return root;
    }

    public static (int ExitCode, string Output) Run(string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null, int timeoutMs = 60_000) =>
        ExternalTool.Run(fileName, arguments, workingDirectory, environment, timeoutSeconds: Math.Max(1, timeoutMs / 1000));

    /// <summary>Runs shellcheck (following sourced files) on the given scripts of a written bundle.</summary>
    public static (int ExitCode, string Output) ShellCheck(string root, IEnumerable<string> relativePaths) =>
        Run("shellcheck", ["-x", "-S", "style", .. relativePaths], root);
}
