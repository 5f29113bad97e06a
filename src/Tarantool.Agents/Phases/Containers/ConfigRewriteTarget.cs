namespace Tarantool.Agents.Phases.Containers;

/// <summary>The address one instance gets on a container platform: its advertised host name and ports.</summary>
public sealed record ConfigRewriteTarget(string Instance, string Host, int IprotoPort, int MetricsPort);
