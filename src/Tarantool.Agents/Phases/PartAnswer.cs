using System.ComponentModel;

namespace Tarantool.Agents.Phases;

/// <summary>What a model returns for one part of a split phase: the part alone; the phase narrative comes with the frame.</summary>
public sealed record PartAnswer<TPart>(
    [property: Description("This part of the phase's structured result; every field is required and checked by validators.")] TPart Output)
    where TPart : class;
