using System.Text.Json;
using Tarantool.Agents.Tests.Support;

namespace Tarantool.Agents.Tests.Intake;

/// <summary>What the CLI shows of intake: warnings in <c>intake --json</c>, and the deployment line and warnings before a run.</summary>
public sealed class IntakeCliTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly string[] Required = ["--cluster-name", "orders", "--cluster-type", "replicated", "--environment", "production"];

    [Fact]
    public async Task Intake_json_lists_the_warnings_and_exits_0()
    {
        var result = await CliRunner.RunAsync(["intake", "--json", .. Required, "300 GB of data, later 500 GB, 5k events per minute"]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var warnings = json.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("'500 GB'"));
        Assert.Contains(warnings, w => w.Contains("5k events per minute"));
    }

    [Fact]
    public async Task Plan_prints_the_deployment_choice_and_the_warnings_before_the_run_and_keeps_stdout_json()
    {
        var output = _temp.Combine("bundle");

        var result = await CliRunner.RunAsync(["plan", "--json", "--output", output, .. Required, "on AWS, 300 GB, availability 99.99%"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Deployment: kubernetes — not stated; the default for cloud aws is its managed Kubernetes (EKS). Pass --deployment vm", result.Error);
        Assert.Contains("Intake warning: Could not place '99.99%'", result.Error);
        using var manifest = JsonDocument.Parse(result.Out);
        Assert.Equal(JsonValueKind.Object, manifest.RootElement.ValueKind);
    }

    [Theory]
    [InlineData("--deployment", "containers", "--deployment")]
    [InlineData("--rpo", "soon", "--rpo")]
    [InlineData("--rto", "forever", "--rto")]
    public async Task A_bad_deployment_or_target_flag_exits_2_and_writes_nothing(string flag, string value, string mentioned)
    {
        var output = _temp.Combine("bundle");

        var result = await CliRunner.RunAsync(["plan", "--output", output, .. Required, flag, value, "a cluster"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(mentioned, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task An_even_replica_count_under_distributed_ha_exits_2_before_any_phase_and_writes_nothing()
    {
        var output = _temp.Combine("bundle");

        var result = await CliRunner.RunAsync(["plan", "--output", output, .. Required, "--ha-strategy", "distributed-ha", "--replicas", "4", "a cluster"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--replicas 4 (from the command line) cannot keep a quorum under --ha-strategy distributed-ha", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Kubernetes_on_premises_with_no_kubernetes_in_the_text_exits_2_with_one_message_and_writes_nothing()
    {
        var output = _temp.Combine("bundle");

        var result = await CliRunner.RunAsync(
            ["plan", "--output", output, .. Required, "--cloud-provider", "on-premises", "--deployment", "kubernetes", "on our own servers, no Kubernetes"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--deployment kubernetes (from the command line) contradicts the description, which says 'no Kubernetes'", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(Directory.Exists(output));
    }
}
