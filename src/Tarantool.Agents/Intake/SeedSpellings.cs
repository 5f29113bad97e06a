using System.Text.Json;

namespace Tarantool.Agents.Intake;

/// <summary>
/// The seed's kebab-case spellings of enum values ("single-instance", "on-premises"), taken from the same naming
/// policy as the JSON dialect so that what a user types and what the bundle writes can never drift apart.
/// </summary>
internal static class SeedSpellings
{
    public static string Spell(Enum value) => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(value => Spell(value)).ToArray();

    /// <summary>Case-insensitive, exact spelling otherwise: "Sharded" is fine, "shard" is not.</summary>
    public static bool TryParse<TEnum>(string text, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Spell(candidate), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
