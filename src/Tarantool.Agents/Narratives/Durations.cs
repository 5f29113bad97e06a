using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Narratives;

/// <summary>A number of seconds as people read it ("4.3 min", "1.5 h"), in English or Russian, culture-invariant.</summary>
public static class Durations
{
    public static string Text(double seconds, Language language)
    {
        var ru = language == Language.Ru;
        return seconds switch
        {
            >= 86400 when seconds % 86400 == 0 => ru ? $"{Figures.Number(seconds / 86400, 0)} сут" : $"{Figures.Number(seconds / 86400, 0)} d",
            >= 3600 => ru ? $"{Figures.Number(seconds / 3600, 1)} ч" : $"{Figures.Number(seconds / 3600, 1)} h",
            >= 120 => ru ? $"{Figures.Number(seconds / 60, 1)} мин" : $"{Figures.Number(seconds / 60, 1)} min",
            _ => ru ? $"{Figures.Number(seconds, 0)} с" : $"{Figures.Number(seconds, 0)} s",
        };
    }
}
