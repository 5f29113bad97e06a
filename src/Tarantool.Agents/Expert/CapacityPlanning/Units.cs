using Tarantool.Agents.Narratives;

namespace Tarantool.Agents.Expert.CapacityPlanning;

/// <summary>Figures with their units, at the precision capacity formulas need (on top of <see cref="Figures"/>).</summary>
internal static class Units
{
    public static string Gb(double gb) => $"{Figures.Number(gb, 2)} GB";

    public static string Rps(double rps) => $"{Figures.Number(rps, 0)} rps";
}
