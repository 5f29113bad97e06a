namespace Tarantool.Agents.Expert.CapacityPlanning;

/// <summary>How many instances of each kind the cluster runs.</summary>
internal sealed record InstanceFigures(int InstancesPerReplicaset, int Routers, bool Stateboard, int TotalInstances);
