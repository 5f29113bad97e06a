using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.CapacityPlanning;

/// <summary>Picks the English or Russian wording of a reason or decision stored in a typed output.</summary>
internal static class LanguageText
{
    public static string Pick(this Language language, string english, string russian) =>
        language == Language.Ru ? russian : english;

    /// <summary>A count with its Russian noun form: 1 хост, 2 хоста, 5 хостов, 21 хост.</summary>
    public static string Ru(long n, string one, string few, string many)
    {
        var tens = n % 100;
        var units = n % 10;
        var form = tens is >= 11 and <= 14 ? many : units == 1 ? one : units is >= 2 and <= 4 ? few : many;
        return $"{n} {form}";
    }

    /// <summary>A count with its English noun: 1 host, 2 hosts.</summary>
    public static string En(long n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}
