using Tarantool.Agents.Expert.BackupRecovery;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Phases.DrTesting;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.DrTesting;

/// <summary>
/// Chooses the drills a topology needs (one per failure the backup plan prepares for, plus a partition when
/// replicas exist) and writes each with preconditions, steps, measurements and thresholds taken from the backup
/// plan's procedures. Faults and restarts go through what runs the instances on the deployment form: the containers
/// phase's systemd units on hosts, the StatefulSets on Kubernetes-based clouds.
/// </summary>
public sealed class DrScenarioDesigner(ClusterRequest request, CapacityPlan capacity, ClusterTopology topology, BackupPlan backup)
{
    private string App => request.ClusterName;

    private Replicaset Main => TopologyFacts.DataReplicasets(topology).FirstOrDefault() ?? topology.Replicasets[0];

    private string Leader => TopologyFacts.InitialLeaderOf(Main).Name;

    private string Source => TopologyFacts.BackupSourceOf(Main).Name;

    private bool Sync => topology.FailoverMode is "election" or "supervised";

    private bool OnKubernetes => InstanceLayout.InContainers(request);

    private string Namespace => PlatformNaming.Namespace(App);

    private string Unit(string instance) => InstanceLayout.Unit(App, instance);

    /// <summary>Where restore drills find the backup scripts: installed on the hosts; the bundle's copy on the operator
    /// machine that drills a Kubernetes cluster.</summary>
    private string BackupTools => OnKubernetes ? "backup" : InstanceLayout.BackupToolsDir;

    /// <summary>backup.sh talks to the source's console: on its host, or inside its pod where the image installed it.</summary>
    private string TakeBackup => OnKubernetes
        ? $"kubectl exec -n {Namespace} {Source} -- {InstanceLayout.BackupToolsDir}/backup.sh {Source}"
        : $"{InstanceLayout.BackupToolsDir}/backup.sh {Source}";

    /// <summary>Brings a killed instance back: its systemd unit on a host; on Kubernetes the StatefulSet already has.</summary>
    private string Restart(string instance, string then = "") => OnKubernetes
        ? "The StatefulSet recreates the pod" + (then.Length > 0 ? $"; {then}" : "") + "."
        : $"Restart it: `sudo systemctl start {Unit(instance)}`" + (then.Length > 0 ? $"; {then}" : "") + ".";

    /// <summary>Asynchronous replication can lose what was in flight at the failure: a few seconds at most.</summary>
    private int FailoverRpo => Sync ? 0 : Math.Min(backup.RpoSeconds, 5);

    private int Rto(string failure) => backup.Procedures.FirstOrDefault(p => p.Failure == failure)?.ExpectedRtoSeconds ?? backup.RtoSeconds;

    private string Kill(string instance) => OnKubernetes
        ? $"`kubectl delete pod -n {Namespace} {instance} --grace-period=0 --force`"
        : $"`sudo systemctl kill --signal=SIGKILL {Unit(instance)} && sudo systemctl stop {Unit(instance)}` on its host (SIGKILL, like a crash; the stop keeps systemd from restarting it before the drill does)";

    public IReadOnlyList<DrScenario> Design()
    {
        var list = new List<DrScenario>();
        if (TopologyFacts.HasReplicas(topology))
        {
            list.Add(InstanceFailure());
            list.Add(TopologyFacts.HasAutomaticFailover(topology) ? LeaderFailover() : ManualSwitchover());
            list.Add(NetworkPartition());
        }
        else list.Add(InstanceCrash());
        list.Add(ReplicasetRestore());
        list.Add(backup.PointInTimeRecovery ? PointInTimeRestore() : BackupRestore());
        if (TopologyFacts.IsMultiSite(topology)) list.Add(SiteLoss());
        if (backup.Procedures.Any(p => p.Failure == RecoveryFailures.LostRouter)) list.Add(RouterFailure());
        return list;
    }

