using System.Diagnostics;

namespace Tarantool.Agents.Tests.ClusterConfig;

/// <summary>Finds and runs command-line tools used by conformance tests.</summary>
internal static class ExternalTool
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, tool))
        .FirstOrDefault(File.Exists);

    /// <summary>The tool's path; in CI a missing tool is a test failure with the install hint.</summary>
    public static string Require(string tool, string installHint) =>
        Find(tool) ?? throw new InvalidOperationException($"'{tool}' is required for this test in CI: {installHint}.");

    public static (int ExitCode, string Output) Run(string tool, IEnumerable<string> arguments, string? stdin = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish within 60 s.");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
