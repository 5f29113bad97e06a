namespace Tarantool.Agents.Requests;

/// <summary>
/// Workload figures read from the description. Every figure is optional: a missing one becomes a stated
/// assumption of the capacity plan, never a silent default.
/// </summary>
public sealed record Workload
{
    /// <summary>Total data size in gigabytes (decimal GB as people write it: "300 GB", "2 ТБ").</summary>
    public double? DataSizeGb { get; init; }

    /// <summary>Number of records (tuples).</summary>
    public long? RecordCount { get; init; }

    /// <summary>Average record (tuple) size in bytes.</summary>
    public int? AverageRecordBytes { get; init; }

    /// <summary>Read requests per second at peak.</summary>
    public int? ReadRps { get; init; }

    /// <summary>Write requests per second at peak.</summary>
    public int? WriteRps { get; init; }

    /// <summary>Data growth per year, in percent.</summary>
    public double? GrowthPercentPerYear { get; init; }

    /// <summary>Planning horizon in months.</summary>
    public int? HorizonMonths { get; init; }

    /// <summary>Storage engine asked for by the user, if any.</summary>
    public StorageEngine? Engine { get; init; }

    /// <summary>Number of regions or sites named in the description, if any.</summary>
    public int? Regions { get; init; }
}
