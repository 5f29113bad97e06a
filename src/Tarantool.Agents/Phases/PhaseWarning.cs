using System.ComponentModel;

namespace Tarantool.Agents.Phases;

/// <summary>
/// A risk a phase's design carries that the user must see: a capacity above a ceiling, a recovery target the plan
/// misses, an assumption that can go wrong. Unlike a validator's warning (English, addressed to the model), it is
/// written for the user, in the request's language, and reaches <c>bundle.json</c>'s top-level <c>warnings[]</c> and
/// the terminal summary.
/// </summary>
public sealed record PhaseWarning(
    [property: Description("A stable identifier such as capacity.arena-above-ceiling; a validator warning with the same code is the same finding and is not repeated.")] string Code,
    [property: Description("What is at risk, the figure the plan reaches and what would fix it, in the request's language.")] string Message);
