using System.Collections.Concurrent;
using System.Text.Json;
using Tarantool.Agents.ClusterConfig;
using Tarantool.Agents.Expert;
using Tarantool.Agents.Intake;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Tests.ClusterConfig;
using Tarantool.Agents.Validation;
using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.Tests.Conformance;

/// <summary>
/// Every combination the seed allows — cluster type × HA strategy × replication mode × environment × target version,
/// across the clouds — is either refused up front by intake, or the embedded expert's ten phases all pass their
/// schemas, semantic and cross-phase validators and narrative rules, and the 3.x config.yaml passes the official schema.
/// </summary>
public sealed class RequestMatrixTests
{
    private static readonly string[] Types = ["single-instance", "replicated", "cartridge", "sharded", "multi-region"];
    private static readonly string[] Strategies = ["passive-failover", "active-failover", "distributed-ha"];
    private static readonly string[] Modes = ["master-slave", "master-master"];
    private static readonly string[] Environments = ["development", "staging", "production"];
    private static readonly string[] Versions = ["3.7", "3.4", "3.0", "2.11"];
    private static readonly string[] Clouds = ["on-premises", "aws", "azure", "gcp", "kubernetes"];

    /// <summary>The ten phase outputs in order, each with the phases it depends on (as the prompt files declare).</summary>
    private static readonly (string Output, int[] DependsOn)[] Phases =
    [
        ("CapacityPlan", []), ("ClusterTopology", [1]), ("BackupPlan", [1, 2]), ("ClusterConfiguration", [1, 2, 3]),
        ("ReplicationPlan", [1, 2, 3]), ("OrchestrationPlan", [1, 2, 4]), ("MonitoringPlan", [1, 2, 3]), ("DrTestPlan", [1, 2, 3]),
        ("OperationsGuide", [1, 2, 3, 4]), ("DeploymentPlan", [1, 2, 3, 4]),
    ];

    public static TheoryData<string, string> TypesAndVersions()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in Types)
            foreach (var version in Versions) data.Add(type, version);
        return data;
    }

    [SchemaTheory]
    [MemberData(nameof(TypesAndVersions))]
    public void Every_allowed_combination_yields_a_valid_design_or_is_refused_up_front(string type, string version)
    {
        var failures = new ConcurrentBag<string>();
        var designed = 0;
        var combinations =
            from strategy in Strategies
            from mode in Modes
            from environment in Environments
            select (strategy, mode, environment);

        Parallel.ForEach(combinations.Select((c, i) => (c, i)), item =>
        {
            var (strategy, mode, environment) = item.c;
            var flags = new Dictionary<string, string>
            {
                ["cluster-name"] = "matrix",
                ["cluster-type"] = type,
                ["environment"] = environment,
                ["ha-strategy"] = strategy,
                ["replication-mode"] = mode,
                ["tarantool-version"] = version,
                ["cloud-provider"] = Clouds[item.i % Clouds.Length],
            };
            if (type is "sharded" or "multi-region") flags["enable-sharding"] = "true";
            var language = item.i % 2 == 0 ? "en" : "ru";
            var intake = RequestIntake.Resolve(new IntakeInput(flags, "", language));
            var label = string.Join(' ', flags.Select(f => $"--{f.Key} {f.Value}")) + $" --language {language}";
            if (!intake.IsValid)
            {
                // Refused up front: the message must say what to change.
                if (intake.Errors.Count == 0 || intake.Errors.Any(string.IsNullOrWhiteSpace)) failures.Add($"{label}: refused without a reason");
                return;
            }

            Interlocked.Increment(ref designed);
            var problems = Design(intake.Request!, intake.Language);
            if (problems.Count > 0) failures.Add($"{label}:\n  " + string.Join("\n  ", problems.Take(5)));
        });

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(10)));
        if (type == "cartridge" && version != "2.11")
            Assert.Equal(0, designed); // Cartridge runs on Tarantool 2.x only: intake refuses it with a 3.x target
        else
            Assert.True(designed > 0, "no combination of this type and version was designed");
    }

    private static List<string> Design(ClusterRequest request, Language language)
    {
        var outputs = new Dictionary<int, object>();
        var files = new Dictionary<int, IReadOnlyList<BundleFile>>();
        var problems = new List<string>();
        for (var id = 1; id <= Phases.Length; id++)
        {
            var (name, dependsOn) = Phases[id - 1];
            var spec = PhaseRegistry.Find(name)!;
            var inputs = dependsOn.ToDictionary(d => Phases[d - 1].Output, d => outputs[d]);
            var inputFiles = dependsOn.SelectMany(d => files[d]).ToDictionary(f => f.Path, f => f.Content);
            var context = new PhaseContext(request, language, inputs, inputFiles);
            var answer = ExpertRegistry.Find(name)!.Answer(context);

            // The answer as a model would send it: JSON that must match the schema and read back as the type.
            var json = JsonSerializer.SerializeToElement(new { output = answer.Output, narrative = answer.Narrative }, Tarantool.Agents.Serialization.JsonDefaults.Compact);
            problems.AddRange(AnswerSchemaValidator.Validate(spec, json).Select(i => $"{name} schema: {i}"));
            var output = spec.Deserialize(json.GetProperty("output"))!;
            problems.AddRange(spec.Validate(output, context).Where(i => i.Severity == ValidationSeverity.Error).Select(i => $"{name}: {i}"));
            problems.AddRange(NarrativeValidator.Validate(answer.Narrative, spec.Sections, language).Select(i => $"{name} narrative: {i}"));
            if (problems.Count > 0) return problems;
            outputs[id] = output;
            files[id] = spec.Render(output, context);
        }

        var config = files.Values.SelectMany(f => f).FirstOrDefault(f => f.Path == "tarantool/config.yaml");
        if (request.IsDeclarativeConfig && request.ClusterType != ClusterType.Cartridge)
        {
            if (config is null) return ["no tarantool/config.yaml for a 3.x target"];
            var stream = new YamlStream();
            stream.Load(new StringReader(config.Content));
            var element = JsonSerializer.SerializeToElement(YamlJson.Convert(stream.Documents[0].RootNode));
            var result = SchemaFiles.Load(TarantoolVersion.Parse(request.TarantoolVersion)).Evaluate(element, new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });
            if (!result.IsValid) problems.Add("config.yaml fails the official schema: " + string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Value}")).Take(3)));
            problems.AddRange(new TarantoolConfigValidator().Validate(config.Content).Where(i => i.Severity == ValidationSeverity.Error).Select(i => $"config.yaml: {i}"));
        }

        return problems;
    }
}
