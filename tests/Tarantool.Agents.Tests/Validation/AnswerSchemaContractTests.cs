using System.Reflection;
using System.Text.Json;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Configuration;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Phases.Deployment;
using Tarantool.Agents.Phases.Monitoring;
using Tarantool.Agents.Phases.Replication;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Validation;

namespace Tarantool.Agents.Tests.Validation;

/// <summary>
/// The answer schemas are the contract a model sees: every field says what it means, and every string a validator
/// restricts to a list carries that list as its enum, so a model is told the values instead of guessing and repairing.
/// </summary>
public sealed class AnswerSchemaContractTests
{
    /// <summary>Every schema the product sends: each phase's, and each part's and the frame's of a split phase.</summary>
    public static TheoryData<string> Schemas()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in AllSchemas()) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Every_property_of_every_answer_schema_has_a_description(string name)
    {
        var schema = AllSchemas().Single(s => s.Name == name).Schema;

        var properties = Properties(schema, "$").ToList();
        var missing = properties.Where(p => !p.Node.TryGetProperty("description", out var d) || string.IsNullOrWhiteSpace(d.GetString())).Select(p => p.Path).ToList();

        Assert.True(properties.Count > 2, $"{name}: no properties found");
        Assert.True(missing.Count == 0, $"{name}: {missing.Count} properties without a description:\n{string.Join("\n", missing)}");
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Descriptions_stay_short_enough_for_every_request(string name)
    {
        // Descriptions ride along with every call; a paragraph per field would cost thousands of tokens a phase.
        var schema = AllSchemas().Single(s => s.Name == name).Schema;

        var longOnes = Properties(schema, "$")
            .Select(p => (p.Path, Words: p.Node.TryGetProperty("description", out var d) ? d.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length : 0))
            .Where(p => p.Words > 45)
            .Select(p => $"{p.Path}: {p.Words} words").ToList();

        Assert.True(longOnes.Count == 0, string.Join("\n", longOnes));
    }

    /// <summary>Each validator-restricted field, the list the validator checks it against, and where it sits in the schema.</summary>
    public static TheoryData<string, string, string[]> ConstrainedFields() => new()
    {
        { nameof(CapacityPlan), "walMode", [.. PersistenceSettings.WalModes] },
        { nameof(ClusterTopology), "failoverMode", [.. TopologyVocabulary.DeclarativeFailover, .. TopologyVocabulary.CartridgeFailover] },
        { nameof(ClusterTopology), "failoverStateProvider", ["", .. TopologyVocabulary.StateProviders] },
        { nameof(ClusterTopology), "election.mode", TopologyVocabulary.ElectionModes },
        { nameof(ClusterTopology), "election.fencingMode", TopologyVocabulary.FencingModes },
        { nameof(ClusterTopology), "replicasets[].instances[].mode", ["rw", "ro", "auto"] },
        { nameof(ClusterTopology), "replicasets[].instances[].electionMode", ["", .. TopologyVocabulary.ElectionModes] },
        { nameof(BackupPlan), "storageKind", [StorageKinds.S3, StorageKinds.AzureBlob, StorageKinds.Gcs, StorageKinds.Nfs] },
        { nameof(BackupPlan), "backupSource", [.. BackupPlanValidator.BackupSources] },
        { nameof(ClusterConfiguration), "configFormat", [ConfigFormats.Declarative, ConfigFormats.BoxCfg, ConfigFormats.Cartridge] },
        { nameof(ClusterConfiguration), "walMode", [.. PersistenceSettings.WalModes] },
        { nameof(ClusterConfiguration), "logLevel", [.. ClusterConfigurationValidator.LogLevels] },
        { nameof(ClusterConfiguration), "logFormat", [.. ClusterConfigurationValidator.LogFormats] },
        { nameof(ClusterConfiguration), "metrics.method", [MetricsMethods.MetricsExportRole, MetricsMethods.AppRole, MetricsMethods.InitLua, MetricsMethods.Cartridge] },
        { nameof(ClusterConfiguration), "metrics.format", [.. ClusterConfigurationValidator.MetricsFormats] },
        { nameof(ClusterConfiguration), "replication.failover", TopologyVocabulary.FailoverModes },
        { nameof(ClusterConfiguration), "replication.electionFencingMode", [.. ClusterConfigurationValidator.FencingModes] },
        { nameof(ClusterConfiguration), "replication.bootstrapStrategy", [.. ClusterConfigurationValidator.BootstrapStrategies] },
        { nameof(ClusterConfiguration), "context[].from", [.. ClusterConfigurationValidator.ContextSources] },
        { nameof(ClusterConfiguration), "groups[].failover", [.. ClusterConfigurationValidator.GroupFailover] },
        { nameof(ReplicationPlan), "failover", TopologyVocabulary.FailoverModes },
        { nameof(ReplicationPlan), "replicasets[].topology", [.. ReplicationPlanValidator.Topologies] },
        { nameof(ReplicationPlan), "replicasets[].mode", [.. ReplicationPlanValidator.Modes] },
        { nameof(OrchestrationPlan), "platform", [PlatformNaming.Kubernetes, PlatformNaming.Systemd] },
        { nameof(OrchestrationPlan), "configDelivery", [.. ConfigDelivery.All] },
        { nameof(OrchestrationPlan), "workloads[].role", [.. OrchestrationPlanValidator.WorkloadRoles] },
        { nameof(OrchestrationPlan), "workloads[].zoneSpread", [.. OrchestrationPlanValidator.ZoneSpreads] },
        { nameof(OrchestrationPlan), "storageClass.reclaimPolicy", [.. OrchestrationPlanValidator.ReclaimPolicies] },
        { nameof(OrchestrationPlan), "storageClass.volumeBindingMode", [.. OrchestrationPlanValidator.VolumeBindingModes] },
        { nameof(MonitoringPlan), "rules[].severity", [.. MonitoringPlanValidator.Severities] },
        { nameof(MonitoringPlan), "diskMetricsSource", [.. MonitoringPlanValidator.DiskMetricsSources] },
        { nameof(DeploymentPlan), "form", [DeploymentForms.AnsibleSystemd, DeploymentForms.Kubernetes] },
        { nameof(DeploymentPlan), "localDevelopment", [DeploymentForms.DockerCompose] },
        { nameof(DeploymentPlan), "backupSchedule.mechanism", [DeploymentForms.SystemdTimer, DeploymentForms.KubernetesCronJob] },
        { nameof(DeploymentPlan), "rollingUpdate[].switchoverMethod", [.. SwitchoverMethods.All] },
    };

    [Theory]
    [MemberData(nameof(ConstrainedFields))]
    public void A_validator_restricted_field_carries_the_validators_list_as_its_enum(string output, string path, string[] accepted)
    {
        var schema = PhaseRegistry.Find(output)!.AnswerSchema;

        var field = Field(schema, "output." + path);

        Assert.True(field.TryGetProperty("enum", out var values), $"{output}.{path} has no enum: {field}");
        Assert.Equal(accepted, values.EnumerateArray().Select(v => v.GetString()!).ToArray());
    }

    [Fact]
    public void Every_restricted_field_of_the_outputs_is_in_the_table()
    {
        // A new [OneOf] field must be added to the table above, so its enum is checked against its validator.
        var tabled = ConstrainedFields().Select(row => ((string)row[0], Leaf((string)row[1]))).ToHashSet();
        var marked = PhaseRegistry.Outputs.SelectMany(o => OneOfFields(o.OutputType, o.Name, [])).ToList();

        var untabled = marked.Where(m => !tabled.Contains(m)).Select(m => $"{m.Item1}: {m.Item2}").ToList();

        Assert.NotEmpty(marked);
        Assert.True(untabled.Count == 0, "restricted fields missing from the table: " + string.Join(", ", untabled));
    }

    [Fact]
    public void A_value_outside_an_enum_is_rejected_naming_the_value_and_the_allowed_ones()
    {
        var answer = JsonDocument.Parse("""{"output":{"walMode":"none"},"narrative":""}""").RootElement;

        var issues = AnswerSchemaValidator.Validate(CapacityPlanPhase.Spec, answer);

        var issue = Assert.Single(issues, i => i.Code == "schema.enum");
        Assert.Equal(ValidationSeverity.Error, issue.Severity);
        Assert.Contains("walMode", issue.Path);
        Assert.Contains("\"none\"", issue.Message);
        Assert.Contains("\"fsync\", \"write\"", issue.Message);
    }

    private static IEnumerable<(string, string)> OneOfFields(Type type, string output, HashSet<Type> seen)
    {
        if (!seen.Add(type)) yield break;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<OneOfAttribute>() is not null)
                yield return (output, JsonNamingPolicy.CamelCase.ConvertName(property.Name));
            var element = property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
                ? property.PropertyType.GetGenericArguments()[0]
                : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (element.Namespace?.StartsWith("Tarantool.Agents.Phases", StringComparison.Ordinal) == true && element.IsClass)
                foreach (var nested in OneOfFields(element, output, seen)) yield return nested;
        }
    }

    private static string Leaf(string path) => path.Split('.')[^1].Replace("[]", "", StringComparison.Ordinal);

    private static IEnumerable<(string Name, JsonElement Schema)> AllSchemas()
    {
        foreach (var output in PhaseRegistry.Outputs)
        {
            yield return (output.Name, output.AnswerSchema);
            if (output is not ISplitOutputSpec split) continue;
            yield return ($"{output.Name}/frame", split.Frame.AnswerSchema);
            foreach (var part in split.Parts) yield return ($"{output.Name}/{part.Key}", part.AnswerSchema);
        }
    }

    /// <summary>Every property schema under a node, with its path; <c>$ref</c>s are followed once.</summary>
    private static IEnumerable<(string Path, JsonElement Node)> Properties(JsonElement node, string path)
    {
        if (node.ValueKind != JsonValueKind.Object) yield break;
        if (node.TryGetProperty("properties", out var properties))
            foreach (var property in properties.EnumerateObject())
            {
                yield return ($"{path}.{property.Name}", property.Value);
                foreach (var nested in Properties(property.Value, $"{path}.{property.Name}")) yield return nested;
            }

        if (node.TryGetProperty("items", out var items))
            foreach (var nested in Properties(items, path + "[]")) yield return nested;
        if (node.TryGetProperty("anyOf", out var anyOf))
            foreach (var option in anyOf.EnumerateArray())
                foreach (var nested in Properties(option, path)) yield return nested;
    }

    /// <summary>The schema of a field by its dotted path (<c>[]</c> steps into array items, nullable unions are unwrapped).</summary>
    private static JsonElement Field(JsonElement schema, string path)
    {
        var node = schema;
        foreach (var step in path.Split('.'))
        {
            var name = step.Replace("[]", "", StringComparison.Ordinal);
            node = Unwrap(node).GetProperty("properties").GetProperty(name);
            if (step.EndsWith("[]", StringComparison.Ordinal)) node = Unwrap(node).GetProperty("items");
        }

        return Unwrap(node);
    }

    private static JsonElement Unwrap(JsonElement node) =>
        node.TryGetProperty("anyOf", out var anyOf) ? anyOf.EnumerateArray().First(o => !(o.TryGetProperty("type", out var t) && t.GetString() == "null")) : node;
}
