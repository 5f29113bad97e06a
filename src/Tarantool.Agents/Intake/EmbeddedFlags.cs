namespace Tarantool.Agents.Intake;

/// <summary>The seed's flags found inside a description, and the description with them blanked out.</summary>
/// <param name="Flags">Flag name without dashes to raw value; an empty value for a bare switch.</param>
/// <param name="RemainingText">
/// The description with every flag (and its value) replaced by spaces, so that the prose reader does not
/// read "--enable-sharding false" as a wish for sharding.
/// </param>
internal sealed record EmbeddedFlags(IReadOnlyDictionary<string, string> Flags, string RemainingText);
