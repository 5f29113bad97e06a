using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Intake;

/// <summary>Turns raw flag values (from the command line or written in the description) into a draft.</summary>
internal static class FlagValueParser
{
    public static RequestDraft Parse(IReadOnlyDictionary<string, string> flags, FieldOrigin origin, ICollection<string> errors)
    {
        var draft = RequestDraft.Empty;
        foreach (var (name, raw) in flags)
        {
            if (!RequestFields.TryFromFlagName(name, out var field))
            {
                errors.Add($"--{name.Trim().TrimStart('-')} is not a known flag; the flags are " +
                           string.Join(", ", RequestFields.FlagNames.Select(n => "--" + n)) + ".");
                continue;
            }

            draft = Apply(draft, field, raw ?? "", origin);
        }

        return draft;
    }

    private static RequestDraft Apply(RequestDraft draft, RequestField field, string raw, FieldOrigin origin) => field switch
    {
        RequestField.ClusterName => draft with { ClusterName = ParameterRules.ClusterName(raw, origin) },
        RequestField.ClusterType => draft with { ClusterType = ParameterRules.Choice<ClusterType>(raw, field, origin) },
        RequestField.Environment => draft with { Environment = ParameterRules.Choice<DeploymentEnvironment>(raw, field, origin) },
        RequestField.CloudProvider => draft with { CloudProvider = ParameterRules.Choice<CloudProvider>(raw, field, origin) },
        RequestField.HaStrategy => draft with { HaStrategy = ParameterRules.Choice<HaStrategy>(raw, field, origin) },
        RequestField.BackupRetentionDays => draft with { BackupRetentionDays = ParameterRules.BackupRetentionDays(raw, origin) },
        // A bare switch ("--enable-sharding" with no value) arrives as an empty string and means true.
        RequestField.EnableSharding => draft with
        {
            EnableSharding = raw.Trim().Length == 0 ? Candidate<bool>.Ok(true) : ParameterRules.Switch(raw, field, origin),
        },
        RequestField.ReplicationMode => draft with { ReplicationMode = ParameterRules.Choice<ReplicationMode>(raw, field, origin) },
        RequestField.ShardCount => draft with { ShardCount = ParameterRules.ShardCount(raw, origin) },
        RequestField.Replicas => draft with { Replicas = ParameterRules.Replicas(raw, origin) },
        RequestField.TarantoolVersion => draft with { TarantoolVersion = ParameterRules.TarantoolVersion(raw, origin) },
        RequestField.Edition => draft with { Edition = ParameterRules.Choice<Edition>(raw, field, origin) },
        RequestField.Deployment => draft with { Deployment = ParameterRules.Choice<DeploymentForm>(raw, field, origin) },
        RequestField.Rpo => draft with { RpoSeconds = ParameterRules.Target(raw, field, origin) },
        RequestField.Rto => draft with { RtoSeconds = ParameterRules.Target(raw, field, origin) },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown request field."),
    };
}
