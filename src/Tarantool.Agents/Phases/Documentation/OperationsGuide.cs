using System.ComponentModel;

namespace Tarantool.Agents.Phases.Documentation;

/// <summary>Phase 9: the operational documentation of the cluster, one entry per file under <c>docs/</c>.</summary>
public sealed record OperationsGuide
{
    [Description("The tt application name every command uses (tt start <app>, <app>:<instance>); it equals the request's cluster name.")]
    public required string AppName { get; init; }

    [Description("Exactly seven documents, with these file names whatever the language: setup.md, operations.md, troubleshooting.md, backup-recovery.md, scaling.md, monitoring.md, training.md. Content is written in the request's language for THIS cluster: its instance names, hosts, ports, failover mode, backup schedule and capacity figures.")]
    public required IReadOnlyList<GuideDocument> Documents { get; init; }
}
