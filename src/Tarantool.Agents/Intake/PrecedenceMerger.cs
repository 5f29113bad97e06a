using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Intake;

/// <summary>
/// Applies precedence per field: command-line flags, then flags written in the description, then its prose,
/// then a model's reading of the description (LLM-backed intake only), then defaults. A refused value is reported
/// and the next source is tried. A command-line flag wins over a different value the description states, with a
/// warning naming both (the flag is the point, but the engineer should know the text said otherwise); a model
/// reading the text differently from the rules is a warning with both values (the rules' value is used), and a value
/// only the model found is a warning too, so that the engineer sees what was not read by the rules.
/// </summary>
internal static class PrecedenceMerger
{
    public static ResolvedParameters Merge(
        RequestDraft commandLine, RequestDraft descriptionFlags, RequestDraft prose, ICollection<string> errors,
        RequestDraft? model = null, ICollection<string>? warnings = null, ICollection<string>? overridden = null)
    {
        var rejected = new HashSet<RequestField>();
        Sourced<T>? Pick<T>(RequestField field, Func<RequestDraft, Candidate<T>?> of)
        {
            var fromModel = model is null ? null : of(model);
            // The model's unusable values were reported as warnings when its reading was parsed; they never fail intake.
            if (fromModel is { IsValid: false }) fromModel = null;
            foreach (var (draft, source) in new[] { (commandLine, ValueSource.Flag), (descriptionFlags, ValueSource.Text), (prose, ValueSource.Text) })
            {
                var candidate = of(draft);
                if (candidate is null)
                    continue;
                if (candidate.IsValid)
                {
                    if (source == ValueSource.Flag && overridden is not null
                        && (of(descriptionFlags) ?? of(prose)) is { IsValid: true } stated && !EqualityComparer<T>.Default.Equals(candidate.Value, stated.Value))
                        overridden.Add(
                            $"{RequestFields.Flag(field)} {Show(candidate.Value).Trim('\'')} (from the command line) overrides the description's {Show(stated.Value)}; " +
                            $"the plan uses {Show(candidate.Value)}. Drop {RequestFields.Flag(field)} to use the description's value.");
                    if (source == ValueSource.Text && fromModel is not null && !EqualityComparer<T>.Default.Equals(candidate.Value, fromModel.Value))
                        warnings?.Add(
                            $"{RequestFields.Flag(field)}: the rules read {Show(candidate.Value)} in the description and the model read {Show(fromModel.Value)}; " +
                            $"{Show(candidate.Value)} is used (the rules win for what they read exactly). Pass {RequestFields.Flag(field)} to decide.");
                    return new Sourced<T>(candidate.Value, source);
                }

                errors.Add(candidate.Error!);
                rejected.Add(field);
            }

            if (fromModel is null || rejected.Contains(field))
                return null;
            warnings?.Add(
                $"{RequestFields.Flag(field)} {Show(fromModel.Value)} comes from the model's reading of the description (the rules found no value); " +
                $"pass {RequestFields.Flag(field)} if that is not what you meant.");
            return new Sourced<T>(fromModel.Value, ValueSource.Model);
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

    private static string Show<T>(T value) => value switch
    {
        bool b => b ? "'true'" : "'false'",
        Enum e => $"'{SeedSpellings.Spell(e)}'",
        IFormattable f => $"'{f.ToString(null, System.Globalization.CultureInfo.InvariantCulture)}'",
        _ => $"'{value}'",
    };
}
