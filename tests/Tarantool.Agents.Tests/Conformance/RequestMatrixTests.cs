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

    /// <summary>The request fields each phase's prompt carries, by phase id, as the prompt files declare them.</summary>
    private static readonly IReadOnlyDictionary<int, CarriedFields> Carried =
        Tarantool.Agents.Workflow.WorkflowLoader.Load(RepositoryPaths.Root).Phases.ToDictionary(p => p.Id, p => p.DeclaredRequestFields());

    public static TheoryData<string, string> TypesAndVersions()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in Types)
            foreach (var version in Versions) data.Add(type, version);
        return data;
    }

    /// <summary>Replica counts a user may ask for, on every cluster type that has replicasets of its own choosing.</summary>
    public static TheoryData<string, int> TypesAndReplicas()
    {
        var data = new TheoryData<string, int>();
        foreach (var type in new[] { "replicated", "sharded", "multi-region" })
            foreach (var replicas in new[] { 2, 3, 4, 5 }) data.Add(type, replicas);
        return data;
    }

    /// <summary>One type × version slice of the matrix: the refusals and design problems, and the 3.x configs
    /// (tarantool/, containers/, kubernetes/) each designed request ships, with the edition it targets.</summary>
    private sealed record Slice(IReadOnlyList<string> Failures, int Designed, IReadOnlyList<ShippedConfig> Configs, IReadOnlyList<string> PlatformProblems);

    private sealed record ShippedConfig(string Label, string Content, Edition Edition, bool Tls);

    private static readonly ConcurrentDictionary<string, Lazy<Slice>> Slices = new(StringComparer.Ordinal);

    /// <summary>Designed once per slice and shared by the tests below (xunit runs a class's tests one at a time).</summary>
    private static Slice SliceOf(string type, string version, int? replicas = null) =>
        Slices.GetOrAdd($"{type}|{version}|{replicas}", _ => new Lazy<Slice>(() => DesignSlice(type, version, replicas))).Value;

    /// <summary>
    /// "--replicas N" over every HA strategy, replication mode and environment: designed without an error (a count of
    /// 2 under Raft is kept, with its warning), every replicaset has N members, and Tarantool 3.7.1's own start-up
    /// checks pass every shipped config.
    /// </summary>
    [TarantoolConfigCheckTheory]
    [MemberData(nameof(TypesAndReplicas))]
    public void Every_requested_replica_count_designs_and_passes_tarantools_own_start_up_checks(string type, int replicas)
    {
        var slice = SliceOf(type, "3.7", replicas);
        Assert.True(slice.Failures.Count == 0, string.Join("\n", slice.Failures.Take(10)));
        Assert.True(slice.Designed > 0, "no combination was designed");
        Assert.True(slice.PlatformProblems.Count == 0, string.Join("\n", slice.PlatformProblems.Take(15)));
        var problems = new List<string>();
        foreach (var edition in slice.Configs.GroupBy(c => c.Edition))
        {
            var configs = edition.Select(c => (c.Label, c.Content)).ToList();
            var (found, checkedCount) = TarantoolConfigCheck.Check(configs, edition.Key);
            problems.AddRange(found);
            Assert.True(checkedCount >= configs.Count, $"Tarantool's code examined {checkedCount} configs of {configs.Count} ({edition.Key})");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(15)));
    }

    [SchemaTheory]
    [MemberData(nameof(TypesAndVersions))]
    public void Every_allowed_combination_yields_a_valid_design_or_is_refused_up_front(string type, string version)
    {
        var slice = SliceOf(type, version);
        Assert.True(slice.Failures.Count == 0, string.Join("\n", slice.Failures.Take(10)));
        if (type == "cartridge" && version != "2.11")
            Assert.Equal(0, slice.Designed); // Cartridge runs on Tarantool 2.x only: intake refuses it with a 3.x target
        else
            Assert.True(slice.Designed > 0, "no combination of this type and version was designed");
    }

    /// <summary>
    /// Every 3.x config of every designed combination passes what Tarantool 3.7.1 itself runs at start-up, on the
    /// edition the request targets; Enterprise production configs encrypt iproto in listen and in every advertised URI.
    /// </summary>
    [TarantoolConfigCheckTheory]
    [MemberData(nameof(TypesAndVersions))]
    public void Every_shipped_3x_config_passes_tarantools_own_start_up_checks(string type, string version)
    {
        var slice = SliceOf(type, version);
        if (version == "2.11" || type == "cartridge")
        {
            Assert.Empty(slice.Configs); // box.cfg Lua and Cartridge, not a 3.x cluster config
            return;
        }

        Assert.NotEmpty(slice.Configs);
        var problems = new List<string>();
        foreach (var edition in slice.Configs.GroupBy(c => c.Edition))
        {
            var configs = edition.Select(c => (c.Label, c.Content)).ToList();
            var (found, checkedCount) = TarantoolConfigCheck.Check(configs, edition.Key);
            problems.AddRange(found);
            Assert.True(checkedCount >= configs.Count, $"Tarantool's code examined {checkedCount} configs of {configs.Count} ({edition.Key})");
        }
        problems.AddRange(slice.Configs.Where(c => c.Tls).SelectMany(c => TlsGaps(c.Content).Select(g => $"{c.Label}: {g}")));
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(15)));
    }

    /// <summary>The platform rules (<see cref="PlatformChecks"/>) on the files of every designed combination, both
    /// deployment forms: Pod Security, backup identity, NetworkPolicy, write path, routers, probes and start budget,
    /// the image, the units.</summary>
    [SchemaTheory]
    [MemberData(nameof(TypesAndVersions))]
    public void Every_designed_combination_meets_the_platform_rules(string type, string version)
    {
        var slice = SliceOf(type, version);
        Assert.True(slice.PlatformProblems.Count == 0, string.Join("\n", slice.PlatformProblems.Take(15)));
    }

    [SchemaFact]
    public void The_matrix_covers_both_editions_and_both_deployment_forms()
    {
        var configs = SliceOf("sharded", "3.7").Configs.Concat(SliceOf("replicated", "3.7").Configs).ToList();
        Assert.Contains(configs, c => c.Edition == Edition.Enterprise && c.Tls);
        Assert.Contains(configs, c => c.Edition == Edition.Community);
        Assert.Contains(configs, c => c.Label.Contains("--deployment", StringComparison.Ordinal) && c.Label.EndsWith("kubernetes/configmap.yaml", StringComparison.Ordinal));
        Assert.Contains(configs, c => c.Label.EndsWith("containers/config.yaml", StringComparison.Ordinal));
    }

    private static Slice DesignSlice(string type, string version, int? replicas)
    {
        var failures = new ConcurrentBag<string>();
        var configs = new ConcurrentBag<ShippedConfig>();
        var platform = new ConcurrentBag<string>();
        var designed = 0;
        var combinations =
            from strategy in Strategies
            from mode in Modes
            from environment in Environments
            // distributed-ha must survive the loss of any one of three sites, which takes an odd voter count of at
            // least three; the topology validator refuses any other count (its own negative tests cover that).
            where replicas is not { } asked || strategy != "distributed-ha" || (asked >= 3 && asked % 2 == 1)
            select (strategy, mode, environment);

        Parallel.ForEach(combinations.Select((c, i) => (c, i)), item =>
        {
            var (strategy, mode, environment) = item.c;
            var cloud = Clouds[item.i % Clouds.Length];
            var flags = new Dictionary<string, string>
            {
                ["cluster-name"] = "matrix",
                ["cluster-type"] = type,
                ["environment"] = environment,
                ["ha-strategy"] = strategy,
                ["replication-mode"] = mode,
                ["tarantool-version"] = version,
                ["cloud-provider"] = cloud,
            };
            if (type is "sharded" or "multi-region") flags["enable-sharding"] = "true";
            if (replicas is { } count) flags["replicas"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // Sampled so the matrix stays fast: every third combination targets Enterprise Edition, and every fourth
            // runs on the deployment form its cloud would not choose (Kubernetes on premises, VMs in a cloud).
            if (item.i % 3 == 2) flags["edition"] = "enterprise";
            if (item.i % 4 == 1) flags["deployment"] = cloud is "kubernetes" or "aws" or "azure" or "gcp" ? "vm" : "kubernetes";
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
            var request = intake.Request!;
            var (problems, files) = Design(request, intake.Language);
            if (problems.Count == 0 && replicas is { } asked)
                problems.AddRange(MembersOtherThan(files, asked));
            if (problems.Count > 0) failures.Add($"{label}:\n  " + string.Join("\n  ", problems.Take(5)));
            if (problems.Count == 0)
                foreach (var problem in PlatformChecks.Problems(files.ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal), cloud))
                    platform.Add($"{label}: {problem}");
            foreach (var file in files.Where(f => TarantoolConfigCheck.IsClusterConfigFile(f.Path)))
                configs.Add(new ShippedConfig($"{label} {file.Path}", file.Content, request.Edition, request.Edition == Edition.Enterprise && request.Environment == DeploymentEnvironment.Production));
        });

        return new Slice([.. failures], designed, [.. configs.OrderBy(c => c.Label, StringComparer.Ordinal)], [.. platform.Order(StringComparer.Ordinal)]);
    }

    /// <summary>Replicasets of the shipped tarantool/config.yaml whose member count is not the one asked for.</summary>
    private static IEnumerable<string> MembersOtherThan(IReadOnlyList<BundleFile> files, int replicas)
    {
        var config = files.FirstOrDefault(f => f.Path == "tarantool/config.yaml");
        if (config is null) yield break;
        var document = ClusterConfigDocument.Parse(config.Content, out var error);
        if (document is null) { yield return $"config.yaml does not parse: {error}"; yield break; }
        foreach (var set in document.Instances.GroupBy(i => (i.Group, i.Replicaset)).Where(g => !g.Key.Group.Contains("router", StringComparison.Ordinal) && !g.Key.Replicaset.Contains("router", StringComparison.Ordinal)))
            if (set.Count() != replicas)
                yield return $"replicaset {set.Key.Replicaset} has {set.Count()} instances, asked for {replicas}";
    }

    /// <summary>Where a TLS config leaves iproto in plain text: a listen URI or an advertised URI without transport: ssl.</summary>
    private static IEnumerable<string> TlsGaps(string content)
    {
        var texts = content.Contains("kind: ConfigMap", StringComparison.Ordinal) ? TarantoolConfigCheck.ConfigMapConfigs(content).ToList() : [content];
        foreach (var text in texts)
        {
            var document = ClusterConfigDocument.Parse(text, out var error);
            if (document is null) { yield return $"does not parse: {error}"; continue; }
            foreach (var instance in document.Instances)
            {
                if (document.Effective(instance, "iproto", "listen") is not YamlSequenceNode listen || listen.Children.Count == 0
                    || listen.Children.Any(e => ClusterConfigDocument.GetString(e, "params", "transport") != "ssl"))
                    yield return $"{instance.Instance}: iproto.listen without transport: ssl";
                foreach (var role in new[] { "peer", "sharding" })
                    if (document.EffectiveString(instance, "iproto", "advertise", role, "uri") is not null
                        && document.EffectiveString(instance, "iproto", "advertise", role, "params", "transport") != "ssl")
                        yield return $"{instance.Instance}: iproto.advertise.{role} without transport: ssl";
            }
        }
    }

    private static (List<string> Problems, List<BundleFile> Files) Design(ClusterRequest request, Language language)
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
            // The expert answers from what the phase's prompt carries, as it does behind a rendered prompt: a field
            // the prompt file does not declare throws instead of reaching the answer; validators and renderers see
            // the whole request, as the engine gives it to them.
            var carried = new PhaseContext(request.Carrying(Carried[id]), language, inputs, inputFiles);
            var answer = ExpertRegistry.Find(name)!.Answer(carried);

            // The answer as a model would send it: JSON that must match the schema and read back as the type.
            var json = JsonSerializer.SerializeToElement(new { output = answer.Output, narrative = answer.Narrative }, Tarantool.Agents.Serialization.JsonDefaults.Compact);
            problems.AddRange(AnswerSchemaValidator.Validate(spec, json).Select(i => $"{name} schema: {i}"));
            var output = spec.Deserialize(json.GetProperty("output"))!;
            problems.AddRange(spec.Validate(output, context).Where(i => i.Severity == ValidationSeverity.Error).Select(i => $"{name}: {i}"));
            problems.AddRange(NarrativeValidator.Validate(answer.Narrative, spec.Sections, language).Select(i => $"{name} narrative: {i}"));
            if (problems.Count > 0) return (problems, []);
            outputs[id] = output;
            files[id] = spec.Render(output, context);
        }

        var all = files.Values.SelectMany(f => f).ToList();
        var config = all.FirstOrDefault(f => f.Path == "tarantool/config.yaml");
        if (request.IsDeclarativeConfig && request.ClusterType != ClusterType.Cartridge)
        {
            if (config is null) return (["no tarantool/config.yaml for a 3.x target"], all);
            var stream = new YamlStream();
            stream.Load(new StringReader(config.Content));
            var element = JsonSerializer.SerializeToElement(YamlJson.Convert(stream.Documents[0].RootNode));
            var result = SchemaFiles.Load(TarantoolVersion.Parse(request.TarantoolVersion)).Evaluate(element, new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });
            if (!result.IsValid) problems.Add("config.yaml fails the official schema: " + string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Value}")).Take(3)));
            // The product's own validator, on the request's edition, over every config Tarantool reads.
            foreach (var file in all.Where(f => TarantoolConfigCheck.IsClusterConfigFile(f.Path)))
                foreach (var text in file.Path.StartsWith("kubernetes/", StringComparison.Ordinal) ? TarantoolConfigCheck.ConfigMapConfigs(file.Content) : [file.Content])
                    problems.AddRange(new TarantoolConfigValidator().Validate(text, edition: request.Edition).Where(i => i.Severity == ValidationSeverity.Error).Select(i => $"{file.Path}: {i}"));
        }

        return (problems, all);
    }
}