    /// <summary>Where a restore drill runs: the backup source's host, which has the installed scripts; for Kubernetes an
    /// operator machine with the bundle (the pods have no spare memory for a scratch instance).</summary>
    private string RunWhere(string needs) => OnKubernetes
        ? $"Run from an operator machine with the bundle's backup/ ({needs}); the pods keep their memory for the instances."
        : $"Run on {Source}'s host (it has {InstanceLayout.BackupToolsDir}/ with {needs}).";

    private static readonly string MarkerRto = "Longest gap between two acknowledged marker writes after the fault (the writer follows the leader), or the time until the instance reports box.info.status 'running', whichever is larger.";

    private static readonly string MarkerRpo = "Of the markers acknowledged before the fault, how many are missing afterwards; the loss is the time between the newest acknowledged marker and the newest surviving one.";

    private string[] Healthy => [
        $"`tt replicaset status {App}:{Leader}` shows every member running, upstreams `follow`, lag below 1 s.",
        "No alert is firing and the latest backup verification passed.",
        "The drill is announced and the on-call engineer watches the dashboards.",
    ];

    private DrScenario InstanceFailure()
    {
        var target = Main.Instances.Select(i => i.Name).LastOrDefault(n => n != Leader && n != Source) ?? Source;
        return Scenario(DrScenarioIds.InstanceFailure, $"Instance failure: {target} crashes", RecoveryFailures.LostReplica, target, Healthy,
        [
            $"Start the marker writer against the leader of {Main.Name} (`dr/lib.sh` creates the marker space if needed).",
            $"Kill {target}: {Kill(target)}.",
            "Keep writing for 10 s: the leader must not notice beyond a TarantoolInstanceDown alert.",
            Restart(target),
            $"Wait for `echo \"return box.info.status\" | tt connect {App}:{target} -f -` to print `running` and its upstream to be `follow`, then compare markers.",
        ],
        $"Writes continue on the leader; {target} restarts from its own snapshot and xlogs, catches up and holds every acknowledged marker.",
        MarkerRto, MarkerRpo, Rto(RecoveryFailures.LostReplica), 0,
        ["Longest write gap on the leader below 1 s (a replica's death must not stall writes).", $"{target} is running and following within the RTO threshold.", "No acknowledged marker is missing on it."]);
    }

    private DrScenario InstanceCrash()
    {
        var restart = (int)Math.Ceiling(capacity.SnapshotSizeGb * 1000 / RecoveryRates.SnapshotLoadMBps) + 60;
        return Scenario(DrScenarioIds.InstanceFailure, $"Instance crash: {Leader} is killed and restarts", DrScenarioIds.InstanceCrashFailure, Leader,
            ["Writes are idle or the application tolerates a short outage.", "The latest backup verification passed."],
            [
                "Start the marker writer.",
                $"Kill {Leader}: {Kill(Leader)}.",
                Restart(Leader, "recovery loads the snapshot and replays the xlogs"),
                $"Wait for `echo \"return box.info.status\" | tt connect {App}:{Leader} -f -` to print `running`, then compare markers.",
            ],
            "The instance comes back from its local snapshot and xlogs; every acknowledged write survives the process crash (wal.mode write keeps it in the OS page cache).",
            MarkerRto, MarkerRpo, Math.Min(restart, backup.RtoSeconds), 0,
            ["The instance is running again within the RTO threshold.", "No acknowledged marker is missing."]);
    }

    private DrScenario LeaderFailover()
    {
        var timeout = topology.Election?.TimeoutSeconds ?? 5;
        var isCartridge = topology.FailoverMode is "stateful" or "eventual" or "raft";
        return Scenario(DrScenarioIds.LeaderFailover, $"Leader failure: {Leader} dies and {Main.Name} fails over by itself", RecoveryFailures.LostLeader, Main.Name, Healthy,
        [
            $"Start the marker writer; it writes to whichever member has `box.info.ro == false`.",
            $"Kill the leader {Leader}: {Kill(Leader)}.",
            isCartridge
                ? $"Wait for the failover coordinator to appoint a new leader (failover_timeout): `tt replicaset status {App}`."
                : $"Watch the election without touching anything: `echo \"return box.info.election\" | tt connect {App}:<member> -f -` shows a new term and one `leader` (election_timeout {timeout} s).",
            "Keep writing 5 s after the new leader appears, then stop the writer and compare markers on the new leader.",
            OnKubernetes ? "The old leader's pod is recreated and rejoins as a follower." : $"Restart the old leader: `sudo systemctl start {Unit(Leader)}`; it must rejoin as a follower.",
        ],
        "A new leader is elected without an operator; writes resume on it; the old leader returns as a read-only follower.",
        MarkerRto, MarkerRpo, Rto(RecoveryFailures.LostLeader), FailoverRpo,
        ["Exactly one writable member after the failover.", "Write gap within the RTO threshold.", Sync ? "No acknowledged (synchronous) marker is lost." : "Lost markers within the RPO threshold.", "The old leader rejoins read-only."]);
    }

