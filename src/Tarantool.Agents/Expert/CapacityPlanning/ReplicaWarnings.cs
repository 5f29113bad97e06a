using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.CapacityPlanning;

namespace Tarantool.Agents.Expert.CapacityPlanning;

/// <summary>
/// What a replica count the user chose costs in availability, in the request's language: a count the plan derives
/// itself never needs these, but "--replicas 2" under Raft or "--replicas 1" is the user's call, kept and explained.
/// </summary>
internal static class ReplicaWarnings
{
    public const string ElectionQuorum = CapacityPlanValidator.ElectionQuorumCode;
    public const string NoRedundancy = CapacityPlanValidator.NoRedundancyCode;
    public const string FewerThanSites = CapacityPlanValidator.FewerThanSitesCode;

    public static IReadOnlyList<PhaseWarning> For(PlanningInputs input, InstanceFigures instances)
    {
        var request = input.Request;
        var members = instances.InstancesPerReplicaset;
        if (request.Replicas is null || request.ClusterType == Requests.ClusterType.SingleInstance) return [];

        var warnings = new List<PhaseWarning>();
        if (members == 1)
            warnings.Add(new PhaseWarning(NoRedundancy, input.T(
                "1 instance per replicaset (--replicas 1): no replica holds a copy of the data. Losing that instance or its disk takes its data offline until it is restored from the last backup, and every write since that backup is lost. Use --replicas 2 or more for a copy on another host.",
                "1 инстанс в наборе реплик (--replicas 1): ни одна реплика не хранит копию данных. Потеря инстанса или его диска делает его данные недоступными до восстановления из последнего бэкапа, и все записи после этого бэкапа пропадают. Укажите --replicas 2 или больше, чтобы копия была на другом хосте.")));
        else if (members == 2 && ClusterShape.UsesElection(request))
            warnings.Add(new PhaseWarning(ElectionQuorum, input.T(
                "2 instances per replicaset (--replicas 2) with Raft election: the quorum is 2 of 2, so failover is not automatic. When the leader is lost, the remaining replica cannot win an election and the replicaset takes no writes (reads continue) until the leader returns or an operator sets replication.synchro_quorum to 1 and runs box.ctl.promote() on the replica, accepting that writes only the lost leader had may be gone. Losing the replica makes the leader step down as well (election fencing). Use --replicas 3 for failover that survives one failure on its own.",
                "2 инстанса в наборе реплик (--replicas 2) с выборами Raft: кворум — 2 из 2, поэтому переключение не автоматическое. При потере лидера оставшаяся реплика не может победить на выборах, и набор реплик не принимает записи (чтение продолжается), пока лидер не вернётся или оператор не установит replication.synchro_quorum в 1 и не выполнит box.ctl.promote() на реплике, понимая, что записи, которые были только у потерянного лидера, могут пропасть. Потеря реплики тоже заставляет лидера сложить полномочия (election fencing). Укажите --replicas 3, чтобы переключение переживало один отказ само.")));

        if (members < input.Sites)
            warnings.Add(new PhaseWarning(FewerThanSites, input.T(
                $"{members} instance(s) per replicaset across {input.Sites} sites: some sites hold no copy of a replicaset's data, so losing the sites that do takes that data offline. Use --replicas {input.Sites} or more to keep a copy in every site.",
                $"{LanguageText.Ru(members, "инстанс", "инстанса", "инстансов")} в наборе реплик на {input.Sites} площадки: на части площадок нет копии данных набора, и потеря площадок, где она есть, делает эти данные недоступными. Укажите --replicas {input.Sites} или больше, чтобы копия была на каждой площадке.")));
        return warnings;
    }
}
