namespace Tarantool.Agents.Requests;

/// <summary>
/// Code computing a phase's answer read a request field that the phase's prompt does not carry: the answer would not
/// change when that field does, so a reused answer would be stale. The phase's <c>request:</c> list must name it.
/// </summary>
public sealed class RequestFieldNotCarriedException(CarriedFields field)
    : InvalidOperationException(
        $"The request does not carry '{RequestFieldNames.NameOf(field)}': the phase's prompt does not declare it. " +
        "Add it to the phase's request: list in prompts/ (its answer then changes when the field does).")
{
    /// <summary>The field that was read.</summary>
    public CarriedFields Field { get; } = field;
}
