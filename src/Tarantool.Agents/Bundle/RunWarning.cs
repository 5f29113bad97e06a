namespace Tarantool.Agents.Bundle;

/// <summary>One entry of <c>bundle.json</c>'s top-level <c>warnings[]</c>.</summary>
/// <param name="Source">Where it comes from: a phase key (<c>capacity-planning</c>) or <c>intake</c>.</param>
/// <param name="Code">A stable identifier, e.g. <c>capacity.arena-above-ceiling</c>.</param>
/// <param name="Message">For the user: the phase's own warnings are in the request's language; a validator's
/// warning that the phase did not state itself is kept in the validator's English.</param>
public sealed record RunWarning(string Source, string Code, string Message);
