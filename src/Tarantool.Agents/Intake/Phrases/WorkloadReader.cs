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
        var dataSize = DataSizePhrases.ReadGb(prose, notes);
        var growth = GrowthPhrases.ReadPercentPerYear(prose, notes);
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

    private static void Note(List<string> found, string property, object? value)
    {
        if (value is not null)
            found.Add(JsonNamingPolicy.CamelCase.ConvertName(property));
    }
}
