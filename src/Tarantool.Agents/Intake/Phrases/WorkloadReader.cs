using System.Text.Json;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>Reads the workload figures of a description; a figure not stated stays null for the capacity plan to assume.</summary>
internal static class WorkloadReader
{
    /// <summary>Reads the figures on their own, for callers that do not need the notes.</summary>
    public static WorkloadReading Read(string prose) => Read(prose, new ProseNotes());

    /// <remarks>
    /// Record sizes are read before data sizes and rates before record counts, so that "2 KB each" is not a data
    /// set and "5k events/sec" is not a number of records; each reader places what it takes in <paramref name="notes"/>.
    /// </remarks>
    public static WorkloadReading Read(string prose, ProseNotes notes)
    {
        var (readRps, writeRps) = RequestRatePhrases.Read(prose, notes);
        var averageBytes = RecordPhrases.ReadAverageBytes(prose, notes);
        var sizes = DataSizePhrases.Read(prose, notes);
        var dataSize = sizes.Gb;
        var growth = GrowthPhrases.ReadPercentPerYear(prose, notes) ?? GrowthFromSizes(sizes, notes);
        var workload = new Workload
        {
            DataSizeGb = dataSize,
            RecordCount = RecordPhrases.ReadCount(prose, notes),
            AverageRecordBytes = averageBytes,
            ReadRps = readRps,
            WriteRps = writeRps,
            GrowthPercentPerYear = growth,
            HorizonMonths = HorizonPhrases.ReadMonths(prose, notes),
            Engine = EnginePhrases.Read(prose),
            Regions = RegionPhrases.ReadCount(prose),
        };

        var found = new List<string>();
        Note(found, nameof(Workload.DataSizeGb), workload.DataSizeGb);
        Note(found, nameof(Workload.RecordCount), workload.RecordCount);
        Note(found, nameof(Workload.AverageRecordBytes), workload.AverageRecordBytes);
        Note(found, nameof(Workload.ReadRps), workload.ReadRps);
        Note(found, nameof(Workload.WriteRps), workload.WriteRps);
        Note(found, nameof(Workload.GrowthPercentPerYear), workload.GrowthPercentPerYear);
        Note(found, nameof(Workload.HorizonMonths), workload.HorizonMonths);
        Note(found, nameof(Workload.Engine), workload.Engine);
        Note(found, nameof(Workload.Regions), workload.Regions);
        return new WorkloadReading(workload, found);
    }

    /// <summary>
    /// "300 GB now, 2 TB in three years" or "grows by 100 GB a month": growth stated as sizes becomes a yearly
    /// percentage of today's size (compounded for a projection, linear for a size per period).
    /// </summary>
    private static double? GrowthFromSizes(DataSizeReading sizes, ProseNotes notes)
    {
        if (sizes.GrowthQuote is null)
            return null;
        if (sizes.Gb is not > 0)
        {
            notes.Warn($"'{sizes.GrowthQuote}' describes growth, but without today's data size it cannot become a growth rate; " +
                       "it was not used. Add today's size (e.g. '300 GB of data') or the growth in percent.");
            return null;
        }

        double percent;
        if (sizes.Projected is { } projected && projected.Months > 0)
            percent = (Math.Pow(projected.Gb / sizes.Gb.Value, 12 / projected.Months) - 1) * 100;
        else if (sizes.GrowthGbPerYear is { } perYear)
            percent = perYear / sizes.Gb.Value * 100;
        else
            return null;

        percent = Math.Round(percent, 1);
        if (percent is >= 0 and <= GrowthPhrases.MaxPercentPerYear)
            return percent;
        notes.Warn($"'{sizes.GrowthQuote}' is {ProseNotes.Number(percent)}% a year against today's {ProseNotes.Number(sizes.Gb.Value)} GB, " +
                   $"outside 0-{GrowthPhrases.MaxPercentPerYear}%; it was not used.");
        return null;
    }

    private static void Note(List<string> found, string property, object? value)
    {
        if (value is not null)
            found.Add(JsonNamingPolicy.CamelCase.ConvertName(property));
    }
}
