namespace Tarantool.Agents.Expert.CapacityPlanning;

/// <summary>Rounding helpers that keep configured sizes on readable boundaries.</summary>
internal static class Rounding
{
    public static long UpTo(double value, long step) => (long)Math.Ceiling(value / step) * step;

    public static int CeilDiv(double value, double divisor) => (int)Math.Ceiling(value / divisor);
}