    private DrScenario ManualSwitchover()
    {
        var cartridge = request.ClusterType == ClusterType.Cartridge;
        // The leader lives in the configuration every instance reads; a promotion anywhere else (tt replicaset
        // promote on one host, box.cfg on one instance) leaves the old leader's own copy naming it, and it would
        // come back writable.
        var promote = cartridge
            ? $"`tt replicaset promote {App}:<most up-to-date replica> --force` (Cartridge writes the new leader into its clusterwide configuration on every instance)"
            : request.IsDeclarativeConfig
                ? OnKubernetes
                    ? $"set `replicasets.{Main.Name}.leader` to it in the ConfigMap (`kubectl replace`), restart the old leader's pod first so it can only return read-only, then the promoted replica's pod (the pods see the new file once the kubelet syncs the ConfigMap, but an instance applies it only when it restarts or reloads)"
                    : $"set `replicasets.{Main.Name}.leader` to it in config.yaml on every host, then `require('config'):reload()` on the promoted replica and the other running members"
                : OnKubernetes
                    ? "`box.cfg{read_only = false}` on the most up-to-date replica, `box.cfg{read_only = true}` on the cut-off leader through its local console, and the same values in tarantool/init.lua for the next image"
                    : "flip `read_only` in tarantool/init.lua on every host (false for the promoted replica, true for the old leader), then `box.cfg{read_only = false}` on the promoted replica";
        var fault = OnKubernetes && !cartridge
            ? $"Cut the leader {Leader} off with a deny-all NetworkPolicy (killing its pod would bring it back at once with the old configuration)"
            : $"Kill the leader {Leader}: {Kill(Leader)}";
        return Scenario(DrScenarioIds.ManualSwitchover, $"Leader failure with passive failover: {Leader} dies and a replica is promoted by the runbook", RecoveryFailures.LostLeader, Main.Name, Healthy,
        [
            "Start the marker writer.",
            $"{fault}.",
            $"Follow the lost-leader runbook: compare `box.info.signature` on the replicas and promote the largest: {promote}.",
            "Wait until the promoted replica reports `box.info.ro == false` and writes succeed; stop the writer and compare markers.",
            OnKubernetes && !cartridge
                ? "Only then remove the NetworkPolicy: the old leader, restarted with the new configuration, must be read-only."
                : cartridge && OnKubernetes ? "The old leader's pod is recreated; it must come back as a replica." : $"Only now restart the old leader, whose configuration names the new leader: `sudo systemctl start {Unit(Leader)}`; it must be read-only.",
        ],
        "Nothing fails over by itself (passive failover); the runbook promotes the most up-to-date replica in the configuration every instance reads, writes resume on it, and the old leader returns read-only.",
        MarkerRto, MarkerRpo, Rto(RecoveryFailures.LostLeader), FailoverRpo,
        ["Exactly one writable member after the promotion.", "Write gap (detection + runbook + promote) within the RTO threshold.", "Lost markers within the RPO threshold.", "The old leader returns read-only."]);
    }

