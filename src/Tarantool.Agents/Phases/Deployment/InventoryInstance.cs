using System.ComponentModel;

namespace Tarantool.Agents.Phases.Deployment;

/// <summary>A Tarantool instance as an inventory host (one Ansible host per instance; ansible_host is the machine).</summary>
public sealed record InventoryInstance(
    [property: Description("The instance name, e.g. storage-002-1.")] string Name,
    [property: Description("The machine the instance runs on (topology host), e.g. orders-node-2.")] string Host,
    [property: Description("The replicaset the instance belongs to.")] string Replicaset,
    [property: Description("iproto port.")] int Port,
    [property: Description("Metrics HTTP port.")] int MetricsPort);
