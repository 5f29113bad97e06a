using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.BackupRecovery;

/// <summary>
/// Writes the restore procedures: real tt, Lua and script commands with the cluster's own application, replicaset
/// and instance names, adapted to the failover mode, the configuration style (3.x config.yaml or 2.11 box.cfg)
/// and the deployment form: on VM hosts instances are the containers phase's systemd units and data lives where
/// <see cref="InstanceLayout"/> puts it; on Kubernetes-based clouds they are StatefulSet pods with data volumes.
/// The backup scripts run from where they are installed on hosts and in the image.
/// </summary>
public sealed class RestoreProcedureDesigner(ClusterRequest request, ClusterTopology topology, BackupSchedule schedule, IReadOnlyList<RecoveryEstimate> estimates)
{
    private string App => request.ClusterName;

    private bool OnKubernetes => InstanceLayout.InContainers(request);

    private string Namespace => PlatformNaming.Namespace(App);

    private bool Sharded => TopologyFacts.Routers(topology).Count > 0;

    private Replicaset Example => TopologyFacts.DataReplicasets(topology).FirstOrDefault() ?? topology.Replicasets[0];

    private string Leader => TopologyFacts.InitialLeaderOf(Example).Name;

    private string Source => TopologyFacts.BackupSourceOf(Example).Name;

    private string OtherThan(string instance) => Example.Instances.Select(i => i.Name).FirstOrDefault(n => n != instance) ?? instance;

    private string AnotherMember => Example.Instances.Select(i => i.Name).FirstOrDefault(n => n != Leader) ?? Leader;

    private string DataDir(string instance) => InstanceLayout.DataDirectory(request, App, instance);

    /// <summary>Scratch space for point-in-time and trial restores, next to the instances' data (the same disk).</summary>
    private string ScratchDir => $"{InstanceLayout.DataRoot(request, App)}/restore";

    private static string RestoreScript => $"{InstanceLayout.BackupToolsDir}/restore.sh";

    private static string BackupScript => $"{InstanceLayout.BackupToolsDir}/backup.sh";

    private string Unit(string instance) => InstanceLayout.Unit(App, instance);

    /// <summary>Starts a stopped instance: its systemd unit on a host (never a second, unsupervised tt start), its pod
    /// on Kubernetes.</summary>
    private string Start(string instance) => OnKubernetes
        ? $"`kubectl delete pod -n {Namespace} {instance}` (the StatefulSet recreates it)"
        : $"`sudo systemctl start {Unit(instance)}`";

    /// <summary>Rebuilds an instance from its replicaset: it starts with an empty data directory and joins from the
    /// leader. tt replicaset rebootstrap would stop and start it outside systemd or the StatefulSet.</summary>
    private string Rebuild(string instance) => OnKubernetes
        ? $"delete its volume and pod so it starts empty and joins from the leader: `kubectl delete pvc -n {Namespace} {InstanceLayout.DataVolumeClaim(instance)} --wait=false && kubectl delete pod -n {Namespace} {instance}`"
        : $"stop it, move its data aside and start it empty so it joins from the leader: `sudo systemctl stop {Unit(instance)} && sudo mv {DataDir(instance)} {DataDir(instance)}.broken && sudo systemctl start {Unit(instance)}` (delete the .broken copy once it is verified)";

    public IReadOnlyList<RestoreProcedure> Design() =>
        [.. estimates.Select(e => new RestoreProcedure(e.Failure, Title(e.Failure), Steps(e.Failure), e.Seconds))];

    private static string Title(string failure) => failure switch
    {
        RecoveryFailures.LostReplica => "A replica is lost: rejoin or replace it from the leader",
        RecoveryFailures.LostLeader => "The leader is lost: fail over to a replica",
        RecoveryFailures.LostReplicaset => "A whole replicaset is lost: restore the latest backup and archived WAL",
        RecoveryFailures.LogicalCorruption => "Data was corrupted or deleted by mistake: restore to the moment before",
        RecoveryFailures.LostSite => "A whole site is lost: continue in the surviving sites",
        _ => "A router is lost: clients use the others while it is replaced",
    };

    private IReadOnlyList<string> Steps(string failure) => failure switch
    {
        RecoveryFailures.LostReplica => LostReplica(),
        RecoveryFailures.LostLeader => LostLeader(),
        RecoveryFailures.LostReplicaset => LostReplicaset(),
        RecoveryFailures.LogicalCorruption => LogicalCorruption(),
        RecoveryFailures.LostSite => LostSite(),
        _ => LostRouter(),
    };