    private DrScenario NetworkPartition()
    {
        var automatic = TopologyFacts.HasAutomaticFailover(topology);
        var fencing = topology.Election?.FencingMode is { Length: > 0 } f ? f : "soft";
        var isolate = OnKubernetes
            ? $"apply a deny-all NetworkPolicy selecting pod {Leader}"
            : $"on {Leader}'s host `iptables -I INPUT -p tcp --dport 3301 -j DROP` and `iptables -I OUTPUT -p tcp --dport 3301 -j DROP` (plus `--sport 3301`)";
        return Scenario(DrScenarioIds.NetworkPartition, $"Network partition: {Leader} is cut off from the rest of {Main.Name}", DrScenarioIds.NetworkPartitionFailure, Main.Name, Healthy,
        [
            "Start the marker writer.",
            $"Isolate the leader: {isolate}.",
            automatic
                ? $"On the majority side expect a new leader within the election timeout; on the minority side check through the local control socket (`echo \"return box.info.ro\" | tt connect {App}:{Leader} -f -` on its host) that the old leader turned read-only (election_fencing_mode {fencing})."
                : "Expect no automatic promotion: with passive failover the replicas only report a stopped upstream (TarantoolReplicationStopped); nobody may promote without first fencing the old leader.",
            "Heal the partition (delete the iptables rules / the NetworkPolicy).",
            automatic
                ? "The old leader rejoins as a follower of the new term; exactly one member is writable; compare markers."
                : "Replication resumes from the same leader; compare markers.",
        ],
        automatic
            ? "The majority elects a new leader, the minority fences itself (no split brain), and after healing the old leader follows the new one."
            : "The replicaset never has two writable members: the isolated leader stays the only writer, and replication catches up after healing.",
        MarkerRto, MarkerRpo, Rto(RecoveryFailures.LostLeader), FailoverRpo,
        automatic
            ? ["A new leader on the majority side within the RTO threshold.", "The minority's old leader is read-only before the partition heals.", "At most one writable member at any check.", "No acknowledged marker lost."]
            : ["No replica becomes writable during the partition.", "At most one writable member at any check.", "Replication resumes after healing; no acknowledged marker lost."]);
    }

    /// <summary>The drill's targets: the request's RTO/RPO when it states them (never looser than the plan's, which the
    /// validator holds the thresholds to), else the plan's.</summary>
    private int TargetRto(int planned) => request.RtoSeconds is > 0 and var target ? Math.Min(target, planned) : planned;

    private int TargetRpo(int planned) => request.RpoSeconds is >= 0 and var target ? Math.Min(target, planned) : planned;

    private bool Scratch => ConfigDelivery.For(request) == ConfigDelivery.ConfigYaml;

