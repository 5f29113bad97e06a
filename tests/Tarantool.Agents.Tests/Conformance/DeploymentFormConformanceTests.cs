using System.Text.RegularExpressions;

namespace Tarantool.Agents.Tests.Conformance;

/// <summary>
/// A bundle follows the deployment form it was asked for, end to end: a VM bundle carries systemd units, Ansible and
/// VM-only docs (with the cloud's own VM facts), a Kubernetes bundle manifests and Kubernetes-only docs, and every
/// bundle path a doc or narrative names is in the bundle.
/// </summary>
public sealed partial class DeploymentFormConformanceTests(DeploymentFormBundlesFixture bundles) : IClassFixture<DeploymentFormBundlesFixture>
{
    public static TheoryData<string, string, string> Bundles()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (cloud, form, language) in DeploymentFormBundlesFixture.Matrix()) data.Add(cloud, form, language);
        return data;
    }

    // Kubernetes objects and tools that have no place in a VM bundle's docs. The Russian word for pods is also a
    // preposition, so only the English one is checked.
    [GeneratedRegex(@"\bkubectl\b|\bStatefulSets?\b|\bPodDisruptionBudgets?\b|\bCronJobs?\b|\bkustomiz|\bPersistentVolume|\bkubelet\b|\bhelm\b|(?<![\w/.-])kubernetes/|\bpods?\b")]
    private static partial Regex KubernetesOperations();

    // How the database is run on VMs: units, playbooks, cron. A Kubernetes bundle's docs name none of them.
    [GeneratedRegex(@"\bsystemctl\b|\bjournalctl\b|\bsystemd\b|\b[Aa]nsible\b|\bansible-playbook\b|\bEnvironmentFile\b|\bOnCalendar\b|\bcrontab\b|/etc/cron\.d")]
    private static partial Regex VmOperations();

    // A narrative keeps its fixed sections, so a Kubernetes bundle's containers phase still has a "systemd services"
    // heading saying why it does not apply; what it must not hold is a way to run the database on VMs.
    [GeneratedRegex(@"\bsystemctl\b|\bjournalctl\b|\bansible-playbook\b|deploy/ansible|\bEnvironmentFile\b|\bOnCalendar\b|\bcrontab\b|/etc/cron\.d")]
    private static partial Regex VmCommands();

    // Bundle-relative paths: a top-level bundle folder, then a path; not part of a longer path, URL or image name.
    [GeneratedRegex(@"(?<![\w./:@-])((?:backup|dr|deploy|docs|tarantool|monitoring|containers|kubernetes|systemd|phases|outputs)/[A-Za-z0-9_.\-/]*[A-Za-z0-9_/])(?![\w:{<*@-])")]
    private static partial Regex BundlePath();

    [Theory]
    [MemberData(nameof(Bundles))]
    public void Docs_and_narratives_use_only_their_deployment_form(string cloud, string form, string language)
    {
        var root = bundles.BundleOf(DeploymentFormBundlesFixture.Key(cloud, form, language));
        var problems = new List<string>();
        foreach (var (path, line) in Lines(root, "docs"))
        {
            var banned = form == "vm" ? KubernetesOperations() : VmOperations();
            foreach (Match match in banned.Matches(line)) problems.Add($"{path}: '{match.Value}' in: {line}");
        }

        foreach (var (path, line) in Lines(root, "phases"))
        {
            // The containers phase's "Kubernetes" section of a VM bundle says in one line that it does not apply.
            var banned = form == "vm" ? KubernetesOperations() : VmCommands();
            foreach (Match match in banned.Matches(line)) problems.Add($"{path}: '{match.Value}' in: {line}");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public void Artifacts_are_those_of_the_deployment_form(string cloud, string form, string language)
    {
        var files = Samples.BundleFiles(bundles.BundleOf(DeploymentFormBundlesFixture.Key(cloud, form, language))).Keys.ToList();
        string[] kubernetesOnly = ["kubernetes/", "deploy/kubernetes/"];
        string[] vmOnly = ["systemd/", "deploy/ansible/", "deploy/systemd/", "backup/crontab"];
        var (expected, foreign) = form == "vm" ? (vmOnly, kubernetesOnly) : (kubernetesOnly, vmOnly);

        Assert.All(expected.Where(p => p.EndsWith('/')), prefix => Assert.Contains(files, f => f.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.DoesNotContain(files, f => foreign.Any(p => f.StartsWith(p, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public void Every_bundle_path_a_doc_or_narrative_names_exists(string cloud, string form, string language)
    {
        var root = bundles.BundleOf(DeploymentFormBundlesFixture.Key(cloud, form, language));
        var missing = new List<string>();
        foreach (var (path, line) in Lines(root, "docs").Concat(Lines(root, "phases")))
        {
            foreach (Match match in BundlePath().Matches(line))
            {
                var named = match.Groups[1].Value;
                // A module name such as tarantool/metrics is not a bundle path: only names with an extension or a
                // trailing slash are.
                if (!named.EndsWith('/') && !Path.HasExtension(named)) continue;
                // containers/.env is created by the user from containers/.env.example, as the text says.
                if (named == "containers/.env") named = "containers/.env.example";
                var full = Path.Combine(root, named);
                if (!File.Exists(full) && !Directory.Exists(full)) missing.Add($"{path}: {match.Groups[1].Value}");
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing.Distinct().Take(30)));
    }

    [Theory]
    [InlineData("aws", "m6i.|r6i.|c6i.", "gp3|io2", "IAM instance profile")]
    [InlineData("azure", "Standard_", "Premium SSD", "managed identity")]
    [InlineData("gcp", "n2-", "pd-ssd", "service account attached")]
    public void A_cloud_vm_bundle_states_the_clouds_own_vm_facts(string cloud, string machineTypes, string diskTypes, string backupAccess)
    {
        var root = bundles.BundleOf(DeploymentFormBundlesFixture.Key(cloud, "vm"));
        var setup = File.ReadAllText(Path.Combine(root, "docs", "setup.md"));
        var containers = File.ReadAllText(Path.Combine(root, "phases", "06-containers-orchestration.md"));
        var topology = File.ReadAllText(Path.Combine(root, "outputs", "02-topology.json"));

        var machineType = Regex.Match(setup, $@"machine type `(?<type>(?:{Regex.Escape(machineTypes).Replace("\\|", "|")})[\w.-]+)`");
        Assert.True(machineType.Success, setup);
        Assert.Contains($"`{machineType.Groups["type"].Value}`", containers); // the containers phase names the same VM
        Assert.Matches(diskTypes, setup);
        Assert.Contains(backupAccess, setup);
        var zone = Regex.Match(topology, "\"zone\": \"(?<zone>[^\"]+)\"").Groups["zone"].Value;
        Assert.Contains($"`{zone}`", setup);
        Assert.DoesNotContain("on-premises", containers);
    }

    [Fact]
    public void On_premises_and_kubernetes_bundles_state_no_cloud_machine_type()
    {
        foreach (var key in new[] { DeploymentFormBundlesFixture.Key("on-premises", "vm"), DeploymentFormBundlesFixture.Key("aws", "kubernetes") })
            Assert.DoesNotContain("machine type `", File.ReadAllText(Path.Combine(bundles.BundleOf(key), "docs", "setup.md")));
    }

    private static IEnumerable<(string Path, string Line)> Lines(string root, string folder) =>
        Directory.EnumerateFiles(Path.Combine(root, folder), "*.md").Order(StringComparer.Ordinal)
            .SelectMany(file => File.ReadLines(file).Select(line => ($"{folder}/{Path.GetFileName(file)}", line)));
}
