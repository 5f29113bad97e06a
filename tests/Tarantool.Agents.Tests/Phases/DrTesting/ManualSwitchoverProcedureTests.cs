using System.Text.RegularExpressions;
using Tarantool.Agents.Tests.Expert.BackupRecovery;
using Tarantool.Agents.Tests.Phases.BackupRecovery;
using Tarantool.Agents.Tests.Support;

namespace Tarantool.Agents.Tests.Phases.DrTesting;

/// <summary>
/// With manual failover the leader is part of the configuration every instance reads (every host's config.yaml, the
/// ConfigMap): a switchover changes it there, and the old leader never runs again until its own configuration names
/// the new leader, so it cannot come back writable. The drill is run with DRY_RUN=1 and its actions are read in order.
/// </summary>
public sealed partial class ManualSwitchoverProcedureTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [ToolFact("bash")]
    public async Task On_hosts_the_drill_writes_the_new_leader_into_every_hosts_config_before_the_old_leader_starts()
    {
        var bundle = await PlannedBundle.PlanAsync(SafeRestoreProcedureTests.VmManualSharded);
        var log = DryRun(bundle, "dr/drill-manual-switchover.sh");
        var hosts = Hosts(bundle["dr/lib.sh"]);

        Assert.Contains("CONFIG_STYLE=\"config-yaml\"", bundle["dr/drill-manual-switchover.sh"], StringComparison.Ordinal);
        Assert.DoesNotContain(log, l => l.Contains("replicaset promote", StringComparison.Ordinal));
        var edits = log.Where(l => l.Contains("config.yaml", StringComparison.Ordinal) && l.Contains("sed -i", StringComparison.Ordinal)).ToList();
        Assert.Equal(hosts.Order(), edits.Select(l => SshHost().Match(l).Groups[1].Value).Order());

        var lastEdit = log.FindLastIndex(l => l.Contains("sed -i", StringComparison.Ordinal));
        var reload = log.FindIndex(l => l.Contains("require('config'):reload()", StringComparison.Ordinal));
        var start = log.FindIndex(l => l.Contains("systemctl start", StringComparison.Ordinal));
        Assert.True(lastEdit >= 0 && reload > lastEdit && start > reload, string.Join('\n', log));
        Assert.Contains("storage-001-1", log[start], StringComparison.Ordinal);
    }

    [ToolFact("bash")]
    public async Task The_drills_config_edit_moves_the_leader_and_leaves_the_bootstrap_leader_alone()
    {
        var bundle = await PlannedBundle.PlanAsync(SafeRestoreProcedureTests.VmManualSharded);
        var edit = DryRun(bundle, "dr/drill-manual-switchover.sh").First(l => l.Contains("sed -i", StringComparison.Ordinal));
        var sed = SedCommand().Match(edit).Groups[1].Value;
        var config = Path.Combine(_temp.Path, "config.yaml");
        File.WriteAllText(config, bundle["tarantool/config.yaml"]);

        var (code, output) = ShellTools.Run("bash", ["-c", $"sed -i -E {sed} {config}"], _temp.Path);
        Assert.True(code == 0, output);
        var edited = File.ReadAllText(config);
        Assert.Matches(@"(?m)^\s+leader: storage-001-2$", edited);
        Assert.Matches(@"(?m)^\s+bootstrap_leader: storage-001-1$", edited);
        Assert.DoesNotMatch(@"(?m)^\s+leader: storage-001-1$", edited);
        Assert.Matches(@"(?m)^\s+leader: storage-002-1$", edited);
    }

    [ToolFact("bash")]
    public async Task On_kubernetes_the_drill_changes_the_configmap_and_restarts_the_cut_off_leader_before_it_can_rejoin()
    {
        var bundle = await PlannedBundle.PlanAsync(SafeRestoreProcedureTests.KubernetesManual);
        var log = DryRun(bundle, "dr/drill-manual-switchover.sh");

        var isolate = log.FindIndex(l => l.Contains("NetworkPolicy dr-isolate-db-001-1", StringComparison.Ordinal));
        var configMap = log.FindIndex(l => l.Contains("leader: db-001-2 in ConfigMap geo-config", StringComparison.Ordinal));
        var restartOld = log.FindIndex(l => l.Contains("kubectl delete pod -n geo db-001-1", StringComparison.Ordinal));
        var heal = log.FindIndex(l => l.Contains("delete networkpolicy -n geo dr-isolate-db-001-1", StringComparison.Ordinal));
        Assert.True(isolate >= 0 && configMap > isolate && restartOld > configMap && heal > restartOld, string.Join('\n', log));
        // The leader is never killed outright: the StatefulSet would bring it back at once with the old ConfigMap.
        Assert.DoesNotContain(log.Take(configMap), l => l.Contains("delete pod -n geo db-001-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_drill_fails_when_the_old_leader_returns_writable_or_two_members_take_writes()
    {
        var script = (await PlannedBundle.PlanAsync(SafeRestoreProcedureTests.VmManualSharded))["dr/drill-manual-switchover.sh"];
        Assert.Contains("if is_writable \"$old\"; then problem=", script, StringComparison.Ordinal);
        Assert.Contains("writable=\"$(count_writable \"$REPLICASET\")\"", script, StringComparison.Ordinal);
        Assert.Contains("verdict manual-switchover \"$gap_ms\" \"$RTO_THRESHOLD\" \"$rpo_ms\" \"$RPO_THRESHOLD\" \"$problem\"", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_operations_guide_changes_the_leader_on_every_host_and_in_the_configmap()
    {
        var vm = Section((await PlannedBundle.PlanAsync(SafeRestoreProcedureTests.VmManualSharded))["docs/operations.md"], "Switching the leader");
        Assert.Contains("ansible tarantool_nodes -b -m ansible.builtin.replace -a \"path=/opt/tarantool/ledger/config.yaml", vm, StringComparison.Ordinal);
        Assert.True(vm.IndexOf("ansible.builtin.replace", StringComparison.Ordinal) < vm.IndexOf("require('config'):reload()", StringComparison.Ordinal));

        var k8s = Section((await PlannedBundle.PlanAsync(SafeRestoreProcedureTests.KubernetesManual))["docs/operations.md"], "Switching the leader");
        var apply = k8s.IndexOf("kubectl apply -k kubernetes/", StringComparison.Ordinal);
        var restartOld = k8s.IndexOf("kubectl delete pod -n geo db-001-1", StringComparison.Ordinal);
        var restartNew = k8s.IndexOf("kubectl delete pod -n geo db-001-2", StringComparison.Ordinal);
        Assert.True(apply >= 0 && restartOld > apply && restartNew > restartOld, k8s);
    }

    [Theory]
    [InlineData("vm")]
    [InlineData("k8s")]
    public async Task The_lost_leader_procedure_promotes_through_the_shared_configuration(string form)
    {
        var bundle = await PlannedBundle.PlanAsync(form == "vm" ? SafeRestoreProcedureTests.VmManualSharded : SafeRestoreProcedureTests.KubernetesManual);
        var lostLeader = SafeRestoreProcedureTests.Section(bundle["docs/backup-recovery.md"], "(`lost-leader`)");
        Assert.Contains("in the configuration every instance reads", lostLeader, StringComparison.Ordinal);
        Assert.DoesNotContain("`tt replicaset promote", lostLeader.Replace("Do not use `tt replicaset promote` here", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(form == "vm" ? "on every host" : "ConfigMap", lostLeader, StringComparison.Ordinal);
        Assert.Contains("so it starts read-only", lostLeader, StringComparison.Ordinal);
    }

    private List<string> DryRun(PlannedBundle bundle, string script)
    {
        var root = bundle.WriteTo(Path.Combine(_temp.Path, Guid.NewGuid().ToString("N")));
        var (code, output) = ShellTools.Run("bash", [script], root, new Dictionary<string, string> { ["DRY_RUN"] = "1" });
        Assert.True(code == 0, output);
        return [.. output.Split('\n')];
    }

    private static List<string> Hosts(string drLib) => [.. InstanceLine().Matches(drLib).Select(m => m.Groups[1].Value).Distinct()];

    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf("## " + heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {heading}");
        var end = markdown.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        return markdown[start..(end < 0 ? markdown.Length : end)];
    }

    [GeneratedRegex(@"DRY-RUN: ssh (\S+) ")]
    private static partial Regex SshHost();

    [GeneratedRegex(@"sed -i -E ('[^']+') ")]
    private static partial Regex SedCommand();

    [GeneratedRegex("""(?m)^  "\S+ \S+ (\S+) \d+ \S+"$""")]
    private static partial Regex InstanceLine();
}