    private List<string> LostReplica()
    {
        var replica = Source;
        var steps = new List<string>
        {
            $"Confirm that only the replica is down and the leader still takes writes: `tt replicaset status {App}:{Leader}` (alert TarantoolInstanceDown names `{replica}`).",
            Sharded
                ? "Nothing to do for reads: vshard routers stop sending read requests to the dead replica on their own."
                : "Point read-only clients at the remaining members if they pinned this replica.",
        };
        steps.Add(OnKubernetes
            ? $"If the pod only crashed, the StatefulSet restarts it and it catches up from its own xlogs in {DataDir(replica)}. If its volume is lost or its data diverged, {Rebuild(replica)}."
            : $"If the host is back, start it and let it catch up from its xlogs in {DataDir(replica)}: {Start(replica)}. If its data is lost or diverged, {Rebuild(replica)}.");
        steps.Add($"Watch the join: `echo \"return box.info.status, box.info.replication\" | tt connect {App}:{replica} -f -` until status is `running`, every upstream is `follow` and lag is below 1 s.");
        steps.Add($"If the instance is retired for good instead of replaced, remove it from the cluster: `tt replicaset expel {App}:{replica}`.");
        return steps;
    }

    private List<string> LostLeader()
    {
        var mode = topology.FailoverMode;
        if (mode is "election" or "supervised")
        {
            var timeout = Figures.Number(topology.Election?.TimeoutSeconds ?? 5, 1);
            var fencing = topology.Election?.FencingMode is { Length: > 0 } f ? f : "soft";
            return
            [
                $"No command is needed for the failover itself: followers declare the leader dead after 4 × replication_timeout and elect a new one within election_timeout ({timeout} s).",
                $"Check that exactly one leader exists in a new term: `echo \"return box.info.election\" | tt connect {App}:{AnotherMember} -f -` shows the same `term` on every member and `state: leader` on one; `tt replicaset status {App}:{AnotherMember}`.",
                Sharded
                    ? "Check that routers follow the new master: on a router `echo \"return vshard.router.info()\" | tt connect <app>:<router> -f -` reports no `UNREACHABLE_MASTER` alert.".Replace("<app>", App, StringComparison.Ordinal).Replace("<router>", TopologyFacts.Routers(topology)[0].Instances[0].Name, StringComparison.Ordinal)
                    : "Check that clients reconnected to the instance with `box.info.ro == false` and writes succeed.",
                $"The old leader, if still alive but isolated, is fenced (election_fencing_mode `{fencing}`): it stops being writable once it loses its quorum. When it comes back it rejoins as a follower: {Start(Leader)}.",
                $"If the old leader's data is lost or diverged (it wrote transactions the others never confirmed), {Rebuild(Leader)}.",
            ];
        }
        if (mode is "stateful" or "eventual" or "raft")
            return
            [
                $"The failover coordinator (state in the {(topology.FailoverStateProvider is { Length: > 0 } p ? p : "stateboard")}) appoints a new leader after failover_timeout; check it: `tt replicaset status {App}`.",
                $"To choose the leader yourself (for example the most up-to-date replica), promote it: `tt replicaset promote {App}:{AnotherMember}` (calls cartridge.failover_promote).",
                $"Check that the new leader is writable: `echo \"return box.info.ro\" | tt connect {App}:{AnotherMember} -f -` prints false; routers follow automatically.",
                $"Bring the old leader back as a replica: {Start(Leader)}; if its data is lost, {Rebuild(Leader)}.",
            ];
        if (mode == "off")
            return
            [
                $"Every member is writable (master-master): remove `{Leader}` from the clients' pools; the other masters keep taking writes.",
                $"Bring it back with {Start(Leader)} and check `box.info.replication` on every master: each upstream must be `follow` with no conflict message (a duplicate key there means both masters wrote the same key).",
                $"If its data is lost, rebuild it from the others: {Rebuild(Leader)}.",
            ];
        // The leader is part of the configuration every instance reads: change it there (not with tt replicaset
        // promote, which edits only the config.yaml of the host it runs on), so the old leader comes back read-only.
        var promote = request.IsDeclarativeConfig
            ? $"Promote it in the configuration every instance reads: set `replicasets.{Example.Name}.leader: {AnotherMember}` in {ConfigSource}. " +
              (OnKubernetes
                  ? $"Then restart the pods so they read it: `{Leader}` first if it still runs (it comes back read-only), then `{AnotherMember}` (it starts as the leader), then the others one at a time (`kubectl delete pod -n {Namespace} <pod>`)."
                  : $"Then reload it on every running member, `{AnotherMember}` first: `echo \"require('config'):reload()\" | tt connect {App}:<instance> -f -` on each host. Do not use `tt replicaset promote` here: it edits only the config.yaml of the host it runs on.")
            : $"Promote it: `echo \"box.cfg{{read_only = false}}\" | tt connect {App}:{AnotherMember} -f -`, then make it permanent in tarantool/init.lua on every host (read_only = false for `{AnotherMember}`, read_only = true for `{Leader}`) so a restart keeps the roles.";
        return
        [
            OnKubernetes
                ? $"Confirm that the leader `{Leader}` is really gone, not slow (TarantoolNoLeader / TarantoolInstanceDown alerts, `kubectl get pod -n {Namespace} {Leader}`); if its pod comes back before the promotion below is done, it must not take writes, so finish the promotion first."
                : $"Confirm that the leader `{Leader}` is really gone, not slow (TarantoolNoLeader / TarantoolInstanceDown alerts, `systemctl status {Unit(Leader)}` on its host), and keep it down (`sudo systemctl stop {Unit(Leader)}`) so two writable instances never coexist.",
            $"Pick the most up-to-date replica: compare `echo \"return box.info.vclock\" | tt connect {App}:<replica> -f -` across the replicas and take the largest.",
            promote,
            $"Check: `echo \"return box.info.ro\" | tt connect {App}:{AnotherMember} -f -` prints false and a test write succeeds; {(Sharded ? "routers discover the new master by themselves (vshard.router.info())" : "clients reconnect to the new leader")}.",
            $"Bring the old leader back as a replica only after the change above reached its {(OnKubernetes ? "pod" : "host")}, so it starts read-only: {Start(Leader)}; check `echo \"return box.info.ro\" | tt connect {App}:{Leader} -f -` prints true (if its data is lost, {Rebuild(Leader)}).",
        ];
    }

