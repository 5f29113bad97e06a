using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Intake;

/// <summary>
/// Applies precedence per field: command-line flags, then flags written in the description, then its prose,
/// then defaults. A refused value is reported and the next source is tried; values below the first usable one
/// are ignored silently (a flag overriding a phrase is the point of flags, not a problem).
/// </summary>
internal static class PrecedenceMerger
{
    public static ResolvedParameters Merge(RequestDraft commandLine, RequestDraft descriptionFlags, RequestDraft prose, ICollection<string> errors)
    {
        var rejected = new HashSet<RequestField>();
        Sourced<T>? Pick<T>(RequestField field, Func<RequestDraft, Candidate<T>?> of)
        {
            foreach (var (draft, source) in new[] { (commandLine, ValueSource.Flag), (descriptionFlags, ValueSource.Text), (prose, ValueSource.Text) })
            {
                var candidate = of(draft);
                if (candidate is null)
                    continue;
                if (candidate.IsValid)
                    return new Sourced<T>(candidate.Value, source);
                errors.Add(candidate.Error!);
                rejected.Add(field);
            }

            return null;
        }

        // Picked in field order so that errors are reported in the order of the flags' help text.
        var clusterName = Pick(RequestField.ClusterName, d => d.ClusterName);
        var clusterType = Pick(RequestField.ClusterType, d => d.ClusterType);
        var environment = Pick(RequestField.Environment, d => d.Environment);
        var cloud = Pick(RequestField.CloudProvider, d => d.CloudProvider) ?? Default(CloudProvider.OnPremises);
        return new ResolvedParameters(
            ClusterName: clusterName,
            ClusterType: clusterType,
            Environment: environment,
            CloudProvider: cloud,
            HaStrategy: Pick(RequestField.HaStrategy, d => d.HaStrategy) ?? Default(HaStrategy.ActiveFailover),
            BackupRetentionDays: Pick(RequestField.BackupRetentionDays, d => d.BackupRetentionDays) ?? Default(ClusterRequest.DefaultBackupRetentionDays),
            EnableSharding: Pick(RequestField.EnableSharding, d => d.EnableSharding) ?? ImpliedDefaults.EnableSharding(clusterType),
            ReplicationMode: Pick(RequestField.ReplicationMode, d => d.ReplicationMode) ?? Default(ReplicationMode.MasterSlave),
            ShardCount: Pick(RequestField.ShardCount, d => d.ShardCount) ?? Default(ClusterRequest.DefaultShardCount),
            Replicas: Pick(RequestField.Replicas, d => d.Replicas),
            TarantoolVersion: Pick(RequestField.TarantoolVersion, d => d.TarantoolVersion) ?? ImpliedDefaults.TarantoolVersion(clusterType),
            Edition: Pick(RequestField.Edition, d => d.Edition) ?? Default(Edition.Community),
            Deployment: Pick(RequestField.Deployment, d => d.Deployment) ?? ImpliedDefaults.Deployment(cloud),
            RpoSeconds: Pick(RequestField.Rpo, d => d.RpoSeconds),
            RtoSeconds: Pick(RequestField.Rto, d => d.RtoSeconds),
            Rejected: rejected);
    }

    private static Sourced<T> Default<T>(T value) => new(value, ValueSource.Default);
}
