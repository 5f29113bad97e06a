using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Tarantool.Agents.Tests.Phases.Containers;

/// <summary>Finds and runs the external tools some tests need (promtool, node with tests/tools modules).</summary>
public static class ExternalTool
{
    /// <summary>CI sets CI=true: a missing tool then fails the test instead of skipping it.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? Find(string executable) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, executable))
            .FirstOrDefault(File.Exists);

    /// <summary>The repository root, located from this source file (test binaries may live under any artifacts path).</summary>
    public static string RepoRoot([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", ".."));

    public static string ToolsDirectory => Path.Combine(RepoRoot(), "tests", "tools");

    /// <summary>node is installed and <c>npm ci --prefix tests/tools</c> has been run.</summary>
    public static bool NodeModulesReady =>
        Find("node") is not null
        && Directory.Exists(Path.Combine(ToolsDirectory, "node_modules", "kubernetes-models"))
        && Directory.Exists(Path.Combine(ToolsDirectory, "node_modules", "yaml"));

    public static (int ExitCode, string Output) Run(string executable, IEnumerable<string> arguments, string workingDirectory, int timeoutSeconds = 120)
    {
        var path = Find(executable) ?? throw new InvalidOperationException($"{executable} is not installed (see the report for the CI install commands).");
        var info = new ProcessStartInfo(path) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{executable} did not finish in {timeoutSeconds} s.");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
