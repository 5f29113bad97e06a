namespace Tarantool.Agents.Phases.Deployment;

/// <summary>A Tarantool instance as an inventory host (one Ansible host per instance; ansible_host is the machine).</summary>
/// <param name="Name">The instance name, e.g. <c>storage-002-1</c>.</param>
/// <param name="Host">The machine the instance runs on (topology host), e.g. <c>orders-node-2</c>.</param>
/// <param name="Replicaset">The replicaset the instance belongs to.</param>
/// <param name="Port">iproto port.</param>
/// <param name="MetricsPort">Metrics HTTP port.</param>
public sealed record InventoryInstance(string Name, string Host, string Replicaset, int Port, int MetricsPort);