    private DrScenario ReplicasetRestore()
    {
        var n = Main.Instances.Count;
        var others = string.Join(", ", Main.Instances.Where(i => i.Name != Source).Select(i => i.Name));
        var election = topology.FailoverMode == "election";
        var leaderFix = election ? "`replication.synchro_quorum: 1` (a lone seed can then win the election and confirm writes)" : $"`{Source}` as the configured leader of {Main.Name}";
        if (!Scratch) return Scenario(DrScenarioIds.ReplicasetRestore,
            $"Replicaset loss: restore {Main.Name} from the latest backup and archived WAL into a scratch directory", RecoveryFailures.LostReplicaset, Main.Name,
            [RunWhere("restore.sh, tarantool and access to the backup storage"), "At least one full backup exists and its verification passed.", "Free disk for one more copy of the data."],
            [
                "Write 30 markers to the leader and note the time of the last one.",
                backup.ContinuousWalArchival ? $"Wait one archive interval plus a margin ({backup.WalArchiveIntervalSeconds + 15} s) so archive-wal.sh ships them." : $"Take a backup: `{TakeBackup}`.",
                $"Restore: `{BackupTools}/restore.sh {Source} --data-dir <scratch> --include-partial` and start a throwaway instance on the result.",
                "Count the markers in the restored data; the time from the restore command to a running instance is the measured RTO (host provisioning excluded).",
            ],
            "The latest backup and the archived xlogs restore into a running instance that holds every marker written more than one archive interval before the drill.",
            "Time from starting restore.sh until the scratch instance runs with the data loaded.",
            "Markers written before the point that are missing from the restored data, expressed as the time since the point.",
            TargetRto(Rto(RecoveryFailures.LostReplicaset)), TargetRpo(backup.RpoSeconds),
            ["restore.sh verifies every checksum.", "The scratch instance starts on the restored files.", "Restore time within the RTO threshold.", "Missing markers within the RPO threshold."]);

        var scratchNs = $"{Namespace}-dr";
        IReadOnlyList<string> preconditions = OnKubernetes
            ? [
                $"Run from an operator machine with kubectl and jq for the cluster; the drill creates the namespace `{scratchNs}` (restricted Pod Security) with room for {n} more pods of {Main.Name} and deletes it at the end (KEEP_SCRATCH=1 keeps it).",
                $"The backup service account's cloud identity also trusts `system:serviceaccount:{scratchNs}:{Phases.Deployment.BackupIdentity.ServiceAccount(Namespace)}` (one more subject in the IRSA trust policy, Workload Identity binding or federated credential), so the helper pod reads the backups.",
                "At least one full backup exists and its verification passed.",
            ]
            : [
                "SCRATCH_HOST is a spare host installed like the others (tarantool, tt, backup/ scripts, secrets file, backup storage access) with the memory and disk of the replicaset's members; the drill never restores onto a production host.",
                "At least one full backup exists and its verification passed.",
            ];
        IReadOnlyList<string> steps =
        [
            "Write 30 markers to the production leader and note the time of the last one.",
            backup.ContinuousWalArchival ? $"Wait one archive interval plus a margin ({backup.WalArchiveIntervalSeconds + 15} s) so archive-wal.sh ships them." : $"Take a backup: `{TakeBackup}`.",
            OnKubernetes
                ? $"In the scratch namespace `{scratchNs}`: copy the credentials Secret and the backup service account, create {Main.Name}'s Service and StatefulSet from production's at zero replicas and its ConfigMap reduced to {Main.Name} with {leaderFix} (names moved to `{scratchNs}`)."
                : $"On SCRATCH_HOST: a config reduced to {Main.Name}, its {n} instances on ports 13301 and up with their own data directories under /srv/tarantool-dr, and {leaderFix}.",
            OnKubernetes
                ? $"Restore `{Source}`'s backup under its own name into its own volume `{Phases.Containers.InstanceLayout.DataVolumeClaim(Source)}` from a helper pod of the backup Job's template (backup image, service account, storage access): `{Phases.Containers.InstanceLayout.BackupToolsDir}/restore.sh {Source} --data-dir {Phases.Containers.InstanceLayout.ContainerDataRoot}/{Source} --include-partial`; then `kubectl scale statefulset -n {scratchNs} {Main.Name} --replicas={n}`."
                : $"Restore `{Source}`'s backup under its own name: `{Phases.Containers.InstanceLayout.BackupToolsDir}/restore.sh {Source} --data-dir /srv/tarantool-dr/{App}/{Source} --include-partial`; start `{Source}` alone (`systemd-run --unit dr-{Source} tarantool --name {Source} --config <scratch config>`), then {others} with empty data directories.",
            election ? $"`box.ctl.promote()` on `{Source}`; wait until it is writable and {others} follow it." : $"Wait until `{Source}` is writable and {others} follow it.",
            election ? $"Put `replication.synchro_quorum` back (N / 2 + 1 = {n / 2 + 1}) and reload every member; `box.info.synchro.quorum` must read {n / 2 + 1}." : "Put the configuration back as production has it and reload every member.",
            "Count the markers on the restored leader; the scratch environment is removed.",
        ];
        return Scenario(DrScenarioIds.ReplicasetRestore,
            OnKubernetes
                ? $"Replicaset loss: the whole-replicaset runbook restores {Main.Name} in the scratch namespace {scratchNs}"
                : $"Replicaset loss: the whole-replicaset runbook restores {Main.Name} as a scratch instance set on SCRATCH_HOST",
            RecoveryFailures.LostReplicaset, Main.Name, preconditions, steps,
            $"The backup restores under `{Source}`'s own name, `{Source}` leads alone on the temporary fix, the {n - 1} empty members join from it, the quorum is back and every marker written more than one archive interval before the drill is there.",
            $"Time from the restore's start until `{Source}` is writable and every other member follows it (scratch environment set-up included, host or node provisioning excluded).",
            "Markers written before the point that are missing on the restored leader, expressed as the time since the point.",
            TargetRto(Rto(RecoveryFailures.LostReplicaset)), TargetRpo(backup.RpoSeconds),
            [$"`{Source}` starts on the restored files under its own name.", "Exactly one writable member; every other member follows it.", election ? $"`box.info.synchro.quorum` is {n / 2 + 1} again." : "The configuration is back as production has it.", "Restore time within the RTO threshold (the request's target when it states one).", "Missing markers within the RPO threshold."]);
    }

