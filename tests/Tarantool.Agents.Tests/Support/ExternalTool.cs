using System.Diagnostics;

namespace Tarantool.Agents.Tests.Support;

/// <summary>
/// Finds and runs the real validators the tests use (shellcheck, promtool, ansible-playbook, tarantool, node with the
/// tests/tools modules). CI sets CI=true: a missing tool then fails its tests instead of skipping them.
/// </summary>
internal static class ExternalTool
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>tests/tools: the npm project with kubernetes-models, yaml, mermaid and jsdom.</summary>
    public static string ToolsDirectory => Path.Combine(RepositoryPaths.Root, "tests", "tools");

    /// <summary>node is installed and <c>npm ci --prefix tests/tools</c> has been run.</summary>
    public static bool NodeModulesReady =>
        Find("node") is not null
        && new[] { "kubernetes-models", "yaml" }.All(m => Directory.Exists(Path.Combine(ToolsDirectory, "node_modules", m)));

    public static string? Find(string tool) =>
        Path.IsPathRooted(tool)
            ? File.Exists(tool) ? tool : null
            : (Environment.GetEnvironmentVariable("PATH") ?? "")
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(dir => Path.Combine(dir, tool))
                .FirstOrDefault(File.Exists);

    public static bool Exists(string tool) => Find(tool) is not null;

    /// <summary>The Debian package that provides a tool.</summary>
    public static string Package(string tool) => tool switch
    {
        "ansible-playbook" or "ansible-inventory" => "ansible-core",
        "systemd-analyze" => "systemd",
        "promtool" => "prometheus",
        "node" => "nodejs",
        _ => tool,
    };

    /// <summary>A fresh scratch folder for one test (under the system temp folder).</summary>
    public static string TempDirectory(string prefix) =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "tarantool-agents-tests", $"{prefix}-{Guid.NewGuid():N}")).FullName;

    /// <summary>The tool's path; a missing tool fails the test with the install hint.</summary>
    public static string Require(string tool, string installHint) =>
        Find(tool) ?? throw new InvalidOperationException($"'{tool}' is required for this test: {installHint}.");

    public static (int ExitCode, string Output) Run(
        string tool,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null,
        string? stdin = null,
        int timeoutSeconds = 120)
    {
        var path = Find(tool) ?? throw new InvalidOperationException($"'{tool}' is not installed (apt-get install -y {Package(tool)}); .ci/run installs the tools the tests need.");
        var info = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }

        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', info.ArgumentList)} did not finish within {timeoutSeconds} s.");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
