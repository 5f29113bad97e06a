using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases.Replication;

namespace Tarantool.Agents.Expert.Replication;

/// <summary>The replication failures an operator meets, with detection thresholds and real remedies.</summary>
internal static class ReplicationFailureCatalog
{
    public static IReadOnlyList<ReplicationFailure> For(string app, string failover, bool multiMaster, LagThresholds lag, string sampleInstance)
    {
        var failures = new List<ReplicationFailure>
        {
            new("upstream-stopped",
                "box.info.replication[n].upstream.status is 'stopped' (or 'disconnected') and upstream.message holds the error.",
                "Alert TarantoolReplicationStopped when tnt_replication_status reports a stopped upstream for 1 minute; verify-replication.sh reports FAIL.",
                [
                    $"tt connect {app}:{sampleInstance}, then box.info.replication: read upstream.message for the failing peer.",
                    "Fix the cause (network, credentials of the replicator user, disk full on this instance).",
                    "Re-apply replication: local r = box.cfg.replication; box.cfg{replication = {}}; box.cfg{replication = r} (on 3.x: config.reload()).",
                    "Run tarantool/replication/verify-replication.sh until it reports 0 failures.",
                ],
                "Restarting replication after a data error (not a network error) only repeats the error; if the message is a conflict or a missing xlog, follow that entry instead."),
            new("lag-high",
                $"box.info.replication[n].upstream.lag keeps growing above {Figures.Number(lag.WarningSeconds)} s.",
                $"Alert TarantoolReplicationLagHigh: warning above {Figures.Number(lag.WarningSeconds)} s for 1 minute, critical above {Figures.Number(lag.CriticalSeconds)} s (half the {lag.RpoSeconds} s RPO).",
                [
                    "Check the replica's disk (WAL write latency, iostat) and CPU: the applier is single-threaded per upstream.",
                    "Check network throughput between the sites against the replication bandwidth of the capacity plan.",
                    "Look for long or huge transactions on the leader (fiber.top(), slow log) and split them.",
                    "Do not fail over to a replica whose lag is above the critical threshold unless the leader is gone for good.",
                ],
                "Lag is measured from the leader's commit timestamp; clock skew between hosts distorts it, so keep NTP/chrony in sync."),
            new("missing-xlog",
                "The upstream stops with 'Missing .xlog file between LSN ...': the replica needs WAL the leader has already deleted.",
                "upstream.status 'stopped' with that message; TarantoolReplicationStopped fires.",
                [
                    $"tt stop {app}:<instance> on the broken replica.",
                    "Move its data directory aside (var/lib/<instance>), start it again: it re-joins with a fresh snapshot from the leader.",
                    "Verify with box.info.replication and verify-replication.sh, then delete the old directory.",
                ],
                "The leader keeps xlogs only while replicas are connected or within the retained checkpoints; a replica down longer than snapshot.count × snapshot interval must be rebuilt. Re-joining copies the whole data set over the network."),
        };
        if (failover == "election")
        {
            failures.Add(new ReplicationFailure("no-leader",
                "box.info.election.leader is 0 and writes fail with 'The instance is not a leader' or synchronous transactions time out (synchro_timeout).",
                "Alert TarantoolNoLeader when no instance of a replicaset is a writable leader for 30 s.",
                [
                    "Count live voters: an election needs a majority; bring back failed members or their network first.",
                    $"Only if the lost members are gone for good: on the most up-to-date survivor (highest vclock) run box.ctl.promote(), then replace the lost members.",
                ],
                "Lowering replication.synchro_quorum or promoting by hand while the old leader might still be alive risks two histories; confirm it is down (fencing) before forcing."));
        }
        if (multiMaster)
        {
            failures.Add(new ReplicationFailure("replication-conflict",
                "The upstream stops with 'Duplicate key exists in unique index' (ER_TUPLE_FOUND) or a similar error after two masters wrote the same key.",
                "upstream.status 'stopped' on one master; TarantoolReplicationStopped and TarantoolTransactionConflictsHigh fire.",
                [
                    "Find the conflicting key in upstream.message and compare the tuple on both masters.",
                    "Decide the correct value and write it on the master that will keep it; delete or fix the other copy.",
                    "Re-apply replication (box.cfg{replication = {}} and back) and confirm both directions follow.",
                    "Prevent repeats: give each master its own key range or route each key to one master.",
                ],
                "replication_skip_conflict (replication.skip_conflict: true) makes the applier skip the conflicting row instead of stopping; the skipped row is lost on that master and the replicas silently diverge. Use it only for a one-off recovery followed by a reconciliation, never permanently."));
        }
        return failures;
    }
}
