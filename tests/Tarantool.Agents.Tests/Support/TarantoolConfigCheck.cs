using System.Diagnostics;
using Tarantool.Agents.Requests;
using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.Tests.Support;

/// <summary>
/// Tarantool 3.7.1's own config code (<c>../shared/tarantool-config-lua/</c>, run by
/// <c>../shared/tools/tarantool-config-check.lua</c>) over the 3.x configs a bundle ships: for every instance what
/// Tarantool does at start-up (instantiate, validate, configdata, vshard configuration). The shared runner goes
/// through <c>tests/tools/tarantool-config-check.lua</c>, which only lets an older binary's <c>uri.parse</c> accept
/// the table form 3.x passes it. Many configs are checked by one tarantool process per edition.
/// </summary>
internal static class TarantoolConfigCheck
{
    /// <summary>The shared runner beside the repository; it is not part of the repository.</summary>
    public static string SharedRunner => Path.Combine(RepositoryPaths.Shared, "tools", "tarantool-config-check.lua");

    /// <summary>The test-side wrapper (see its header for why it exists).</summary>
    public static string Wrapper => Path.Combine(ExternalTool.ToolsDirectory, "tarantool-config-check.lua");

    /// <summary>Why the check cannot run here, or null when it can.</summary>
    public static string? MissingReason =>
        !ExternalTool.Exists("tarantool") ? "'tarantool' is not installed (apt-get install -y tarantool; .ci/run installs it)"
        : !File.Exists(SharedRunner) || !Directory.Exists(Path.Combine(RepositoryPaths.Shared, "tarantool-config-lua", "3.7.1"))
            ? $"Tarantool's config modules and runner were not found at {RepositoryPaths.Shared}/tarantool-config-lua/3.7.1 and {SharedRunner} (../shared beside the repository)"
            : null;

    /// <summary>Bundle paths that hold a Tarantool 3.x cluster config Tarantool reads.</summary>
    public static bool IsClusterConfigFile(string path) =>
        path is "tarantool/config.yaml" or "containers/config.yaml" or "kubernetes/configmap.yaml";

    /// <summary>
    /// Checks every config on the given edition. <paramref name="configs"/> are (label, YAML text) pairs: a
    /// config.yaml or a file of ConfigMaps. Returns the problems, each prefixed with its label, and how many
    /// configs Tarantool's code examined.
    /// </summary>
    public static (IReadOnlyList<string> Problems, int Checked) Check(IReadOnlyList<(string Label, string Content)> configs, Edition edition)
    {
        if (MissingReason is { } reason) throw new InvalidOperationException(reason + "; set up the tool or run outside CI.");
        if (configs.Count == 0) return ([], 0);
        var folder = ExternalTool.TempDirectory("tarantool-config-check");
        try
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            var arguments = new List<string> { Wrapper, SharedRunner, "--edition", edition == Edition.Enterprise ? "enterprise" : "community" };
            for (var i = 0; i < configs.Count; i++)
            {
                var file = Path.Combine(folder, $"{i:D4}.yaml");
                File.WriteAllText(file, configs[i].Content);
                labels[file] = configs[i].Label;
                arguments.Add(file);
            }

            var (exit, stdout, stderr) = Run(arguments, folder);
            var problems = new List<string>();
            var summary = stdout.Split('\n').LastOrDefault(l => l.Contains("config(s) checked", StringComparison.Ordinal));
            if (exit is not (0 or 1) || summary is null)
                return ([$"the checker failed (exit {exit}): {stdout}{stderr}"], 0);
            foreach (var line in stdout.Split('\n').Where(l => l.StartsWith(folder, StringComparison.Ordinal)))
            {
                var file = line[..line.IndexOf(".yaml", StringComparison.Ordinal)] + ".yaml";
                problems.Add(labels.TryGetValue(file, out var label) ? label + line[file.Length..] : line);
            }
            if (exit == 1 && problems.Count == 0) problems.Add($"the checker reported a failure without a problem line: {stdout}{stderr}");
            return (problems, int.Parse(summary.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The cluster configs inside a file of ConfigMaps (their data values), for the product's validator.</summary>
    public static IEnumerable<string> ConfigMapConfigs(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode root) continue;
            if (!root.Children.TryGetValue(new YamlScalarNode("data"), out var data) || data is not YamlMappingNode values) continue;
            foreach (var value in values.Children.Values.OfType<YamlScalarNode>())
                if (value.Value is { } text && text.Contains("groups:", StringComparison.Ordinal)) yield return text;
        }
    }

    /// <summary>Runs tarantool with stdout and stderr apart: the modules log warnings on stderr, problems go to stdout.</summary>
    private static (int Exit, string Stdout, string Stderr) Run(IEnumerable<string> arguments, string workingDirectory)
    {
        var info = new ProcessStartInfo(ExternalTool.Find("tarantool")!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(300_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("tarantool-config-check.lua did not finish within 300 s.");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
