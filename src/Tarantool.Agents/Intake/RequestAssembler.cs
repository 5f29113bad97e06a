using System.Text.Json;
using System.Text.Json.Nodes;
using Tarantool.Agents.Intake.Phrases;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Serialization;

namespace Tarantool.Agents.Intake;

/// <summary>Builds the request from resolved parameters and records where every field came from.</summary>
internal static class RequestAssembler
{
    /// <summary>The request, or null when a required field is missing; sources are reported either way.</summary>
    public static ClusterRequest? Assemble(
        ResolvedParameters p, WorkloadReading workload, string description, IDictionary<string, ValueSource> sources)
    {
        Note(sources, RequestField.ClusterName, p.ClusterName);
        Note(sources, RequestField.ClusterType, p.ClusterType);
        Note(sources, RequestField.Environment, p.Environment);
        Note(sources, RequestField.CloudProvider, p.CloudProvider);
        Note(sources, RequestField.HaStrategy, p.HaStrategy);
        Note(sources, RequestField.BackupRetentionDays, p.BackupRetentionDays);
        Note(sources, RequestField.EnableSharding, p.EnableSharding);
        Note(sources, RequestField.ReplicationMode, p.ReplicationMode);
        Note(sources, RequestField.ShardCount, p.ShardCount);
        Note(sources, RequestField.Replicas, p.Replicas);
        Note(sources, RequestField.TarantoolVersion, p.TarantoolVersion);
        Note(sources, RequestField.Edition, p.Edition);
        Note(sources, RequestField.Deployment, p.Deployment);
        Note(sources, RequestField.Rpo, p.RpoSeconds);
        Note(sources, RequestField.Rto, p.RtoSeconds);
        foreach (var field in workload.FoundFields)
            sources[field] = ValueSource.Text;

        if (p.ClusterName is null || p.ClusterType is null || p.Environment is null)
            return null;

        return Build(p, workload, description);
    }

    /// <summary>
    /// What did resolve when the request could not be built (a required field is missing): the request's JSON
    /// without the missing fields, so that <c>intake --json</c> shows what the flags and the text did give.
    /// </summary>
    public static JsonObject Partial(ResolvedParameters p, WorkloadReading workload, string description)
    {
        var request = Build(p, workload, description);
        var json = JsonSerializer.SerializeToNode(request, JsonDefaults.Indented)!.AsObject();
        if (p.ClusterName is null) json.Remove(RequestFields.JsonName(RequestField.ClusterName));
        if (p.ClusterType is null) json.Remove(RequestFields.JsonName(RequestField.ClusterType));
        if (p.Environment is null) json.Remove(RequestFields.JsonName(RequestField.Environment));
        return json;
    }

    /// <summary>The request from whatever resolved; a missing required field takes its type's default (the caller
    /// either refuses the request or removes those fields from what it shows).</summary>
    private static ClusterRequest Build(ResolvedParameters p, WorkloadReading workload, string description) => new()
    {
        ClusterName = p.ClusterName?.Value ?? "",
        ClusterType = p.ClusterType?.Value ?? default,
        Environment = p.Environment?.Value ?? default,
        CloudProvider = p.CloudProvider.Value,
        HaStrategy = p.HaStrategy.Value,
        BackupRetentionDays = p.BackupRetentionDays.Value,
        EnableSharding = p.EnableSharding.Value,
        ReplicationMode = p.ReplicationMode.Value,
        ShardCount = p.ShardCount.Value,
        ShardCountIsDefault = p.ShardCount.Source == ValueSource.Default,
        Replicas = p.Replicas?.Value,
        TarantoolVersion = p.TarantoolVersion.Value,
        Edition = p.Edition.Value,
        Deployment = p.Deployment.Value,
        RpoSeconds = p.RpoSeconds?.Value,
        RtoSeconds = p.RtoSeconds?.Value,
        Workload = workload.Workload,
        Description = description,
    };

    /// <summary>What to say for each required field that no source gave, unless a refused value was already reported.</summary>
    public static IEnumerable<string> MissingRequired(ResolvedParameters p)
    {
        if (p.ClusterName is null && !p.Rejected.Contains(RequestField.ClusterName))
            yield return "--cluster-name is required: a name such as 'orders' (lowercase letters, digits and '-', starting with a letter); " +
                         "pass --cluster-name or say it in the description, e.g. 'a cluster named orders' / 'кластер с именем orders'.";
        if (p.ClusterType is null && !p.Rejected.Contains(RequestField.ClusterType))
            yield return $"--cluster-type is required: one of {string.Join(", ", SeedSpellings.All<ClusterType>())}; " +
                         "pass --cluster-type or say it in the description, e.g. 'a sharded cluster' / 'шардированный кластер'.";
        if (p.Environment is null && !p.Rejected.Contains(RequestField.Environment))
            yield return $"--environment is required: one of {string.Join(", ", SeedSpellings.All<DeploymentEnvironment>())}; " +
                         "pass --environment or say it in the description, e.g. 'for production' / 'для продакшена'.";
    }

    private static void Note<T>(IDictionary<string, ValueSource> sources, RequestField field, Sourced<T>? value)
    {
        if (value is not null)
            sources[RequestFields.JsonName(field)] = value.Source;
    }
}
