using System.Text.Json;

namespace Tarantool.Agents.Phases.CapacityPlanning;

/// <summary>Enum values as the JSON and the seed spell them ("single-instance", "distributed-ha").</summary>
internal static class EnumText
{
    public static string Kebab<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
