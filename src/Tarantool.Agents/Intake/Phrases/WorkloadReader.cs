using System.Text.Json;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>Reads the workload figures of a description; a figure not stated stays null for the capacity plan to assume.</summary>
internal static class WorkloadReader
{
    public static WorkloadReading Read(string prose)
    {
        var (readRps, writeRps) = RequestRatePhrases.Read(prose);
        var workload = new Workload
        {
            DataSizeGb = DataSizePhrases.ReadGb(prose),
            RecordCount = RecordPhrases.ReadCount(prose),
            AverageRecordBytes = RecordPhrases.ReadAverageBytes(prose),
            ReadRps = readRps,
            WriteRps = writeRps,
            GrowthPercentPerYear = GrowthPhrases.ReadPercentPerYear(prose),
            HorizonMonths = HorizonPhrases.ReadMonths(prose),
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
