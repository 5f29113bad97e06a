using System.ComponentModel;

namespace Tarantool.Agents.Phases.Replication;

public sealed record InstanceUpstreams(
    [property: Description("The instance name.")] string Instance,
    [property: Description("Its iproto address (host:port).")] string Uri,
    [property: Description("The instances it replicates from (every other member in a full mesh).")] IReadOnlyList<string> Upstreams);