    private DrScenario PointInTimeRestore() => Scenario(DrScenarioIds.PointInTimeRestore,
        "Accidental deletion: restore the data to the moment before a bad DELETE", RecoveryFailures.LogicalCorruption, Main.Name,
        [RunWhere("restore.sh, tt, tarantool, storage access"), "WAL archival is running (archive-wal.sh) and the latest backup verification passed."],
        [
            "Write 20 markers, note the moment T, write 10 more, then delete 5 of the first 20 (the accident).",
            $"Wait one archive interval plus a margin ({backup.WalArchiveIntervalSeconds + 15} s) for the xlogs to be archived.",
            $"Restore to T: `{BackupTools}/restore.sh {Source} --data-dir <scratch> --to-timestamp <T>` (tt play replays the archived xlogs up to T).",
            "Start a throwaway instance on the recovered snapshot and check the markers.",
        ],
        "The restored data holds all 20 markers written before T (the deletion is undone) and none written after it.",
        "Time from starting restore.sh to the checked scratch instance.",
        "Markers before T missing from the restored data (must be none); markers after T present would mean the replay overshot.",
        Rto(RecoveryFailures.LogicalCorruption), 0,
        ["All 20 markers written before T are present.", "None of the 10 markers written after T is present.", "Restore time within the RTO threshold."]);

    private DrScenario BackupRestore() => Scenario(DrScenarioIds.BackupRestore,
        "Accidental deletion without point-in-time recovery: restore the latest full backup", RecoveryFailures.LogicalCorruption, Main.Name,
        [RunWhere("backup.sh, restore.sh, tarantool, storage access")],
        [
            "Write 30 markers to the leader.",
            $"Take a backup: `{TakeBackup}`.",
            $"Restore the latest backup into a scratch directory: `{BackupTools}/restore.sh {Source} --data-dir <scratch>` and start a throwaway instance on it.",
            "Check that all 30 markers are in the restored data.",
        ],
        "The newest full backup restores into a running instance with everything written before it.",
        "Time from starting restore.sh to the checked scratch instance.",
        "Markers written before the backup that are missing from the restored data.",
        Rto(RecoveryFailures.LogicalCorruption), backup.RpoSeconds,
        ["All markers written before the backup are present.", "Restore time within the RTO threshold."]);

