using System.Text.Json;
using Json.Schema;
using Tarantool.Agents.Expert.Configuration;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.Configuration;
using Tarantool.Agents.Requests;
using Tarantool.Agents.ClusterConfig;
using Tarantool.Agents.Tests.ClusterConfig;

namespace Tarantool.Agents.Tests.Phases.Configuration;

/// <summary>
/// cluster type × HA strategy × replication mode × environment × target version: every generated 3.x config.yaml
/// passes the official JSON schema of its version and the semantic validator; every answer passes the phase
/// validator; 2.11 and Cartridge Lua passes a syntax check.
/// </summary>
public sealed class ConfigurationMatrixTests
{
    public static IEnumerable<object[]> Matrix()
    {
        foreach (var type in Enum.GetValues<ClusterType>())
        foreach (var ha in Enum.GetValues<HaStrategy>())
        foreach (var mode in Enum.GetValues<ReplicationMode>())
        foreach (var env in Enum.GetValues<DeploymentEnvironment>())
        foreach (var version in new[] { "3.0", "3.4", "3.7", "2.11" })
        {
            // vshard needs one master per storage replicaset: the topology phase never builds sharded master-master.
            if (mode == ReplicationMode.MasterMaster && type is ClusterType.Sharded or ClusterType.Cartridge or ClusterType.MultiRegion) continue;
            yield return [type, ha, mode, env, version];
        }
    }

    private static (ClusterConfiguration Config, PhaseContext Context, IReadOnlyList<BundleFile> Files) Design(ClusterType type, HaStrategy ha, ReplicationMode mode, DeploymentEnvironment env, string version)
    {
        var request = ClusterFixtures.Request(type, ha, mode, env, version, (int)env % 2 == 1 ? StorageEngine.Vinyl : null);
        var context = ClusterFixtures.Context(request);
        var config = new ConfigurationExpert().Design(context);
        return (config, context, ConfigurationPhase.Spec.Render(config, context));
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Every_answer_passes_the_phase_validator(ClusterType type, HaStrategy ha, ReplicationMode mode, DeploymentEnvironment env, string version)
    {
        var (config, context, files) = Design(type, ha, mode, env, version);
        var errors = ConfigurationPhase.Spec.Validate(config, context).Where(i => i.Severity == ValidationSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.All(files, f => Assert.EndsWith("\n", f.Content));
        Assert.All(files, f => Assert.DoesNotContain("\r", f.Content));
    }

    [SchemaTheory]
    [MemberData(nameof(Matrix))]
    public void Every_3x_config_yaml_passes_the_official_schema_and_the_semantic_validator(ClusterType type, HaStrategy ha, ReplicationMode mode, DeploymentEnvironment env, string version)
    {
        var (config, context, files) = Design(type, ha, mode, env, version);
        var yaml = files.FirstOrDefault(f => f.Path == ClusterConfigurationRenderer.ConfigYamlPath)?.Content;
        if (config.ConfigFormat != ConfigFormats.Declarative)
        {
            Assert.Null(yaml);
            return;
        }
        Assert.NotNull(yaml);
        var root = YamlText.Parse(yaml, out var error);
        Assert.True(root is not null, error);
        var json = JsonSerializer.SerializeToElement(YamlJson.Convert(root));
        var result = SchemaFiles.Load(TarantoolVersion.Parse(version)).Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, $"schema {SchemaFiles.SchemaVersionFor(TarantoolVersion.Parse(version))}: " + string.Join("\n",
            (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}").Take(20)));

        var (capacity, topology, backup) = ClusterFixtures.For(context.Request);
        var expectations = TarantoolConfigExpectations.From(capacity, topology, backup, config.Replication.MasterMaster);
        var issues = new TarantoolConfigValidator().Validate(yaml, expectations);
        Assert.True(issues.All(i => i.Severity != ValidationSeverity.Error), string.Join("\n", issues));
    }
}
