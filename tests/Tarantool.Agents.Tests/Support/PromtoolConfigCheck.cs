using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.Tests.Support;

/// <summary>
/// <c>promtool check config</c> on a bundle's prometheus.yml. Debian's prometheus package is built without the
/// Kubernetes service discovery, so its promtool refuses any <c>kubernetes_sd_configs</c> ("field not found"). When
/// the installed promtool lacks it, the check still runs on everything else: each <c>kubernetes_sd_configs</c> block
/// is checked here for a valid role and replaced by a placeholder static target, so relabelling, TLS, rule files and
/// Alertmanager are still checked by promtool itself. A promtool with Kubernetes SD checks those blocks too. The
/// service account files an in-cluster Prometheus reads (token, CA) exist only inside a pod; promtool insists they
/// exist, so the copy it checks points at empty stand-ins.
/// </summary>
internal static class PromtoolConfigCheck
{
    private const string ServiceAccountDir = "/var/run/secrets/kubernetes.io/serviceaccount/";

    private static readonly string[] Roles = ["node", "pod", "service", "endpoints", "endpointslice", "ingress"];

    private static readonly Lazy<bool> SupportsKubernetes = new(() =>
    {
        var dir = ExternalTool.TempDirectory("promtool-probe");
        File.WriteAllText(Path.Combine(dir, "p.yml"), "scrape_configs:\n  - job_name: k\n    kubernetes_sd_configs:\n      - role: pod\n");
        var (code, _) = ExternalTool.Run("promtool", ["check", "config", "p.yml"], dir);
        return code == 0;
    });

    /// <summary>Exit code and output of the check, with a note when the Kubernetes SD blocks were checked here.</summary>
    public static (int ExitCode, string Output) Run(string monitoringDirectory)
    {
        var config = Path.Combine(monitoringDirectory, "prometheus.yml");
        var text = File.ReadAllText(config);
        var rewriteSd = !SupportsKubernetes.Value && text.Contains("kubernetes_sd_configs:", StringComparison.Ordinal);
        if (!rewriteSd && !text.Contains(ServiceAccountDir, StringComparison.Ordinal))
            return ExternalTool.Run("promtool", ["check", "config", "prometheus.yml"], monitoringDirectory);

        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(config)));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var problems = new List<string>();
        foreach (var job in ((YamlSequenceNode)root["scrape_configs"]).Children.Cast<YamlMappingNode>())
        {
            if (!rewriteSd || !job.Children.TryGetValue("kubernetes_sd_configs", out var sd)) continue;
            foreach (var block in ((YamlSequenceNode)sd).Children.Cast<YamlMappingNode>())
                if (!block.Children.TryGetValue("role", out var role) || !Roles.Contains(((YamlScalarNode)role).Value))
                    problems.Add($"job {job["job_name"]}: kubernetes_sd_configs role must be one of {string.Join(", ", Roles)}");
            job.Children.Remove("kubernetes_sd_configs");
            job.Children.Add("static_configs", new YamlSequenceNode(new YamlMappingNode("targets", new YamlSequenceNode(new YamlScalarNode("kubernetes-sd.invalid:1")))));
        }
        var dir = ExternalTool.TempDirectory("promtool-k8s");
        foreach (var file in Directory.GetFiles(monitoringDirectory)) File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        Directory.CreateDirectory(Path.Combine(dir, "serviceaccount"));
        foreach (var name in new[] { "token", "ca.crt" }) File.WriteAllText(Path.Combine(dir, "serviceaccount", name), "");
        var saved = new StringWriter();
        stream.Save(saved, assignAnchors: false);
        File.WriteAllText(Path.Combine(dir, "prometheus.yml"), saved.ToString().Replace(ServiceAccountDir, "serviceaccount/", StringComparison.Ordinal));
        var (code, output) = ExternalTool.Run("promtool", ["check", "config", "prometheus.yml"], dir);
        var note = rewriteSd ? "\n(the installed promtool has no Kubernetes SD; kubernetes_sd_configs blocks were checked by the test, the rest by promtool)" : "";
        return problems.Count > 0 ? (1, string.Join("\n", problems) + "\n" + output + note) : (code, output + note);
    }
}
