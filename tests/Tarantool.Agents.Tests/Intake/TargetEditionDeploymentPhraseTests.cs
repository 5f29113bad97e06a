using Tarantool.Agents.Intake;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Intake;

/// <summary>RPO and RTO targets, the edition and the deployment form as people write them, in English and Russian.</summary>
public sealed class TargetEditionDeploymentPhraseTests
{
    private static IntakeResult Read(string description, params (string Name, string Value)[] flags)
    {
        var result = IntakeFixture.Resolve(description, IntakeFixture.Required(flags));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result;
    }

    [Theory]
    [InlineData("RPO 30 seconds", 30)]
    [InlineData("zero data loss", 0)]
    [InlineData("no more than a minute of writes may be lost", 60)]
    [InlineData("RPO of 5 min", 300)]
    [InlineData("RPO = 0", 0)]
    [InlineData("we can lose at most 10 seconds of data", 10)]
    [InlineData("recovery point objective: 2 minutes", 120)]
    [InlineData("без потери данных", 0)]
    [InlineData("потеря данных не более 1 минуты", 60)]
    [InlineData("RPO — 15 секунд", 15)]
    public void Rpo_phrases(string description, int seconds)
    {
        var result = Read(description);

        Assert.Equal(seconds, result.Request!.RpoSeconds);
        Assert.Equal(ValueSource.Text, result.Sources["rpoSeconds"]);
        Assert.Null(result.Request.RtoSeconds);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("service restored within an hour", 3_600)]
    [InlineData("RTO 15 minutes", 900)]
    [InlineData("recovery time objective of 2 hours", 7_200)]
    [InlineData("back online in 10 minutes", 600)]
    [InlineData("время восстановления 20 минут", 1_200)]
    [InlineData("восстановление за полчаса", 1_800)]
    [InlineData("простой не более 5 минут", 300)]
    [InlineData("failover within 30 seconds", 30)]
    [InlineData("сервис должен восстанавливаться не дольше 15 минут", 900)]
    public void Rto_phrases(string description, int seconds)
    {
        var result = Read(description);

        Assert.Equal(seconds, result.Request!.RtoSeconds);
        Assert.Equal(ValueSource.Text, result.Sources["rtoSeconds"]);
        Assert.Null(result.Request.RpoSeconds);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("RPO 30 seconds, RTO 15 minutes", 30, 900)]
    [InlineData("Zero data loss; the service must be restored within an hour.", 0, 3_600)]
    [InlineData("RPO — 1 минута, время восстановления 20 минут", 60, 1_200)]
    [InlineData("Tarantool 3.2 on virtual machines in AWS, RPO 0, RTO 5 min", 0, 300)]
    public void Both_targets_in_one_description(string description, int rpo, int rto)
    {
        var request = Read(description).Request!;

        Assert.Equal(rpo, request.RpoSeconds);
        Assert.Equal(rto, request.RtoSeconds);
    }

    [Fact]
    public void A_target_flag_wins_over_the_text() =>
        Assert.Equal(5, Read("RPO 30 seconds", ("rpo", "5s")).Request!.RpoSeconds);

    [Fact]
    public void A_target_in_the_text_beyond_a_week_is_refused_with_what_to_change()
    {
        var result = IntakeFixture.Resolve("RTO 30 days", IntakeFixture.Required());

        Assert.Contains(result.Errors, e => e.Contains("rto", StringComparison.OrdinalIgnoreCase) && e.Contains("7 days"));
    }

    [Theory]
    [InlineData("Enterprise Edition", Edition.Enterprise)]
    [InlineData("we run Tarantool Enterprise", Edition.Enterprise)]
    [InlineData("TDE is required", Edition.Enterprise)]
    [InlineData("Enterprise-версия", Edition.Enterprise)]
    [InlineData("Community Edition", Edition.Community)]
    [InlineData("open-source Tarantool", Edition.Community)]
    [InlineData("без Enterprise", Edition.Community)]
    [InlineData("no Enterprise licence", Edition.Community)]
    public void Edition_phrases(string description, Edition edition)
    {
        var result = Read(description);

        Assert.Equal(edition, result.Request!.Edition);
        Assert.Equal(ValueSource.Text, result.Sources["edition"]);
    }

