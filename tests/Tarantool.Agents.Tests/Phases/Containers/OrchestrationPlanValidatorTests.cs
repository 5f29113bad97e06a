using Tarantool.Agents.Expert.Containers;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Phases.Containers;

public sealed class OrchestrationPlanValidatorTests
{
    private static readonly OrchestrationPlanValidator Validator = new();

    private static (OrchestrationPlan Plan, PhaseContext Context) Valid(PlatformScenario? scenario = null)
    {
        var context = (scenario ?? PlatformFixtures.Sharded()).Context();
        return (new OrchestrationExpert().Design(context), context);
    }

    private static void AssertRejected(OrchestrationPlan plan, PhaseContext context, string code)
    {
        var issues = Validator.Validate(plan, context).ToList();
        Assert.Contains(issues, i => i.Code == code && i.Severity == ValidationSeverity.Error);
    }

    [Fact]
    public void Expert_plan_is_valid()
    {
        var (plan, context) = Valid();
        Assert.Empty(Validator.Validate(plan, context));
    }

    [Fact]
    public void Rejects_systemd_on_a_kubernetes_cloud() =>
        Reject(p => p with { Platform = PlatformNaming.Systemd }, "orchestration.platform-mismatch");

    [Fact]
    public void Rejects_wrong_config_delivery() =>
        Reject(p => p with { ConfigDelivery = ConfigDelivery.LuaLayout }, "orchestration.config-delivery");

    [Fact]
    public void Rejects_a_storage_class_of_another_cloud() =>
        Reject(p => p with { StorageClass = p.StorageClass! with { Provisioner = "ebs.csi.aws.com" } }, "orchestration.storage-class-provisioner");

    [Fact]
    public void Rejects_delete_reclaim_policy() =>
        Reject(p => p with { StorageClass = p.StorageClass! with { ReclaimPolicy = "Delete" } }, "orchestration.storage-class-reclaim");

    [Fact]
    public void Rejects_immediate_volume_binding() =>
        Reject(p => p with { StorageClass = p.StorageClass! with { VolumeBindingMode = "Immediate" } }, "orchestration.storage-class-binding");

    [Fact]
    public void Rejects_a_base_image_of_another_version() =>
        Reject(p => p with { Image = p.Image with { BaseImage = "tarantool/tarantool:2.11" } }, "orchestration.base-image-version");

    [Fact]
    public void Rejects_an_unofficial_base_image() =>
        Reject(p => p with { Image = p.Image with { BaseImage = "ubuntu:24.04" } }, "orchestration.base-image");

    [Fact]
    public void Rejects_a_missing_workload() =>
        Reject(p => p with { Workloads = [.. p.Workloads.Skip(1)] }, "orchestration.workload-missing");

    [Fact]
    public void Rejects_memory_below_the_capacity_plan() =>
        Reject(p => p with { Workloads = [p.Workloads[0] with { MemoryRequestMib = 1024, MemoryLimitMib = 1024 }, .. p.Workloads.Skip(1)] }, "orchestration.memory-below-capacity");

    [Fact]
    public void Rejects_cpu_below_the_capacity_plan() =>
        Reject(p => p with { Workloads = [p.Workloads[0] with { CpuRequestMillicores = 500 }, .. p.Workloads.Skip(1)] }, "orchestration.cpu-below-capacity");

    [Fact]
    public void Rejects_volumes_below_the_capacity_plan() =>
        Reject(p => p with { Workloads = [p.Workloads[0] with { VolumeGib = 10 }, .. p.Workloads.Skip(1)] }, "orchestration.volume-below-capacity");

    [Fact]
    public void Rejects_a_budget_allowing_two_unavailable_members() =>
        Reject(p => p with { Workloads = [p.Workloads[0] with { MaxUnavailable = 2 }, .. p.Workloads.Skip(1)] }, "orchestration.pdb");

    [Fact]
    public void Rejects_soft_anti_affinity_in_production() =>
        Reject(p => p with { Workloads = [p.Workloads[0] with { RequiredNodeAntiAffinity = false }, .. p.Workloads.Skip(1)] }, "orchestration.anti-affinity");

    [Fact]
    public void Rejects_pod_names_that_do_not_follow_the_instance_names() =>
        Reject(p => p with { Endpoints = [p.Endpoints[0] with { PodName = "storage-001-0", Host = "storage-001-0.storage-001.events.svc.cluster.local" }, .. p.Endpoints.Skip(1)] }, "orchestration.endpoint-pod-dns");

    [Fact]
    public void Rejects_vm_ports_inside_pods() =>
        Reject(p => p with { Endpoints = [.. p.Endpoints.Select(e => e.Instance == "router-001-1" ? e with { IprotoPort = 3302 } : e)] }, "orchestration.endpoint-ports");

    [Fact]
    public void Rejects_an_instance_without_endpoint() =>
        Reject(p => p with { Endpoints = [.. p.Endpoints.Skip(1)] }, "orchestration.endpoint-count");

    [Fact]
    public void Rejects_clashing_compose_ports() =>
        Reject(p => p with { Endpoints = [.. p.Endpoints.Select(e => e with { ComposeIprotoHostPort = 3301 })] }, "orchestration.compose-port-clash");

    [Fact]
    public void Rejects_a_sharded_cluster_without_router_service() =>
        Reject(p => p with { ClientServices = [p.ClientServices[0] with { Replicasets = ["storage-001"] }] }, "orchestration.router-service");

    /// <summary>A Service pinned to the pod that led at design time sends writes to a replica after any switchover.</summary>
    [Fact]
    public void Rejects_a_service_pinned_to_a_leader_pod_while_the_leader_can_move() =>
        Reject(p => p with { ClientServices = [.. p.ClientServices, p.ClientServices[0] with { Name = "events-rw", PinnedPod = "router-001-1" }] }, "orchestration.service-pinned-leader");

