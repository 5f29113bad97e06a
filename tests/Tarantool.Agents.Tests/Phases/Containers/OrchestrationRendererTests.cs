using System.Text.RegularExpressions;
using Tarantool.Agents.Expert.Containers;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Requests;
using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.Tests.Phases.Containers;

public sealed class OrchestrationRendererTests
{
    public static IReadOnlyList<BundleFile> Render(PlatformScenario scenario)
    {
        var context = scenario.Context();
        return ContainersPhase.Spec.Render(new OrchestrationExpert().Design(context), context);
    }

    private static YamlMappingNode Yaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    [Fact]
    public void Kubernetes_bundle_has_every_manifest_listed_in_kustomization()
    {
        var files = Render(PlatformFixtures.Sharded());
        var kustomization = Yaml(files.Single(f => f.Path == "kubernetes/kustomization.yaml").Content);
        var resources = ((YamlSequenceNode)At(kustomization, "resources")).Children.Select(n => "kubernetes/" + ((YamlScalarNode)n).Value).ToList();
        var manifests = files.Where(f => f.Path.StartsWith("kubernetes/", StringComparison.Ordinal) && f.Path != "kubernetes/kustomization.yaml").Select(f => f.Path).ToList();
        Assert.Equal(manifests.Order(), resources.Order());
        Assert.Contains("kubernetes/statefulset-storage-003.yaml", manifests);
        // One budget for all routers (each router is a replicaset of its own), one per storage replicaset.
        Assert.Contains("kubernetes/pdb-routers.yaml", manifests);
        Assert.DoesNotContain("kubernetes/pdb-router-002.yaml", manifests);
        Assert.Contains("kubernetes/pdb-storage-003.yaml", manifests);
        Assert.Contains("kubernetes/networkpolicy.yaml", manifests);
        Assert.Contains("kubernetes/service-events-router.yaml", manifests);
    }

    [Fact]
    public void StatefulSet_names_pods_after_instances_and_reads_identity_from_the_pod_name()
    {
        var files = Render(PlatformFixtures.ReplicatedProduction());
        var sts = Yaml(files.Single(f => f.Path == "kubernetes/statefulset-db-001.yaml").Content);
        Assert.Equal("1", ((YamlScalarNode)At(sts, "spec", "ordinals", "start")).Value);
        Assert.Equal("Parallel", ((YamlScalarNode)At(sts, "spec", "podManagementPolicy")).Value);
        Assert.Equal("db-001", ((YamlScalarNode)At(sts, "spec", "serviceName")).Value);
        var text = files.Single(f => f.Path == "kubernetes/statefulset-db-001.yaml").Content;
        Assert.Contains("fieldPath: metadata.name", text);
        Assert.Contains("requiredDuringSchedulingIgnoredDuringExecution", text);
        Assert.Contains("topology.kubernetes.io/zone", text);
        Assert.Contains("storageClassName: tarantool-gp3", text);
        Assert.Contains("memory: 81920Mi", text);
        Assert.Contains("secretKeyRef", text);
    }

    [Fact]
    public void Headless_service_publishes_not_ready_addresses_for_bootstrap()
    {
        var files = Render(PlatformFixtures.ReplicatedProduction());
        var service = Yaml(files.Single(f => f.Path == "kubernetes/service-db-001.yaml").Content);
        Assert.Equal("None", ((YamlScalarNode)At(service, "spec", "clusterIP")).Value);
        Assert.Equal("true", ((YamlScalarNode)At(service, "spec", "publishNotReadyAddresses")).Value);
    }

    [Fact]
    public void ConfigMap_config_uses_pod_dns_names_and_no_vm_host_remains()
    {
        var scenario = PlatformFixtures.Sharded();
        var configMap = Yaml(Render(scenario).Single(f => f.Path == "kubernetes/configmap.yaml").Content);
        var config = ((YamlScalarNode)At(configMap, "data", "config.yaml")).Value!;
        Assert.Contains("uri: storage-002-3.storage-002.events.svc.cluster.local:3301", config);
        Assert.Contains("uri: router-002-1.router-002.events.svc.cluster.local:3301", config);
        Assert.DoesNotContain("events-node-", config);
        Assert.DoesNotContain("listen: 8082", config);
        Assert.Contains("'{{ context.storage_password }}'", config);
        // The rewritten config is still a cluster config with every instance.
        var parsed = Yaml(config);
        Assert.Equal(11, ContainerConfigRewriter.Instances(parsed).Count());
    }

