using System.ComponentModel;

namespace Tarantool.Agents.Phases.Documentation;

/// <summary>
/// Phase 9's frame: what the operations guide holds besides its documents. The documents are written by calls of
/// their own; the frame is asked afterwards, with their digest, together with the phase narrative.
/// </summary>
public sealed record OperationsGuideFrame
{
    [Description("The tt application name every command uses (tt start <app>, <app>:<instance>); it equals the request's cluster name.")]
    public required string AppName { get; init; }
}