    [Fact]
    public void Rejects_a_startup_probe_shorter_than_snapshot_recovery() =>
        Reject(p => p with { Probes = p.Probes with { StartupFailureThreshold = 3 } }, "orchestration.startup-budget");

    [Fact]
    public void Rejects_an_eager_liveness_probe() =>
        Reject(p => p with { Probes = p.Probes with { LivenessFailureThreshold = 1 } }, "orchestration.liveness-too-eager");

    [Fact]
    public void Rejects_a_user_whose_password_has_no_secret() =>
        Reject(p => p with { Secrets = [.. p.Secrets.Where(s => s.ContextName != "replicator_password")] }, "orchestration.secret-missing");

    [Fact]
    public void Rejects_a_secret_delivered_both_ways() =>
        Reject(p => p with { Secrets = [p.Secrets[0] with { FilePath = "/etc/secret" }, .. p.Secrets.Skip(1)] }, "orchestration.secret-delivery");

    [Fact]
    public void Rejects_a_storage_class_on_systemd()
    {
        var (plan, context) = Valid(PlatformFixtures.SingleInstanceDev());
        AssertRejected(plan with { StorageClass = new StorageClassPlan { Name = "x", Provisioner = "y", Parameters = [], ReclaimPolicy = "Retain", VolumeBindingMode = "WaitForFirstConsumer", Reason = "r" } }, context, "orchestration.storage-class-on-systemd");
    }

    [Fact]
    public void Rejects_moved_hosts_on_systemd()
    {
        var (plan, context) = Valid(PlatformFixtures.Sharded(CloudProvider.OnPremises));
        AssertRejected(plan with { Endpoints = [plan.Endpoints[0] with { Host = "elsewhere" }, .. plan.Endpoints.Skip(1)] }, context, "orchestration.endpoint-host");
    }

    [Fact]
    public void Rejects_a_data_directory_the_other_phases_do_not_use() =>
        Reject(p => p with { Image = p.Image with { DataDirectory = "/data" } }, "orchestration.data-directory");

    [Fact]
    public void Rejects_an_application_directory_outside_the_shared_layout() =>
        Reject(p => p with { Image = p.Image with { AppDirectory = "/etc/tarantool/instances.enabled/events" } }, "orchestration.app-directory");

    [Fact]
    public void Warns_when_kubernetes_decisions_do_not_state_the_on_delete_strategy()
    {
        var (plan, context) = Valid();
        var issues = Validator.Validate(plan with { Decisions = [.. plan.Decisions.Where(d => !d.Contains("OnDelete", StringComparison.Ordinal))] }, context).ToList();
        Assert.Contains(issues, i => i.Code == "orchestration.update-strategy" && i.Severity == ValidationSeverity.Warning);
    }

    [Fact]
    public void Expert_plans_keep_the_shared_layout_on_every_platform()
    {
        foreach (var scenario in PlatformFixtures.All())
        {
            var (plan, context) = Valid(scenario);
            Assert.Equal(InstanceLayout.ContainerDataRoot, plan.Image.DataDirectory);
            Assert.Equal(InstanceLayout.AppDirectory(scenario.Request.ClusterName), plan.Image.AppDirectory);
            Assert.DoesNotContain(Validator.Validate(plan, context), i => i.Code.StartsWith("orchestration.data-", StringComparison.Ordinal) || i.Code is "orchestration.app-directory" or "orchestration.update-strategy");
        }
    }

    [Fact]
    public void Iproto_tls_certificates_are_mounted_where_the_config_names_them_or_the_plan_is_rejected()
    {
        var sharded = PlatformFixtures.Sharded();
        var tlsConfig = System.Text.RegularExpressions.Regex.Replace(sharded.ConfigYaml!, @"(              - uri: '[^']+'\n)",
            "$1                params:\n                  transport: ssl\n                  ssl_cert_file: /etc/tarantool/tls/server.crt\n" +
            "                  ssl_key_file: /etc/tarantool/tls/server.key\n                  ssl_ca_file: /etc/tarantool/tls/ca.crt\n");
        var scenario = sharded with { Request = sharded.Request with { Edition = Edition.Enterprise }, ConfigYaml = tlsConfig };
        var context = scenario.Context();
        var plan = new OrchestrationExpert().Design(context);

        var mounted = plan.Secrets.Where(s => s.FilePath.StartsWith("/etc/tarantool/tls/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["/etc/tarantool/tls/ca.crt", "/etc/tarantool/tls/server.crt", "/etc/tarantool/tls/server.key"], mounted.Select(s => s.FilePath).Order(StringComparer.Ordinal));
        Assert.All(mounted, s => Assert.Equal($"{plan.Namespace}-tls", s.SecretName));
        Assert.DoesNotContain(Validator.Validate(plan, context), i => i.Severity == ValidationSeverity.Error);
        var statefulSet = new OrchestrationRenderer().Render(plan, context).First(f => f.Path.StartsWith("kubernetes/statefulset-storage", StringComparison.Ordinal)).Content;
        Assert.Contains("mountPath: /etc/tarantool/tls", statefulSet);
        Assert.Contains($"name: {plan.Namespace}-tls", statefulSet);

        AssertRejected(plan with { Secrets = [.. plan.Secrets.Where(s => s.FilePath.Length == 0)] }, context, "orchestration.tls-file-missing");
    }

    private static void Reject(Func<OrchestrationPlan, OrchestrationPlan> breakIt, string code)
    {
        var (plan, context) = Valid();
        AssertRejected(breakIt(plan), context, code);
    }
}