    [Fact]
    public void Compose_has_a_service_and_a_volume_per_instance_with_healthchecks()
    {
        var scenario = PlatformFixtures.Sharded();
        var compose = Yaml(Render(scenario).Single(f => f.Path == "containers/docker-compose.yml").Content);
        var services = (YamlMappingNode)At(compose, "services");
        var instances = scenario.Topology.Replicasets.SelectMany(r => r.Instances).Select(i => i.Name).ToList();
        Assert.Equal(instances, services.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Equal(instances.Select(i => $"{i}-data"), ((YamlMappingNode)At(compose, "volumes")).Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        foreach (var (key, value) in services.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            var service = (YamlMappingNode)value;
            Assert.Equal(name, ((YamlScalarNode)At(service, "environment", "TT_INSTANCE_NAME")).Value);
            Assert.Equal("CMD", ((YamlScalarNode)((YamlSequenceNode)At(service, "healthcheck", "test")).Children[0]).Value);
            Assert.All(((YamlSequenceNode)At(service, "ports")).Children, p => Assert.StartsWith("127.0.0.1:", ((YamlScalarNode)p).Value));
            Assert.Matches(@"^\$\{TT_STORAGE_PASSWORD:\?", ((YamlScalarNode)At(service, "environment", "TT_STORAGE_PASSWORD")).Value);
        }
    }

    [Fact]
    public void Compose_config_uses_service_names()
    {
        var config = Render(PlatformFixtures.ReplicatedProduction()).Single(f => f.Path == "containers/config.yaml").Content;
        Assert.Contains("uri: db-001-2:3301", config);
        Assert.DoesNotContain("orders-node-", config);
    }

    [Fact]
    public void Env_example_names_every_secret_variable_without_values()
    {
        var env = Render(PlatformFixtures.Cartridge()).Single(f => f.Path == "containers/.env.example").Content;
        foreach (var name in new[] { "TT_REPLICATOR_PASSWORD", "TT_STORAGE_PASSWORD", "TT_APP_PASSWORD", "TARANTOOL_CLUSTER_COOKIE", "TARANTOOL_PASSWORD" })
            Assert.Contains($"\n{name}=\n", env);
    }

    [Fact]
    public void Dockerfile_builds_on_the_official_image_of_the_requested_version()
    {
        var dockerfile = Render(PlatformFixtures.Cartridge()).Single(f => f.Path == "containers/Dockerfile").Content;
        // A builder stage with the toolchain the rocks need, then the runtime stage on the same official image.
        Assert.Contains("ARG TARANTOOL_TAG=2.11\n\nFROM tarantool/tarantool:${TARANTOOL_TAG} AS builder\n", dockerfile);
        Assert.Contains("\nFROM tarantool/tarantool:${TARANTOOL_TAG}\n", dockerfile);
        Assert.Contains("apt-get install -y --no-install-recommends cmake make gcc g++ git unzip", dockerfile);
        Assert.Contains("HEALTHCHECK ", dockerfile);
        Assert.Contains("COPY tarantool/ ./", dockerfile);
        Assert.Contains("USER 1000:1000", dockerfile);
        Assert.Contains("tt rocks install cartridge", dockerfile);
        Assert.Contains("init.lua", dockerfile);
    }

    [Fact]
    public void Cartridge_pods_advertise_their_pod_dns_name()
    {
        var sts = Render(PlatformFixtures.Cartridge()).Single(f => f.Path == "kubernetes/statefulset-storage-002.yaml").Content;
        Assert.Contains("value: $(TT_INSTANCE_NAME).storage-002.billing.svc.cluster.local:3301", sts);
        Assert.Contains("name: TARANTOOL_CLUSTER_COOKIE", sts);
        Assert.DoesNotContain("TARANTOOL_PASSWORD", sts);
    }

    [Fact]
    public void Lua_layout_passes_listen_and_replication_through_box_cfg_variables()
    {
        var scenario = PlatformFixtures.ReplicatedProduction() with { ConfigYaml = null };
        scenario = scenario with { Request = scenario.Request with { TarantoolVersion = "2.11" } };
        var sts = Render(scenario).Single(f => f.Path == "kubernetes/statefulset-db-001.yaml").Content;
        Assert.Contains("name: TT_LISTEN", sts);
        Assert.Contains("replicator:$(TT_REPLICATOR_PASSWORD)@db-001-1.db-001.orders.svc.cluster.local:3301,", sts);
        Assert.DoesNotContain("configmap", Render(scenario).Select(f => f.Path).Aggregate("", (a, b) => a + b));
    }

    [Fact]
    public void On_premises_renders_systemd_units_instead_of_kubernetes()
    {
        var files = Render(PlatformFixtures.Sharded(CloudProvider.OnPremises));
        Assert.DoesNotContain(files, f => f.Path.StartsWith("kubernetes/", StringComparison.Ordinal));
        var unit = files.Single(f => f.Path == "systemd/tarantool-events@.service").Content;
        // The configuration phase's layout: the app is its own tt environment at /opt/tarantool/<cluster>.
        Assert.Contains("WorkingDirectory=/opt/tarantool/events\n", unit);
        // tarantool itself is the main process, so its own READY=1 ends the start (Type=notify).
        Assert.Contains("ExecStart=/usr/bin/tarantool --name %i --config /opt/tarantool/events/config.yaml\n", unit);
        Assert.Contains("Type=notify\nNotifyAccess=main\n", unit);
        Assert.Contains("Environment=\"TT_CONSOLE_SOCKET_DEFAULT=/opt/tarantool/events/var/run/%i/tarantool.control\"\n", unit);
        Assert.Contains("ProtectSystem=strict\nReadWritePaths=/opt/tarantool/events/var\n", unit);
        Assert.DoesNotContain("instances.enabled", unit);
        Assert.DoesNotContain(" -S ", unit);
        Assert.Contains("EnvironmentFile=/etc/tarantool/events/secrets.env", unit);
        Assert.Contains("WantedBy=tarantool-events.target", unit);
        Assert.Contains("TimeoutStartSec=", unit);
        Assert.Contains("[Install]", unit);
        var target = files.Single(f => f.Path == "systemd/tarantool-events.target").Content;
        Assert.Contains("events-node-1: tarantool-events@storage-001-1.service tarantool-events@router-001-1.service", target);
    }

    [Fact]
    public void The_unit_template_runs_the_instances_from_the_shared_layout()
    {
        var unit = Render(PlatformFixtures.Sharded(CloudProvider.OnPremises)).Single(f => f.Path == $"systemd/{InstanceLayout.UnitTemplate("events")}").Content;
        Assert.Contains($"WorkingDirectory={InstanceLayout.AppDirectory("events")}\n", unit);
        Assert.Contains($"--config {InstanceLayout.AppDirectory("events")}/config.yaml\n", unit);
        Assert.Contains($"TT_SNAPSHOT_DIR_DEFAULT={InstanceLayout.VmDataRoot("events")}/%i\"", unit);
        Assert.Contains($"EnvironmentFile={InstanceLayout.SecretsFile("events")}\n", unit);
        Assert.Contains(InstanceLayout.VmDataRoot("events"), unit);
    }

    [Fact]
    public void StatefulSets_leave_restarts_to_the_rolling_restart_script()
    {
        foreach (var file in Render(PlatformFixtures.Sharded()).Where(f => f.Path.StartsWith("kubernetes/statefulset-", StringComparison.Ordinal)))
        {
            Assert.Contains("  updateStrategy:\n    type: OnDelete\n", file.Content);
            Assert.DoesNotContain("RollingUpdate", file.Content);
        }
    }

    [Fact]
    public void The_image_carries_the_backup_scripts_but_no_storage_client()
    {
        var scenario = PlatformFixtures.Sharded();
        var files = Render(scenario);
        var dockerfile = files.Single(f => f.Path == "containers/Dockerfile").Content;
        Assert.Contains($"COPY --chmod=0755 backup/ {InstanceLayout.BackupToolsDir}/\n", dockerfile);
        Assert.Contains($"mkdir -p {InstanceLayout.ContainerDataRoot} {InstanceLayout.ContainerConfigDirectory} {InstanceLayout.BackupStateDir}", dockerfile);
        Assert.Contains("!backup/\n", files.Single(f => f.Path == "containers/Dockerfile.dockerignore").Content);
        var kind = scenario.Backup.StorageKind;
        // The storage client lives in the backup image only (deploy/kubernetes/backup.Dockerfile).
        Assert.NotEmpty(DockerfileRenderer.StorageClientSteps(kind));
        foreach (var client in new[] { "awscli", "google-cloud-cli", "InstallAzureCLIDeb" }) Assert.DoesNotContain(client, dockerfile);
    }

    [Fact]
    public void Data_lives_on_the_volume_the_shared_layout_names()
    {
        var sts = Render(PlatformFixtures.Sharded()).Single(f => f.Path == "kubernetes/statefulset-storage-001.yaml").Content;
        Assert.Contains($"- name: {InstanceLayout.DataVolume}\n              mountPath: {InstanceLayout.ContainerDataRoot}\n", sts);
    }

    [Fact]
    public void No_file_contains_a_secret_value()
    {
        foreach (var scenario in PlatformFixtures.All())
        foreach (var file in Render(scenario))
        {
            // Every "...password: value" / "...PASSWORD=value" must be empty or a reference, never a literal.
            foreach (Match match in Regex.Matches(file.Content, @"(?i)(password|cookie)\w*\s*[:=][ \t]*(?<value>[^\s]*)"))
            {
                var value = match.Groups["value"].Value;
                Assert.True(value.Length == 0 || Regex.IsMatch(value, @"^(\$\{|\$\(|'\{\{|""\{\{|\[|\./)"), $"{file.Path}: {match.Value}");
            }
            Assert.DoesNotContain("kind: Secret\n", file.Content);
        }
    }

    [Fact]
    public void Files_are_deterministic_lf_and_newline_terminated()
    {
        foreach (var scenario in PlatformFixtures.All())
        {
            var first = Render(scenario);
            var second = Render(scenario);
            Assert.Equal(first.Select(f => (f.Path, f.Content)), second.Select(f => (f.Path, f.Content)));
            Assert.All(first, f =>
            {
                Assert.EndsWith("\n", f.Content);
                Assert.False(f.Content.EndsWith("\n\n", StringComparison.Ordinal), f.Path);
                Assert.DoesNotContain("\r", f.Content);
            });
            Assert.Equal(first.Count, first.Select(f => f.Path).Distinct().Count());
        }
    }
}