    private DrScenario SiteLoss()
    {
        // The drill asks of the topology only what it can deliver: the primary site's loss when the others keep a
        // quorum, else a site whose loss they survive, else it checks that nothing is writable until the runbook.
        var regions = topology.Regions.Select(r => r.Name).Concat(topology.Replicasets.SelectMany(r => r.Instances).Select(i => i.Region)).Distinct().ToList();
        var primary = topology.Regions.FirstOrDefault(r => r.Primary)?.Name ?? Main.Instances[0].Region;
        var region = TopologyFacts.SurvivesLossOf(topology, primary) ? primary : regions.FirstOrDefault(r => TopologyFacts.SurvivesLossOf(topology, r)) ?? primary;
        var elects = TopologyFacts.SurvivesLossOf(topology, region);
        var victims = topology.Replicasets.SelectMany(r => r.Instances).Where(i => i.Region == region).Select(i => i.Name).ToList();
        var unsurvivable = regions.Where(r => !TopologyFacts.SurvivesLossOf(topology, r)).ToList();
        var steps = new List<string>
        {
            "Start the marker writer.",
            $"Kill every instance in {region} ({string.Join(", ", victims)}) at once: " + (OnKubernetes ? $"`kubectl delete pod -n {Namespace}` each of them with `--grace-period=0 --force`." : $"`sudo systemctl kill --signal=SIGKILL {Unit("<instance>")} && sudo systemctl stop {Unit("<instance>")}` on each host."),
            elects
                ? "Expect the surviving sites to elect leaders; check `box.info.election` in each replicaset and that writes resume."
                : "Expect no leader in the surviving sites (they lack a quorum or cannot elect): check that none of them is writable, then restore service with the lost-site runbook.",
            "Stop the writer and compare markers on the new leader.",
            $"Bring the site back ({(OnKubernetes ? "pods are recreated" : $"`sudo systemctl start {Unit("<instance>")}` on each host")}): its members rejoin as followers.",
        };
        if (elects && unsurvivable.Count > 0)
            steps.Add($"Losing {string.Join(", ", unsurvivable)} is not survived automatically (the rest hold no quorum): that case is the lost-site runbook's, not this drill's.");
        return Scenario(DrScenarioIds.SiteLoss, $"Site loss: every instance in {region} goes down at once", RecoveryFailures.LostSite, region,
            [.. Healthy, elects ? "The surviving sites hold a quorum of voters in every replicaset." : "The surviving sites do not hold a quorum: no automatic failover is expected."],
            steps,
            elects
                ? "The surviving sites elect new leaders without an operator; writes resume there; nothing acknowledged is lost; the site rejoins as followers."
                : "No surviving member becomes writable by itself (no split brain); writes wait for the lost-site runbook; the site rejoins as followers.",
            MarkerRto, MarkerRpo, Rto(RecoveryFailures.LostSite), FailoverRpo,
            elects
                ? ["A leader outside the lost site within the RTO threshold.", "No acknowledged marker lost beyond the RPO threshold.", "The site's instances rejoin read-only."]
                : ["No writable member outside the lost site until an operator acts.", "The site's instances rejoin read-only."]);
    }

    private DrScenario RouterFailure()
    {
        var routers = TopologyFacts.Routers(topology).SelectMany(r => r.Instances).Select(i => i.Name).ToList();
        return Scenario(DrScenarioIds.RouterFailure, $"Router failure: {routers[0]} dies", RecoveryFailures.LostRouter, routers[0],
            ["Clients are configured with more than one router endpoint."],
            [
                $"Kill {routers[0]}: {Kill(routers[0])}.",
                $"Check another router: `echo \"return vshard.router.info().status\" | tt connect {App}:{routers.ElementAtOrDefault(1) ?? routers[0]} -f -` prints 0.",
                Restart(routers[0]),
                "Wait until it runs again.",
            ],
            "The other routers keep serving; the killed router comes back and rediscovers the storages; no data is involved.",
            "Time until the killed router runs again.", "Routers hold no data: nothing can be lost.",
            Rto(RecoveryFailures.LostRouter), 0,
            ["Other routers report status 0 throughout.", "The killed router runs again within the RTO threshold."]);
    }

    private static DrScenario Scenario(string id, string title, string failure, string target, IReadOnlyList<string> preconditions, IReadOnlyList<string> steps,
        string outcome, string rtoMeasurement, string rpoMeasurement, int rto, int rpo, IReadOnlyList<string> pass) => new()
    {
        Id = id,
        Title = title,
        Failure = failure,
        Target = target,
        Preconditions = preconditions,
        Steps = steps,
        ExpectedOutcome = outcome,
        RtoMeasurement = rtoMeasurement,
        RpoMeasurement = rpoMeasurement,
        RtoThresholdSeconds = rto,
        RpoThresholdSeconds = rpo,
        PassCriteria = pass,
        Script = id switch
        {
            DrScenarioIds.PointInTimeRestore or DrScenarioIds.BackupRestore => "dr/drill-pitr.sh",
            _ => $"dr/drill-{id}.sh",
        },
    };
}
