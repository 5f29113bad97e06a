using Tarantool.Agents.ClusterConfig;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Requests;
using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.Tests.Phases.Containers;

/// <summary>The shared layout mirrors the configuration phase's tt environment and the containers phase's volumes,
/// and its text checks find the paths and commands that break it.</summary>
public sealed class InstanceLayoutTests
{
    [Fact]
    public void Vm_layout_follows_the_configuration_phases_tt_yaml()
    {
        var ttYaml = TtEnvironmentYaml.RenderTtYaml("orders");
        var stream = new YamlStream();
        stream.Load(new StringReader(ttYaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var app = (YamlMappingNode)root["app"];

        Assert.Equal(".", ((YamlScalarNode)((YamlMappingNode)root["env"])["instances_enabled"]).Value);
        foreach (var key in new[] { "wal_dir", "memtx_dir", "vinyl_dir" })
            Assert.Equal(InstanceLayout.VmDataSubdirectory, ((YamlScalarNode)app[key]).Value);
        Assert.Contains($"Install this directory as {InstanceLayout.AppDirectory("orders")}", ttYaml);
        Assert.Equal("/opt/tarantool/orders/var/lib/storage-001-1", InstanceLayout.DataDirectory(Request(CloudProvider.OnPremises), "orders", "storage-001-1"));
    }

    [Theory]
    [InlineData(CloudProvider.Kubernetes)]
    [InlineData(CloudProvider.Aws)]
    [InlineData(CloudProvider.Azure)]
    [InlineData(CloudProvider.Gcp)]
    public void Every_kubernetes_based_cloud_keeps_data_on_the_pod_volume(CloudProvider cloud)
    {
        Assert.True(InstanceLayout.InContainers(Request(cloud)));
        Assert.Equal($"{ContainerConfigRewriter.DataRoot}/storage-001-1", InstanceLayout.DataDirectory(Request(cloud), "orders", "storage-001-1"));
    }

    [Theory]
    [InlineData(CloudProvider.Aws)]
    [InlineData(CloudProvider.Gcp)]
    [InlineData(CloudProvider.OnPremises)]
    public void A_vm_deployment_keeps_data_on_the_host_whatever_the_cloud(CloudProvider cloud)
    {
        var request = Request(cloud) with { Deployment = DeploymentForm.Vm };
        Assert.False(InstanceLayout.InContainers(request));
        Assert.Equal("/opt/tarantool/orders/var/lib/storage-001-1", InstanceLayout.DataDirectory(request, "orders", "storage-001-1"));
    }

    private static ClusterRequest Request(CloudProvider cloud) => new()
    {
        ClusterName = "orders", ClusterType = ClusterType.Replicated, Environment = DeploymentEnvironment.Production, CloudProvider = cloud,
    };

    [Fact]
    public void Finds_data_directories_of_another_layout()
    {
        var instances = new HashSet<string>(StringComparer.Ordinal) { "db-001-1", "db-001-2" };
        const string text = "`restore.sh db-001-2 --data-dir /var/lib/tarantool/orders/db-001-1`, then `tt cat /opt/tarantool/orders/var/lib/db-001-2/*.xlog`; "
            + "move /opt/tarantool/orders/var/lib/db-001-2 to /opt/tarantool/orders/var/lib/db-001-2.broken; scratch in /opt/tarantool/orders/var/lib/restore.";

        var found = InstanceLayout.MisplacedDataDirectories(text, Request(CloudProvider.OnPremises), "orders", instances).ToList();

        Assert.Equal([("/var/lib/tarantool/orders/db-001-1", "/opt/tarantool/orders/var/lib/db-001-1")], found);
        Assert.Empty(InstanceLayout.MisplacedDataDirectories("/var/lib/tarantool/db-001-1 and unix:///var/run/tarantool/db-001-1.control", Request(CloudProvider.Gcp), "orders", instances));
    }

    [Theory]
    [InlineData("`tt start orders:db-001-1`", true)]
    [InlineData("`tt kill -f orders:db-001-1`", true)]
    [InlineData("`tt replicaset rebootstrap orders:db-001-1 -y`", true)]
    [InlineData("`tt replicaset promote orders:db-001-2`", false)]
    [InlineData("`tt connect orders:db-001-1 -f -`", false)]
    [InlineData("`sudo systemctl start tarantool-orders@db-001-1.service`", false)]
    public void Recognises_commands_that_bypass_the_supervisor(string step, bool bypasses) =>
        Assert.Equal(bypasses, InstanceLayout.BypassesSupervisor(step));
}
