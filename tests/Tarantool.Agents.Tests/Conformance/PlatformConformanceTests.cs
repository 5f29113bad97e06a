using System.Text.Json;

namespace Tarantool.Agents.Tests.Conformance;

/// <summary>
/// The platform rules of <see cref="PlatformChecks"/> on every sample bundle and on one sharded production bundle per
/// cloud and deployment form: restricted Pod Security on every pod template, backup Jobs under their own cloud-bound
/// service account and image, NetworkPolicies, the write path, the routers' budget and spread, probes and every start
/// wait from one recovery budget, the two-stage image and the hardened Type=notify units.
/// </summary>
public sealed class PlatformConformanceTests(SampleBundlesFixture samples, DeploymentFormBundlesFixture forms)
    : IClassFixture<SampleBundlesFixture>, IClassFixture<DeploymentFormBundlesFixture>
{
    public static TheoryData<string> SampleFiles => Samples.Files();

    public static TheoryData<string, string> Forms()
    {
        var data = new TheoryData<string, string>();
        foreach (var (cloud, form) in DeploymentFormBundlesFixture.Pairs()) data.Add(cloud, form);
        return data;
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Sample_bundles_meet_the_platform_rules(string sample)
    {
        var root = samples.BundleOf(sample);
        var problems = PlatformChecks.Problems(PlatformChecks.Read(root), CloudOf(root));
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_cloud_and_deployment_form_meets_the_platform_rules(string cloud, string form)
    {
        var root = forms.BundleOf(DeploymentFormBundlesFixture.Key(cloud, form));
        var files = PlatformChecks.Read(root);
        var problems = PlatformChecks.Problems(files, cloud);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        // Each form carries its own: pods under restricted Pod Security, or hardened notify units.
        Assert.Equal(form == "kubernetes", files.ContainsKey("kubernetes/networkpolicy.yaml"));
        Assert.Equal(form == "vm", files.Keys.Any(k => k.StartsWith("systemd/", StringComparison.Ordinal) && k.EndsWith("@.service", StringComparison.Ordinal)));
    }

    [ToolTheory("systemd-analyze")]
    [MemberData(nameof(Forms))]
    public void Instance_units_pass_systemd_analyze_verify(string cloud, string form)
    {
        if (form != "vm") return;
        var root = forms.BundleOf(DeploymentFormBundlesFixture.Key(cloud, form));
        var template = Directory.GetFiles(Path.Combine(root, "systemd"), "*@.service").Single();
        var scratch = ExternalTool.TempDirectory("units");
        try
        {
            // verify wants an instance of a template and the executables it names; the target it is part of travels along.
            var instance = Path.Combine(scratch, Path.GetFileName(template).Replace("@.service", "@storage-001-1.service", StringComparison.Ordinal));
            File.Copy(template, instance);
            foreach (var target in Directory.GetFiles(Path.Combine(root, "systemd"), "*.target")) File.Copy(target, Path.Combine(scratch, Path.GetFileName(target)));
            var text = File.ReadAllText(instance);
            if (!File.Exists("/usr/bin/tarantool") || !File.Exists("/usr/bin/tt"))
                text = text.Replace("ExecStart=/usr/bin/tt ", "ExecStart=/bin/true ", StringComparison.Ordinal).Replace("ExecStart=/usr/bin/tarantool ", "ExecStart=/bin/true ", StringComparison.Ordinal);
            File.WriteAllText(instance, text);
            var (code, output) = ExternalTool.Run("systemd-analyze", ["verify", "--man=no", instance], scratch);
            Assert.True(code == 0, output);
            Assert.DoesNotContain("Unknown", output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("ignoring", output, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Directory.Delete(scratch, true);
        }
    }

    private static string CloudOf(string root)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "bundle.json")));
        return manifest.RootElement.GetProperty("request").GetProperty("cloudProvider").GetString()!;
    }
}
