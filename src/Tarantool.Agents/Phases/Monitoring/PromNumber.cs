using System.Globalization;

namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>Numbers and durations as PromQL and Prometheus configuration spell them.</summary>
public static class PromNumber
{
    public static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>Seconds as the shortest exact Prometheus duration: 90 → 90s, 120 → 2m, 7200 → 2h.</summary>
    public static string Duration(int seconds) =>
        seconds % 3600 == 0 && seconds > 0 ? $"{(seconds / 3600).ToString(CultureInfo.InvariantCulture)}h"
        : seconds % 60 == 0 && seconds > 0 ? $"{(seconds / 60).ToString(CultureInfo.InvariantCulture)}m"
        : $"{seconds.ToString(CultureInfo.InvariantCulture)}s";
}
