namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// Reads seed parameters and workload figures from the prose of a description (English or Russian), after its
/// flags have been taken out by <see cref="EmbeddedFlagParser"/>, and notes what it could not place.
/// </summary>
internal static class DescriptionReader
{
    public static DescriptionReading Read(string prose)
    {
        var notes = new ProseNotes();
        // Order matters: negations are blanked before anything looks for "shard", "replica" or "Kubernetes"; the
        // retention and the targets are blanked before the workload reader looks for a horizon ("keep backups for
        // 2 years") or a rate.
        var text = NegatedPhrases.Remove(prose, out var shardingRefused, out var kubernetesRefused);
        var retention = RetentionPhrases.Read(text, notes, out var retentionMatch);
        var shardCount = ShardingPhrases.ReadCount(text);
        var (rpo, rto) = TargetPhrases.Read(text, notes);
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
            Replicas = ReplicaPhrases.Read(text),
            TarantoolVersion = VersionPhrases.Read(text),
            Edition = EditionPhrases.Read(text, notes),
            Deployment = DeploymentPhrases.Read(text, kubernetesRefused, notes),
            RpoSeconds = rpo,
            RtoSeconds = rto,
        };

        var workloadText = retentionMatch is null ? text : DescriptionText.Blank(text, retentionMatch.Index, retentionMatch.Length);
        var workload = WorkloadReader.Read(workloadText, notes);
        UnplacedFigures.Report(text, notes);
        return new DescriptionReading(parameters, workload, kubernetesRefused, notes.Warnings);
    }
}
