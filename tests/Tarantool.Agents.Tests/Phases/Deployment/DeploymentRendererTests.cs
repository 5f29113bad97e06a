using System.Text.RegularExpressions;
using Tarantool.Agents.Expert.Containers;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Phases.Deployment;
using Tarantool.Agents.Phases.Monitoring;
using Tarantool.Agents.Tests.Phases.Documentation;
using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.Tests.Phases.Deployment;

public sealed partial class DeploymentRendererTests
{
    private static readonly string[] Playbooks = ["deploy.yml", "rolling-update.yml", "backup.yml", "restore.yml"];

    public static TheoryData<string> VmFixtures() => new(ClusterFixtures.All().Where(f => f.Request.CloudProvider == Requests.CloudProvider.OnPremises).Select(f => f.Name));

    public static TheoryData<string> AllFixtures() => ClusterFixtures.Names();

    [Theory]
    [MemberData(nameof(VmFixtures))]
    public void On_premises_bundle_has_ansible_scripts_units_and_ci(string name)
    {
        var bundle = RenderedBundle.Of(name);
        var paths = bundle.Files.Select(f => f.Path).ToHashSet();

        foreach (var expected in new[]
        {
            "deploy/ansible/inventory.yml", "deploy/ansible/deploy.yml", "deploy/ansible/rolling-update.yml", "deploy/ansible/backup.yml",
            "deploy/ansible/restore.yml", "deploy/ansible/ansible.cfg", "deploy/scripts/deploy.sh", "deploy/scripts/rolling-restart.sh",
            "deploy/scripts/health-check.sh", "deploy/systemd/tarantool-backup.service", "deploy/systemd/tarantool-backup.timer",
            "deploy/ci/github-actions.yml",
        })
            Assert.Contains(expected, paths);
        // The instances' unit is the containers phase's systemd/ template; this phase renders none of its own.
        Assert.DoesNotContain($"deploy/systemd/tarantool-{name}@.service", paths);
        Assert.DoesNotContain(bundle.Files, f => f.Path.EndsWith("@.service", StringComparison.Ordinal));
        Assert.All(bundle.Scripts, s => Assert.True(s.Executable, s.Path));
        Assert.All(bundle.Files, f => Assert.EndsWith("\n", f.Content));
        Assert.All(bundle.Files, f => Assert.DoesNotContain("\r", f.Content));
        Assert.All(bundle.Files, f => Assert.False(f.Content.EndsWith("\n\n", StringComparison.Ordinal), f.Path));
    }

