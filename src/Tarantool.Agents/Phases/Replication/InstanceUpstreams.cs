namespace Tarantool.Agents.Phases.Replication;

/// <param name="Instance">The instance name.</param>
/// <param name="Uri">Its iproto address (host:port).</param>
/// <param name="Upstreams">The instances it replicates from (every other member in a full mesh).</param>
public sealed record InstanceUpstreams(string Instance, string Uri, IReadOnlyList<string> Upstreams);
