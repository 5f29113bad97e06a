namespace Tarantool.Agents.ClusterConfig;

/// <summary>An instance the topology says must be in the config, with the port its metrics are served on.</summary>
public sealed record ExpectedInstance(string Name, int MetricsPort);