    private List<string> LostReplicaset()
    {
        var members = string.Join(", ", Example.Instances.Select(i => $"`{i.Name}`"));
        var steps = new List<string>
        {
            $"Declare the replicaset lost when no member ({members}) can be started with its own data: `tt replicaset status {App}:{Leader}`. {(Sharded ? "Routers already return errors for its buckets; other replicasets keep serving theirs." : "Stop the writers until the restore is done.")}",
            OnKubernetes
                ? "Recreate the StatefulSet's pods with fresh PersistentVolumeClaims, but keep the instances stopped until the seed's data directory is restored (e.g. an init container running restore.sh)."
                : "Provision replacement hosts from the image with the tt environment and empty data directories.",
            // The backups are taken on the backup source, so its snapshot carries that instance's UUID and name:
            // Tarantool 3.x refuses to start it under any other name, so the source, not the leader, is the seed.
            $"On `{Source}`'s {(OnKubernetes ? "pod" : "host")} restore the latest backup of `{Source}` plus every archived xlog after its checkpoint into `{Source}`'s own data directory: `{RestoreScript} {Source} --data-dir {DataDir(Source)}`" +
                (schedule.ContinuousWalArchival ? $" (add `--include-partial` to also take the copy of the last open xlog, at most {schedule.WalArchiveIntervalSeconds} s old)." : ".") +
                $" The snapshot holds `{Source}`'s instance UUID{(request.IsDeclarativeConfig ? " and name, and Tarantool 3.x refuses to start it under another name" : "")}: start it as `{Source}`, never from another member's directory.",
            SeedLeader(Source),
            $"Start it: {Start(Source)}; native recovery loads the snapshot and replays the xlogs. Wait for `echo \"return box.info.status, box.info.ro\" | tt connect {App}:{Source} -f -` to print `running` and `false`.",
            $"Start the other members with empty data directories, one at a time, e.g. {Start(OtherThan(Source))}; each joins from `{Source}` (a new replica is registered by the writable member, so it must lead first).",
        };
        if (SeedRestoreAfterJoin() is { } restore) steps.Add(restore);
        if (Sharded)
            steps.Add($"Check the buckets: `echo \"return vshard.storage.info()\" | tt connect {App}:{Source} -f -` reports its buckets active, and `vshard.router.info()` on a router shows no alerts.");
        steps.Add($"Take a fresh backup as soon as the replicas are in sync: `{BackupScript} {Source}`.");
        return steps;
    }