    [Fact]
    public void Kubernetes_bundle_has_a_backup_cronjob_on_the_backup_plans_schedule()
    {
        var bundle = RenderedBundle.Of("ledger");
        var cronjob = bundle.File("deploy/kubernetes/backup-cronjob.yaml");

        var stream = new YamlStream();
        stream.Load(new StringReader(cronjob.Content));
        var documents = stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
        string Kind(YamlMappingNode d) => ((YamlScalarNode)d["kind"]).Value!;
        // Its own service account and no API rights at all: the Jobs mount the instance's volume instead of exec-ing.
        Assert.Equal("ServiceAccount", Kind(documents[0]));
        Assert.DoesNotContain(documents, d => Kind(d) is "Role" or "RoleBinding");
        var cronJobs = documents.Where(d => Kind(d) == "CronJob").ToList();
        var instances = bundle.Plan.BackupSchedule.BackupInstances;
        var perInstance = bundle.Plan.BackupSchedule.WalArchiveIntervalSeconds > 0 ? 3 : 2;
        Assert.Equal(instances.Count * perInstance, cronJobs.Count);

        foreach (var instance in instances)
        {
            var backup = cronJobs.Single(c => ((YamlScalarNode)c["metadata"]["name"]).Value == BackupCronJobName("backup", instance));
            var spec = (YamlMappingNode)backup["spec"];
            Assert.Equal(bundle.Fixture.Backup.FullBackupCron, ((YamlScalarNode)spec["schedule"]).Value);
            Assert.Equal("Etc/UTC", ((YamlScalarNode)spec["timeZone"]).Value);
            var pod = (YamlMappingNode)spec["jobTemplate"]["spec"]["template"]["spec"];
            var container = (YamlMappingNode)((YamlSequenceNode)pod["containers"]).Children.Single();
            Assert.Equal([$"{InstanceLayout.BackupToolsDir}/backup.sh", instance], ((YamlSequenceNode)container["command"]).Children.Select(c => ((YamlScalarNode)c).Value));
            var claim = ((YamlSequenceNode)pod["volumes"]).Children.Cast<YamlMappingNode>().Single(v => v.Children.ContainsKey("persistentVolumeClaim"));
            Assert.Equal(InstanceLayout.DataVolumeClaim(instance), ((YamlScalarNode)claim["persistentVolumeClaim"]["claimName"]).Value);
            Assert.Equal("true", ((YamlScalarNode)claim["persistentVolumeClaim"]["readOnly"]).Value);
            var affinity = (YamlMappingNode)((YamlSequenceNode)pod["affinity"]["podAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]).Children.Single();
            Assert.Equal(instance, ((YamlScalarNode)affinity["labelSelector"]["matchLabels"][KubernetesLabels.PodName]).Value);
        }
        Assert.Contains("- name: RETENTION_DAYS\n                  value: \"35\"\n", cronjob.Content);
        Assert.DoesNotContain("BACKUP_RETENTION_DAYS", cronjob.Content);
        Assert.Contains($"- name: PUSHGATEWAY\n                  value: {MonitoringExpectations.Pushgateway}\n", cronjob.Content);
        Assert.DoesNotContain("kubectl", cronjob.Content.Split('\n').Where(l => !l.StartsWith('#')).Aggregate("", (a, b) => a + b + "\n"));
        Assert.Contains("FROM tarantool/tarantool:", bundle.File("deploy/kubernetes/backup.Dockerfile").Content);
        Assert.DoesNotContain(bundle.Files, f => f.Path.StartsWith("deploy/ansible/", StringComparison.Ordinal));

        string BackupCronJobName(string kind, string instance) => $"{Tarantool.Agents.Phases.Containers.PlatformNaming.Namespace(bundle.Plan.AppName)}-{kind}-{instance}";
    }

    [Theory]
    [MemberData(nameof(VmFixtures))]
    public void Playbook_and_scripts_install_the_containers_phase_unit_and_layout(string name)
    {
        var bundle = RenderedBundle.Of(name);
        var context = bundle.Fixture.Context();
        var containers = ContainersPhase.Spec.Render(new OrchestrationExpert().Design(context), context).Select(f => f.Path).ToHashSet();
        var units = new[] { $"systemd/{InstanceLayout.UnitTemplate(name)}", $"systemd/{InstanceLayout.UnitTarget(name)}" };
        Assert.All(units, u => Assert.Contains(u, containers));

        var deploy = bundle.File("deploy/ansible/deploy.yml").Content;
        var script = bundle.File("deploy/scripts/deploy.sh").Content;
        foreach (var unit in units)
        {
            Assert.Contains($"- {unit}\n", deploy);
            Assert.Contains($"${{BUNDLE_DIR}}/{unit}", script);
        }
        Assert.Contains($"name: {InstanceLayout.UnitTarget(name)}\n        enabled: true", deploy);
        Assert.Contains($"systemctl enable {InstanceLayout.UnitTarget(name)}\n", script);
        Assert.DoesNotContain("deploy/systemd/tarantool-", deploy + script);

        var inventory = bundle.File("deploy/ansible/inventory.yml").Content;
        Assert.Contains($"tarantool_app_dir: {InstanceLayout.AppDirectory(name)}\n", inventory);
        Assert.Contains($"tarantool_data_root: {InstanceLayout.VmDataRoot(name)}\n", inventory);
        Assert.Contains("restore_data_dir: \"{{ tarantool_data_root }}/{{ tarantool_instance }}\"", bundle.File("deploy/ansible/restore.yml").Content);
    }

    [Fact]
    public void Kubernetes_scripts_wait_for_on_delete_statefulsets_and_restart_leaders_last()
    {
        var bundle = RenderedBundle.Of("ledger");
        var deploy = bundle.File("deploy/scripts/deploy.sh").Content;
        var rolling = bundle.File("deploy/scripts/rolling-restart.sh").Content;

        // kubectl rollout status refuses OnDelete StatefulSets: readiness is polled instead.
        Assert.DoesNotContain("rollout status", deploy);
        foreach (var step in bundle.Plan.RollingUpdate) Assert.Contains($"'{step.Replicaset}:{step.Order.Count}'", deploy);
        Assert.Contains("wait_ready \"${entry%%:*}\" \"${entry##*:}\"", deploy);

        Assert.Contains($"if [ \"$strategy\" != {StatefulSetBuilder.UpdateStrategy} ]; then", rolling);
        Assert.True(rolling.IndexOf("jsonpath='{.spec.updateStrategy.type}'", StringComparison.Ordinal) < rolling.LastIndexOf("run_plan\n", StringComparison.Ordinal));
        Assert.Contains("kubectl delete pod --namespace \"$NAMESPACE\" \"$1\" --wait=true", rolling);
        foreach (var step in bundle.Plan.RollingUpdate.Where(s => s.Leader.Length > 0))
        {
            // The plan lists the replicas without the leader; run_plan restarts the leader after them and after the switchover.
            var replicas = string.Join(" ", step.Order.Where(n => n != step.Leader));
            Assert.Contains($"'{step.Replicaset}|{step.Leader}|{step.SwitchoverTo}|{step.SwitchoverMethod}|{replicas}'", rolling);
        }
        var loop = rolling[rolling.IndexOf("run_plan() {", StringComparison.Ordinal)..];
        Assert.True(loop.IndexOf("restart \"$replica\"", StringComparison.Ordinal) < loop.IndexOf("move_lead \"$leader\" \"$target\"", StringComparison.Ordinal));
        Assert.True(loop.IndexOf("move_lead \"$leader\" \"$target\"", StringComparison.Ordinal) < loop.IndexOf("restart \"$leader\"", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void Every_yaml_file_parses(string name)
    {
        foreach (var file in RenderedBundle.Of(name).Yaml)
        {
            var stream = new YamlStream();
            var error = Record.Exception(() => stream.Load(new StringReader(file.Content)));
            Assert.True(error is null, $"{file.Path}: {error?.Message}");
        }
    }

    [Theory]
    [MemberData(nameof(VmFixtures))]
    public void Inventory_lists_every_instance_exactly_once_with_its_host(string name)
    {
        var bundle = RenderedBundle.Of(name);
        var inventory = bundle.File("deploy/ansible/inventory.yml").Content;

        foreach (var instance in bundle.Fixture.Topology.Replicasets.SelectMany(r => r.Instances))
        {
            Assert.Single(Regex.Matches(inventory, $@"tarantool_instance: {Regex.Escape(instance.Name)}\n"));
            Assert.Contains($"{instance.Name}:\n", inventory);
            Assert.Matches($@"{Regex.Escape(instance.Name)}:\n\s+ansible_host: {Regex.Escape(instance.Host)}\n", inventory);
        }
        Assert.DoesNotMatch(@"(?i)password\s*[:=]\s*[^\s{#]", inventory.Replace("# SECRETS", ""));
    }

    [Theory]
    [MemberData(nameof(VmFixtures))]
    public void Playbooks_use_only_ansible_builtin_modules(string name)
    {
        var bundle = RenderedBundle.Of(name);
        var keywords = new HashSet<string>
        {
            "name", "when", "register", "changed_when", "failed_when", "until", "retries", "delay", "delegate_to", "loop", "with_fileglob",
            "vars", "become", "become_user", "no_log", "environment", "run_once", "block", "tags", "notify", "ignore_errors", "args",
        };
        foreach (var file in bundle.Files.Where(f => f.Kind is "ansible-playbook" or "ansible-tasks"))
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(file.Content));
            foreach (var task in Tasks(stream.Documents[0].RootNode))
            {
                var modules = task.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Where(k => !keywords.Contains(k)).ToList();
                Assert.True(modules.Count == 1 && modules[0].StartsWith("ansible.builtin.", StringComparison.Ordinal),
                    $"{file.Path}: task '{(task.Children.TryGetValue(new YamlScalarNode("name"), out var n) ? n : "?")}' uses {string.Join(", ", modules)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(VmFixtures))]
    public void Rolling_update_playbook_restarts_the_leader_after_its_replicas_and_after_a_switchover(string name)
    {
        var bundle = RenderedBundle.Of(name);
        var playbook = bundle.File("deploy/ansible/rolling-update.yml").Content;

        foreach (var step in bundle.Plan.RollingUpdate.Where(s => s.Order.Count > 1 && s.Leader.Length > 0))
        {
            var positions = step.Order.Select(n => playbook.IndexOf($"hosts: {n}\n", StringComparison.Ordinal)).ToList();
            Assert.All(positions, p => Assert.True(p >= 0));
            Assert.Equal(positions.Order(), positions);
            var leader = positions[^1];
            var leaderPlay = playbook[leader..];
            Assert.True(leaderPlay.IndexOf("tasks/move-lead.yml", StringComparison.Ordinal) < leaderPlay.IndexOf("tasks/restart-instance.yml", StringComparison.Ordinal));
        }
        if (bundle.Plan.RollingUpdate.Any(s => s.Order.Count > 1)) Assert.Contains("serial: 1", playbook);
    }

    [ToolTheory("ansible-playbook", "ansible-inventory")]
    [MemberData(nameof(VmFixtures))]
    public void Playbooks_pass_ansible_syntax_check(string name)
    {
        var root = RenderedBundle.Of(name).WriteTo("tt-ansible");
        var dir = Path.Combine(root, "deploy", "ansible");
        var env = new Dictionary<string, string> { ["ANSIBLE_CONFIG"] = Path.Combine(dir, "ansible.cfg"), ["ANSIBLE_LOCAL_TEMP"] = Path.Combine(root, ".ansible-tmp"), ["HOME"] = root };
        try
        {
            foreach (var playbook in Playbooks)
            {
                var (code, output) = ExternalTool.Run("ansible-playbook", ["-i", "inventory.yml", "--syntax-check", playbook], dir, env);
                Assert.True(code == 0, $"{playbook}:\n{output}");
                Assert.DoesNotContain("[WARNING]", output);
            }
            var (listCode, list) = ExternalTool.Run("ansible-inventory", ["-i", "inventory.yml", "--list"], dir, env);
            Assert.True(listCode == 0, list);
            Assert.DoesNotContain("[WARNING]", list);
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [ToolTheory("ansible-playbook")]
    [MemberData(nameof(VmFixtures))]
    public void Ansible_runs_each_replicaset_replicas_first_then_the_leader(string name)
    {
        var bundle = RenderedBundle.Of(name);
        var root = bundle.WriteTo("tt-hosts");
        var dir = Path.Combine(root, "deploy", "ansible");
        var env = new Dictionary<string, string> { ["ANSIBLE_CONFIG"] = Path.Combine(dir, "ansible.cfg"), ["HOME"] = root };
        try
        {
            var (code, output) = ExternalTool.Run("ansible-playbook", ["-i", "inventory.yml", "--list-hosts", "rolling-update.yml"], dir, env);
            Assert.True(code == 0, output);
            var hosts = output.Split('\n').Select(l => l.Trim())
                .Where(l => bundle.Plan.Inventory.Any(i => i.Name == l)).ToList();
            Assert.Equal(bundle.Plan.RollingUpdate.SelectMany(s => s.Order), hosts);
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [ToolTheory("shellcheck")]
    [MemberData(nameof(AllFixtures))]
    public void Scripts_pass_bash_n_and_shellcheck(string name)
    {
        var root = RenderedBundle.Of(name).WriteTo("tt-scripts");
        try
        {
            foreach (var script in Directory.GetFiles(Path.Combine(root, "deploy", "scripts"), "*.sh"))
            {
                var content = System.IO.File.ReadAllText(script);
                Assert.StartsWith("#!/usr/bin/env bash\n", content);
                Assert.Contains("set -euo pipefail", content);
                var (syntax, syntaxOutput) = ExternalTool.Run("bash", ["-n", script]);
                Assert.True(syntax == 0, $"{Path.GetFileName(script)}: {syntaxOutput}");
                var (code, output) = ExternalTool.Run("shellcheck", ["--shell=bash", "--severity=style", script]);
                Assert.True(code == 0, $"{Path.GetFileName(script)}:\n{output}");
            }
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [ToolTheory("yamllint")]
    [MemberData(nameof(AllFixtures))]
    public void Yaml_files_pass_yamllint_relaxed(string name)
    {
        var root = RenderedBundle.Of(name).WriteTo("tt-yamllint");
        try
        {
            var (code, output) = ExternalTool.Run("yamllint", ["-f", "parsable", "-d", "{extends: relaxed, rules: {line-length: {max: 200}}}", "deploy"], root);
            Assert.True(code == 0, output);
            Assert.DoesNotContain("[warning]", output);
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [ToolTheory("systemd-analyze")]
    [MemberData(nameof(VmFixtures))]
    public void Timers_use_calendars_systemd_accepts(string name)
    {
        var bundle = RenderedBundle.Of(name);
        foreach (var timer in bundle.Files.Where(f => f.Path.EndsWith(".timer", StringComparison.Ordinal)))
        {
            var match = OnCalendar().Match(timer.Content);
            if (!match.Success) continue;
            var (code, output) = ExternalTool.Run("systemd-analyze", ["calendar", match.Groups[1].Value]);
            Assert.True(code == 0, $"{timer.Path}: {output}");
        }
        Assert.Contains($"OnCalendar={bundle.Plan.BackupSchedule.FullBackupOnCalendar}\n", bundle.File("deploy/systemd/tarantool-backup.timer").Content);
    }

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void Ci_pipeline_lints_before_it_deploys_and_holds_no_secret(string name)
    {
        var bundle = RenderedBundle.Of(name);
        var ci = bundle.File("deploy/ci/github-actions.yml").Content;

        Assert.True(ci.IndexOf("  lint:", StringComparison.Ordinal) < ci.IndexOf("  deploy:", StringComparison.Ordinal));
        Assert.Contains("needs: validate", ci);
        Assert.Contains($"environment: {bundle.Fixture.Request.Environment.ToString().ToLowerInvariant()}", ci);
        Assert.Empty(bundle.Files.SelectMany(f => Tarantool.Agents.Phases.Documentation.SecretScanner.Find(f.Content)));
    }

    private static IEnumerable<YamlMappingNode> Tasks(YamlNode root)
    {
        if (root is not YamlSequenceNode items) yield break;
        foreach (var item in items.OfType<YamlMappingNode>())
        {
            if (item.Children.ContainsKey(new YamlScalarNode("hosts")))
            {
                if (item.Children.TryGetValue(new YamlScalarNode("tasks"), out var tasks))
                    foreach (var task in Tasks(tasks)) yield return task;
                continue;
            }
            if (item.Children.TryGetValue(new YamlScalarNode("block"), out var block))
            {
                foreach (var task in Tasks(block)) yield return task;
                continue;
            }
            yield return item;
        }
    }

    [GeneratedRegex(@"OnCalendar=(.+)\n")]
    private static partial Regex OnCalendar();
}
