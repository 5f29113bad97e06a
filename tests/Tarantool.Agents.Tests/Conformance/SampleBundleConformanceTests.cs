using System.Text.Json;
using System.Text.RegularExpressions;
using Tarantool.Agents.ClusterConfig;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Tests.ClusterConfig;
using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.Tests.Conformance;

/// <summary>
/// Every artifact of every sample bundle passes its own ecosystem's validator: shellcheck, promtool, the Kubernetes
/// schemas, ansible-playbook --syntax-check, the official Tarantool config schema, Lua syntax, YAML and JSON parsing.
/// </summary>
public sealed partial class SampleBundleConformanceTests(SampleBundlesFixture bundles) : IClassFixture<SampleBundlesFixture>
{
    public static TheoryData<string> SampleFiles => Samples.Files();

    private static IEnumerable<string> Files(string root, params string[] patterns) =>
        patterns.SelectMany(p => Directory.EnumerateFiles(root, p, SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Distinct()
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Every_yaml_and_json_file_parses(string sample)
    {
        var root = bundles.BundleOf(sample);
        foreach (var file in Files(root, "*.yml", "*.yaml"))
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(Path.Combine(root, file))));
            Assert.True(stream.Documents.Count > 0, $"{file} is empty");
        }

        foreach (var file in Files(root, "*.json")) JsonDocument.Parse(File.ReadAllText(Path.Combine(root, file))).Dispose();
    }

    [ToolTheory("bash", "shellcheck")]
    [MemberData(nameof(SampleFiles))]
    public void Every_shell_script_passes_bash_n_and_shellcheck(string sample)
    {
        var root = bundles.BundleOf(sample);
        var scripts = Files(root, "*.sh").ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            var (code, output) = ExternalTool.Run("bash", ["-n", script], root);
            Assert.True(code == 0, $"bash -n {script}: {output}");
            if (!OperatingSystem.IsWindows()) // Windows has no execute bit; bash and shellcheck run on Unix anyway
                Assert.True(File.GetUnixFileMode(Path.Combine(root, script)).HasFlag(UnixFileMode.UserExecute), $"{script} is not executable");
        }

        var (exit, report) = ExternalTool.Run("shellcheck", ["-x", "-S", "style", .. scripts], root);
        Assert.True(exit == 0, report);
    }

    /// <summary>
    /// Under <c>set -o pipefail</c> a reader that stops early (<c>grep -q</c>, <c>head</c>) can kill the writer with
    /// SIGPIPE and fail the whole pipeline although the line was found: a check that silently says "no".
    /// </summary>
    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void No_shell_script_pipes_into_a_reader_that_stops_early(string sample)
    {
        var root = bundles.BundleOf(sample);
        var offending = Files(root, "*.sh")
            .SelectMany(script => File.ReadAllLines(Path.Combine(root, script)).Select((line, i) => (script, line, number: i + 1)))
            .Where(l => !l.line.TrimStart().StartsWith('#') && EarlyStoppingReader().IsMatch(l.line))
            .Select(l => $"{l.script}:{l.number}: {l.line.Trim()}")
            .ToList();

        Assert.True(offending.Count == 0, string.Join("\n", offending));
    }

    [GeneratedRegex(@"\|\s*(grep\s+(-[A-Za-z]*q[A-Za-z]*|--quiet)|head\b)")]
    private static partial Regex EarlyStoppingReader();

    [ToolTheory("promtool")]
    [MemberData(nameof(SampleFiles))]
    public void Monitoring_passes_promtool_config_rules_and_unit_tests(string sample)
    {
        var monitoring = Path.Combine(bundles.BundleOf(sample), "monitoring");
        var (configCode, configOutput) = PromtoolConfigCheck.Run(monitoring);
        Assert.True(configCode == 0, $"promtool check config prometheus.yml: {configOutput}");
        string[][] checks = [["check", "rules", "alerts.yml"], ["test", "rules", "alerts.test.yml"]];
        foreach (var arguments in checks)
        {
            // The backup alerts' tests simulate more than a day of evaluations: slow on a loaded machine.
            var (code, output) = ExternalTool.Run("promtool", arguments, monitoring, timeoutSeconds: 600);
            Assert.True(code == 0, $"promtool {string.Join(' ', arguments)}: {output}");
        }
    }

    [NodeToolTheory]
    [MemberData(nameof(SampleFiles))]
    public void Kubernetes_manifests_are_valid_kubernetes_objects(string sample)
    {
        Assert.True(ExternalTool.NodeModulesReady, NodeToolFactAttribute.Reason);
        var root = bundles.BundleOf(sample);
        var manifests = new[] { "kubernetes", "deploy/kubernetes", "monitoring/prometheus-operator" }.Select(d => Path.Combine(root, d)).Where(Directory.Exists).ToList();
        if (manifests.Count == 0)
        {
            Assert.True(Directory.Exists(Path.Combine(root, "systemd")), "a bundle without Kubernetes manifests deploys with systemd units");
            return;
        }

        var (code, output) = ExternalTool.Run("node", [Path.Combine(ExternalTool.ToolsDirectory, "validate-k8s.mjs"), .. manifests], ExternalTool.ToolsDirectory);
        Assert.True(code == 0, output);
    }

    [ToolTheory("ansible-playbook")]
    [MemberData(nameof(SampleFiles))]
    public void Ansible_playbooks_pass_syntax_check(string sample)
    {
        var root = bundles.BundleOf(sample);
        var ansible = Path.Combine(root, "deploy", "ansible");
        if (!Directory.Exists(ansible))
        {
            // Kubernetes-based clouds deploy with kustomize and kubectl scripts, not Ansible.
            Assert.True(Directory.Exists(Path.Combine(root, "kubernetes")), "a bundle without Ansible playbooks deploys to Kubernetes");
            return;
        }

        var playbooks = Directory.EnumerateFiles(ansible, "*.yml").Select(Path.GetFileName).Where(f => f is not "inventory.yml").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(playbooks);
        foreach (var playbook in playbooks)
        {
            var (code, output) = ExternalTool.Run("ansible-playbook", ["--syntax-check", "-i", "inventory.yml", playbook!], ansible,
                new Dictionary<string, string> { ["ANSIBLE_LOCAL_TEMP"] = Path.Combine(Path.GetTempPath(), "ansible-local"), ["ANSIBLE_NOCOLOR"] = "1" });
            Assert.True(code == 0, $"{playbook}: {output}");
        }
    }

    [ToolTheory("tarantool")]
    [MemberData(nameof(SampleFiles))]
    public void Lua_files_parse(string sample)
    {
        var root = bundles.BundleOf(sample);
        foreach (var file in Files(root, "*.lua"))
        {
            var path = Path.Combine(root, file).Replace("'", "\\'");
            var (code, output) = ExternalTool.Run("tarantool", ["-e", $"local f, e = loadfile('{path}') if f == nil then io.stderr:write(e) os.exit(1) end os.exit(0)"]);
            Assert.True(code == 0, $"{file}: {output}");
        }
    }

    [SchemaTheory]
    [MemberData(nameof(SampleFiles))]
    public void The_cluster_config_passes_the_official_schema_and_the_semantic_validator(string sample)
    {
        var root = bundles.BundleOf(sample);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "bundle.json")));
        var version = TarantoolVersion.Parse(manifest.RootElement.GetProperty("request").GetProperty("tarantoolVersion").GetString()!);
        var config = Path.Combine(root, "tarantool", "config.yaml");
        if (version.Major < 3)
        {
            Assert.False(File.Exists(config), "2.11 and Cartridge targets are configured with Lua, not config.yaml");
            Assert.True(File.Exists(Path.Combine(root, "tarantool", "init.lua")));
            return;
        }

        var yaml = File.ReadAllText(config);
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var json = System.Text.Json.JsonSerializer.SerializeToElement(YamlJson.Convert(stream.Documents[0].RootNode));
        var results = SchemaFiles.Load(version).Evaluate(json, new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });
        Assert.True(results.IsValid, string.Join("\n", (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        var edition = manifest.RootElement.GetProperty("request").GetProperty("edition").GetString() == "enterprise" ? Edition.Enterprise : Edition.Community;
        Assert.DoesNotContain(new TarantoolConfigValidator().Validate(yaml, edition: edition), i => i.Severity == Tarantool.Agents.Phases.ValidationSeverity.Error);
    }

    /// <summary>
    /// Every 3.x cluster config the sample ships (tarantool/, containers/, the Kubernetes ConfigMap) passes what
    /// Tarantool 3.7.1 runs at start-up, on the sample's edition, and the product's own validator agrees.
    /// </summary>
    [TarantoolConfigCheckTheory]
    [MemberData(nameof(SampleFiles))]
    public void Every_3x_config_passes_tarantools_own_start_up_checks(string sample)
    {
        var root = bundles.BundleOf(sample);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "bundle.json")));
        var request = manifest.RootElement.GetProperty("request");
        var version = TarantoolVersion.Parse(request.GetProperty("tarantoolVersion").GetString()!);
        var edition = request.GetProperty("edition").GetString() == "enterprise" ? Edition.Enterprise : Edition.Community;
        var configs = Files(root, "*.yaml").Where(TarantoolConfigCheck.IsClusterConfigFile)
            .Select(f => (Label: f, Content: File.ReadAllText(Path.Combine(root, f)))).ToList();
        if (version.Major < 3 || request.GetProperty("clusterType").GetString() == "cartridge")
        {
            Assert.Empty(configs);
            return;
        }

        Assert.Contains(configs, c => c.Label == "tarantool/config.yaml");
        var (problems, checkedCount) = TarantoolConfigCheck.Check(configs, edition);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(checkedCount >= configs.Count, $"Tarantool's code examined {checkedCount} of {configs.Count} configs");
        foreach (var (label, content) in configs)
            foreach (var text in label.StartsWith("kubernetes/", StringComparison.Ordinal) ? TarantoolConfigCheck.ConfigMapConfigs(content) : [content])
                Assert.DoesNotContain(new TarantoolConfigValidator().Validate(text, file: label, edition: edition), i => i.Severity == Tarantool.Agents.Phases.ValidationSeverity.Error);
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void No_file_holds_a_password_or_key(string sample)
    {
        var root = bundles.BundleOf(sample);
        foreach (var file in Files(root, "*"))
        {
            var text = File.ReadAllText(Path.Combine(root, file));
            Assert.DoesNotMatch(@"(?im)^\s*[""']?password[""']?\s*[:=]\s*[""']?(?!\{\{|\$|<|\s*$|'\{\{|""\{\{)[A-Za-z0-9!@#%^&*]{6,}", text);
            Assert.DoesNotMatch(@"-----BEGIN [A-Z ]*PRIVATE KEY-----", text);
        }
    }
}
