namespace Tarantool.Agents.Expert.Topology;

/// <summary>A host of the topology and how many instances already run on it (which decides their ports).</summary>
internal sealed class PlannedHost(string name, int site, int zone)
{
    public const int FirstIprotoPort = 3301;
    public const int FirstMetricsPort = 8081;

    public string Name { get; } = name;
    public int Site { get; } = site;
    public int Zone { get; } = zone;
    public int Instances { get; private set; }

    /// <summary>Takes the next port pair: 3301/8081 for the first instance, +k for the k-th more.</summary>
    public (int Port, int MetricsPort) Allocate()
    {
        var k = Instances++;
        return (FirstIprotoPort + k, FirstMetricsPort + k);
    }
}
