namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// Reads seed parameters and workload figures from the prose of a description (English or Russian), after its
/// flags have been taken out by <see cref="EmbeddedFlagParser"/>.
/// </summary>
internal static class DescriptionReader
{
    public static DescriptionReading Read(string prose)
    {
        // Order matters: negations are blanked before anything looks for "shard" or "replica", and the retention
        // phrase is blanked before the workload reader looks for a horizon ("keep backups for 2 years").
        var text = NegatedPhrases.Remove(prose, out var shardingRefused);
        var retention = RetentionPhrases.Read(text, out var retentionMatch);
        var shardCount = ShardingPhrases.ReadCount(text);
        var parameters = new RequestDraft
        {
            ClusterName = ClusterNamePhrases.Read(text),
            ClusterType = ClusterTypePhrases.Read(text),
            Environment = EnvironmentPhrases.Read(text),
            CloudProvider = CloudProviderPhrases.Read(text),
            HaStrategy = HaStrategyPhrases.Read(text),
            BackupRetentionDays = retention,
            EnableSharding = shardingRefused ? Candidate<bool>.Ok(false)
                : shardCount is not null || ShardingPhrases.IsMentioned(text) ? Candidate<bool>.Ok(true)
                : null,
            ReplicationMode = ReplicationModePhrases.Read(text),
            ShardCount = shardCount,
            TarantoolVersion = VersionPhrases.Read(text),
        };

        var workloadText = retentionMatch is null ? text : DescriptionText.Blank(text, retentionMatch.Index, retentionMatch.Length);
        return new DescriptionReading(parameters, WorkloadReader.Read(workloadText));
    }
}
