namespace Tarantool.Agents.Phases.Documentation;

/// <summary>Phase 9: the operational documentation of the cluster, one entry per file under <c>docs/</c>.</summary>
public sealed record OperationsGuide
{
    /// <summary>The tt application name every command uses (<c>tt start &lt;app&gt;</c>, <c>&lt;app&gt;:&lt;instance&gt;</c>);
    /// it equals the request's cluster name.</summary>
    public required string AppName { get; init; }

    /// <summary>Exactly seven documents, with these file names whatever the language: <c>setup.md</c>,
    /// <c>operations.md</c>, <c>troubleshooting.md</c>, <c>backup-recovery.md</c>, <c>scaling.md</c>,
    /// <c>monitoring.md</c>, <c>training.md</c>. Content is written in the request's language for THIS cluster:
    /// its instance names, hosts, ports, failover mode, backup schedule and capacity figures.</summary>
    public required IReadOnlyList<GuideDocument> Documents { get; init; }
}