    /// <summary>Where the declarative configuration lives, which every instance reads: every host's config.yaml, or
    /// the ConfigMap on Kubernetes.</summary>
    private string ConfigSource => OnKubernetes
        ? $"the ConfigMap (edit `tarantool/config.yaml` and `kubernetes/configmap.yaml`, `kubectl apply -k kubernetes/`; the pods see the new file once the kubelet syncs the ConfigMap, and an instance applies it only when it reloads or starts)"
        : "`tarantool/config.yaml` in the repository and on every host (`ansible-playbook deploy.yml` copies it)";

    /// <summary>How the restored seed becomes the writable member before empty members join from it.</summary>
    private string SeedLeader(string seed)
    {
        var voter = Example.Instances.FirstOrDefault(i => i.Name == seed)?.ElectionMode == "voter";
        return topology.FailoverMode switch
        {
            "election" or "supervised" =>
                request.IsDeclarativeConfig
                    ? $"Before starting it, let it lead alone: in {ConfigSource} set `replication.synchro_quorum: 1` for `{Example.Name}`{(voter ? $" and `replication.election_mode: manual` for `{seed}` (a voter never leads)" : "")}, then after it starts run `box.ctl.promote()` on it. A quorum of 1 lets a lone member win the election and confirm writes, which is why it lasts only until the others have joined."
                    : $"Before starting it, let it lead alone: set `replication_synchro_quorum = 1`{(voter ? " and `election_mode = 'manual'`" : "")} for `{seed}` in tarantool/init.lua, then after it starts run `box.ctl.promote()` on it; restore the setting once the others have joined.",
            "stateful" or "eventual" or "raft" =>
                $"The failover coordinator appoints `{seed}` once it is the only healthy member; to be explicit run `tt replicaset promote {App}:{seed}`.",
            "off" => $"`{seed}` is writable like every master; start it first.",
            _ => request.IsDeclarativeConfig
                ? $"Make it the leader in the configuration every instance reads: set `replicasets.{Example.Name}.leader: {seed}` in {ConfigSource}; the others would otherwise wait for a leader that no longer has data."
                : $"Make it the leader: in tarantool/init.lua (on every host) set `read_only = false` for `{seed}` and `read_only = true` for the others.",
        };
    }

    /// <summary>The temporary election settings of <see cref="SeedLeader"/> undone once the replicaset is whole.</summary>
    private string? SeedRestoreAfterJoin() => topology.FailoverMode is "election" or "supervised"
        ? request.IsDeclarativeConfig
            ? $"When every member follows `{Source}`, restore `replication.synchro_quorum` ({Quorum}) and the election modes in the configuration and reload it on every member (`require('config'):reload()`)."
            : $"When every member follows `{Source}`, restore `replication_synchro_quorum = {Quorum}` and the election modes in tarantool/init.lua and apply them on every member (`box.cfg{{replication_synchro_quorum = {Quorum}}}`)."
        : null;

    private int Quorum => topology.Election?.SynchroQuorum ?? Example.Instances.Count / 2 + 1;

    private List<string> LogicalCorruption()
    {
        var steps = new List<string>
        {
            "Stop the damage first: stop the application that issued the bad writes (or revoke its write privilege, e.g. `box.schema.user.revoke('app', 'write', 'space', '<space>')`). Replicas already applied the change, so failover cannot help.",
        };
        if (schedule.ContinuousWalArchival)
        {
            steps.Add($"Find the last good moment: on `{Source}`, `tt cat {DataDir(Source)}/*.xlog --space <space_id> --format yaml` shows each operation with its `timestamp`, `lsn` and `replica_id`; note the time just before the bad one (add `--timestamp <T>` to stop the listing there).");
            steps.Add($"Rebuild the data as of that moment in a scratch directory: `{RestoreScript} {Source} --data-dir {ScratchDir} --to-timestamp <T>` (restores the last backup before T, then `tt play` replays archived xlogs up to T; `--to-lsn <lsn> --replica-id <id>` stops at an exact LSN instead).");
            steps.Add($"Repair: either copy the lost rows back (start a throwaway instance on the recovered snapshot, select them and insert them on the leader) or, for widespread damage, replace the replicaset: stop every member, move every member's data directory aside, put the recovered .snap (and vinyl files) into `{Source}`'s data directory ({DataDir(Source)}): the snapshot carries `{Source}`'s name and UUID, so it can seed only `{Source}`. {SeedLeader(Source)} Start it ({Start(Source)}), then start the other members empty so they rebuild from it.");
            if (SeedRestoreAfterJoin() is { } restore) steps.Add(restore);
            if (Sharded)
                steps.Add(ShardedPointInTime);
        }
        else
        {
            steps.Add("Without WAL archival there is no point-in-time recovery: the newest full backup is the only restore point, and every write after it is lost.");
            steps.Add($"Restore it into a scratch directory: `{RestoreScript} {Source} --data-dir {ScratchDir}`, start a throwaway instance on it and copy the damaged rows back, or replace the replicaset's data with it as for a lost replicaset.");
        }
        steps.Add($"Resume the writers, then take a new backup: `{BackupScript} {Source}`.");
        return steps;
    }