    [Fact]
    public void A_bare_enterprise_says_nothing_about_the_edition()
    {
        var result = Read("a store for our enterprise customers");

        Assert.Equal(Edition.Community, result.Request!.Edition);
        Assert.Equal(ValueSource.Default, result.Sources["edition"]);
    }

    [Theory]
    [InlineData("on EKS", DeploymentForm.Kubernetes, CloudProvider.Aws)]
    [InlineData("GKE", DeploymentForm.Kubernetes, CloudProvider.Gcp)]
    [InlineData("runs in AKS", DeploymentForm.Kubernetes, CloudProvider.Azure)]
    [InlineData("on-premises Kubernetes", DeploymentForm.Kubernetes, CloudProvider.Kubernetes)]
    [InlineData("k8s", DeploymentForm.Kubernetes, CloudProvider.Kubernetes)]
    [InlineData("EC2 instances", DeploymentForm.Vm, CloudProvider.Aws)]
    [InlineData("Google Compute Engine", DeploymentForm.Vm, CloudProvider.Gcp)]
    [InlineData("virtual machines on Azure", DeploymentForm.Vm, CloudProvider.Azure)]
    [InlineData("bare metal", DeploymentForm.Vm, CloudProvider.OnPremises)]
    [InlineData("на виртуальных машинах в своем ЦОД", DeploymentForm.Vm, CloudProvider.OnPremises)]
    [InlineData("on-premises, no Kubernetes", DeploymentForm.Vm, CloudProvider.OnPremises)]
    [InlineData("на своих серверах, без Kubernetes", DeploymentForm.Vm, CloudProvider.OnPremises)]
    [InlineData("EKS with worker nodes on EC2", DeploymentForm.Kubernetes, CloudProvider.Aws)]
    public void Deployment_phrases(string description, DeploymentForm form, CloudProvider cloud)
    {
        var result = Read(description);

        Assert.Equal(form, result.Request!.Deployment);
        Assert.Equal(cloud, result.Request.CloudProvider);
        Assert.Equal(ValueSource.Text, result.Sources["deployment"]);
    }

    [Theory]
    [InlineData("on AWS", DeploymentForm.Kubernetes, "managed Kubernetes (EKS)")]
    [InlineData("in Azure", DeploymentForm.Kubernetes, "managed Kubernetes (AKS)")]
    [InlineData("on GCP", DeploymentForm.Kubernetes, "managed Kubernetes (GKE)")]
    [InlineData("on our own servers", DeploymentForm.Vm, "on-premises hosts")]
    public void An_unstated_deployment_follows_the_cloud_and_the_summary_says_why(string description, DeploymentForm form, string why)
    {
        var result = Read(description);

        Assert.Equal(form, result.Request!.Deployment);
        Assert.Equal(ValueSource.Default, result.Sources["deployment"]);
        var line = IntakeSummary.DeploymentLine(result)!;
        Assert.Contains("not stated", line);
        Assert.Contains(why, line);
        Assert.Contains("--deployment", line);
    }

    [Fact]
    public void A_stated_deployment_is_named_with_its_source() =>
        Assert.Equal("Deployment: vm (from the description).", IntakeSummary.DeploymentLine(Read("AWS, on EC2 virtual machines")));

    [Fact]
    public void Kubernetes_asked_for_on_the_command_line_against_no_kubernetes_in_the_text_is_refused()
    {
        var result = IntakeFixture.Resolve("on-premises, no Kubernetes",
            IntakeFixture.Required(("cloud-provider", "on-premises"), ("deployment", "kubernetes")));

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Contains("--deployment kubernetes (from the command line)", error);
        Assert.Contains("no Kubernetes", error);
        Assert.Contains("--deployment vm", error);
    }

    [Fact]
    public void The_kubernetes_cloud_flag_against_no_kubernetes_in_the_text_is_refused()
    {
        var result = IntakeFixture.Resolve("без Kubernetes", IntakeFixture.Required(("cloud-provider", "kubernetes")));

        Assert.Contains(result.Errors, e => e.Contains("--cloud-provider kubernetes") && e.Contains("без Kubernetes"));
    }

    [Fact]
    public void A_vm_flag_agrees_with_no_kubernetes_in_the_text() =>
        Assert.Equal(DeploymentForm.Vm, Read("on-premises, no Kubernetes", ("deployment", "vm")).Request!.Deployment);
}
