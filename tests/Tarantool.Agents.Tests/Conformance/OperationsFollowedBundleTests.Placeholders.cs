using System.Text.RegularExpressions;
using Tarantool.Agents.Phases.Deployment;

namespace Tarantool.Agents.Tests.Conformance;

/// <summary>The cloud-account values the backup identity needs are named inputs, and nothing is applied without them.</summary>
public sealed partial class OperationsFollowedBundleTests
{
    /// <summary>
    /// setup.md names each placeholder of the backup manifest with what it is and how to look it up, and fills it in
    /// with a command; deploy.sh, run with a kubectl that records its calls, exits 2 without calling kubectl while the
    /// placeholder remains, and applies once setup.md's command has replaced it.
    /// </summary>
    [ToolTheory("bash")]
    [InlineData("en")]
    [InlineData("ru")]
    public async Task Deploy_refuses_to_apply_while_a_cloud_placeholder_remains_and_setup_says_what_to_replace(string language)
    {
        var bundle = await Plan("kubernetes", language);
        var manifest = bundle["deploy/kubernetes/backup-cronjob.yaml"];
        var left = BackupIdentity.ManifestPlaceholders.Where(p => NonComment(manifest).Contains(p, StringComparison.Ordinal)).ToList();
        Assert.Equal(["ACCOUNT_ID"], left);
        var setup = bundle["docs/setup.md"];
        Assert.Contains("`ACCOUNT_ID`", setup, StringComparison.Ordinal);
        Assert.Contains("aws sts get-caller-identity --query Account --output text", setup, StringComparison.Ordinal);
        var fill = Regex.Match(setup, @"sed -i [^\n]*deploy/kubernetes/backup-cronjob\.yaml");
        Assert.True(fill.Success, "setup.md has no command that fills the placeholders in");

        using var temp = new TempDirectory();
        var root = bundle.WriteTo(temp.Combine("bundle"));
        var bin = Directory.CreateDirectory(temp.Combine("bin")).FullName;
        var calls = temp.Combine("kubectl.log");
        // A kubectl that records its calls and fails the first apply, which ends deploy.sh there (set -e).
        File.WriteAllText(Path.Combine(bin, "kubectl"), $"#!/usr/bin/env bash\necho \"$*\" >> '{calls}'\n[[ \"$1\" != apply ]]\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(bin, "kubectl"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var env = new Dictionary<string, string> { ["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}" };

        var (code, output) = ExternalTool.Run("bash", [Path.Combine(root, "deploy/scripts/deploy.sh"), root], root, env);
        Assert.True(code == 2, $"exit {code}: {output}");
        Assert.Contains("ACCOUNT_ID", output, StringComparison.Ordinal);
        Assert.False(File.Exists(calls), "kubectl was called although a placeholder remained");

        var (filled, sedOutput) = ExternalTool.Run("bash", ["-c", "ACCOUNT_ID=123456789012\n" + fill.Value], root);
        Assert.True(filled == 0, sedOutput);
        Assert.Contains("arn:aws:iam::123456789012:role/", File.ReadAllText(Path.Combine(root, "deploy/kubernetes/backup-cronjob.yaml")), StringComparison.Ordinal);
        (code, output) = ExternalTool.Run("bash", [Path.Combine(root, "deploy/scripts/deploy.sh"), root], root, env);
        Assert.Contains("apply", File.ReadAllText(calls), StringComparison.Ordinal);
    }

    private static string NonComment(string yaml) =>
        string.Join('\n', yaml.Split('\n').Where(l => !l.TrimStart().StartsWith('#')));
}