    /// <summary>What rewinding one storage replicaset does to the bucket map shared with the other replicasets.</summary>
    private string ShardedPointInTime =>
        $"Sharded cluster: only `{Example.Name}` goes back in time; the other replicasets and the routers stay at now. Buckets that the rebalancer moved out of `{Example.Name}` after the restore point come back as active here while they are also active on their new replicaset (two copies, two versions), and buckets moved in after it are missing here. Before replacing its data, stop the rebalancer (`vshard.storage.rebalancer_disable()` on every storage), compare `vshard.storage.buckets_info()` of the recovered copy with the bucket counts of the other replicasets, and prefer copying rows back; restoring the whole replicaset is consistent only if no bucket moved after the restore point, or if every replicaset is restored to the same moment.";

    private List<string> LostSite()
    {
        var surviving = topology.Regions.FirstOrDefault(r => !r.Primary)?.Name ?? "the surviving site";
        var steps = new List<string>
        {
            $"Confirm the site is gone (every instance in it unreachable, not a partition you can wait out): `tt replicaset status {App}:{AnotherMember}` from {surviving}.",
        };
        if (TopologyFacts.HasAutomaticFailover(topology))
        {
            steps.Add("In every replicaset the members of the surviving sites elect a leader as long as they hold a quorum of voters; check each one: `echo \"return box.info.election\" | tt connect <app>:<instance> -f -`.".Replace("<app>", App, StringComparison.Ordinal).Replace("<instance>", AnotherMember, StringComparison.Ordinal));
            steps.Add(request.IsDeclarativeConfig
                ? $"If a replicaset lost its quorum (the lost site held most voters), lower `replication.synchro_quorum` for it in config.yaml to the surviving members, reload (`require('config'):reload()` on each) and promote a survivor: `tt replicaset promote {App}:{AnotherMember}`."
                : $"If a replicaset lost its quorum, on a survivor run `box.cfg{{replication_synchro_quorum = <surviving members>}}` and `box.ctl.promote()` (`tt replicaset promote {App}:{AnotherMember}`).");
        }
        else
            steps.Add($"Promote one survivor in every replicaset whose leader was in the lost site: `tt replicaset promote {App}:{AnotherMember}` (and the same for each affected replicaset).");
        steps.Add(Sharded
            ? "Send clients to the routers of the surviving sites (DNS or load balancer); those routers discover the new masters by themselves."
            : "Send clients to the surviving members (DNS or load balancer).");
        steps.Add($"When the site returns, its instances rejoin as followers (fencing kept the old leaders read-only); rebuild any member that wrote unconfirmed transactions from its replicaset ({(OnKubernetes ? $"delete its `{InstanceLayout.DataVolumeClaim("<instance>")}` claim and its pod" : $"stop `{InstanceLayout.Unit(App, "<instance>")}`, move `{DataDir("<instance>")}` aside, start it again")}). Restore the quorum setting afterwards.");
        return steps;
    }

    private List<string> LostRouter()
    {
        var routers = TopologyFacts.Routers(topology).SelectMany(r => r.Instances).Select(i => i.Name).ToList();
        return
        [
            $"Clients retry on the other routers ({string.Join(", ", routers.Skip(1).Select(r => $"`{r}`"))}); routers keep no data, so nothing is lost.",
            OnKubernetes
                ? $"The StatefulSet recreates the pod (`kubectl delete pod {routers[0]}` forces it)."
                : $"Start a replacement with the same name on a spare host (install the bundle there with deploy/ansible, then {Start(routers[0])}); it loads the configuration and discovers the storages.",
            $"Check: `echo \"return vshard.router.info().status\" | tt connect {App}:{routers[0]} -f -` prints 0 and clients see it again.",
        ];
    }
}
