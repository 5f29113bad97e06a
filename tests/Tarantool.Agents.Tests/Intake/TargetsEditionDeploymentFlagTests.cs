using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Intake;

/// <summary>The edition, deployment form and recovery targets: flags, defaults and their sources.</summary>
public sealed class TargetsEditionDeploymentFlagTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("90", 90)]
    [InlineData("30s", 30)]
    [InlineData("15m", 900)]
    [InlineData("1h30m", 5400)]
    [InlineData("2 hours", 7200)]
    [InlineData("15 минут", 900)]
    [InlineData("PT15M", 900)]
    [InlineData("1d", 86400)]
    public void Rpo_and_rto_take_seconds_or_durations_with_units(string value, int seconds)
    {
        var result = IntakeFixture.ResolveFlags(IntakeFixture.Required(("rpo", value), ("rto", value)));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(seconds, result.Request!.RpoSeconds);
        Assert.Equal(seconds, result.Request.RtoSeconds);
        Assert.Equal(ValueSource.Flag, result.Sources["rpoSeconds"]);
        Assert.Equal(ValueSource.Flag, result.Sources["rtoSeconds"]);
    }

    [Theory]
    [InlineData("rpo", "-5", "negative")]
    [InlineData("rto", "-1m", "negative")]
    [InlineData("rpo", "soon", "not a duration")]
    [InlineData("rto", "5 fortnights", "not a duration")]
    [InlineData("rto", "1h 30", "not a duration")]
    [InlineData("rpo", "30d", "out of range")]
    public void A_bad_target_names_the_flag_and_what_to_write(string flag, string value, string problem)
    {
        var result = IntakeFixture.ResolveFlags(IntakeFixture.Required((flag, value)));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith($"--{flag}:", error);
        Assert.Contains(problem, error);
        Assert.Contains($"--{flag} 30s", error.Replace("to 7 days", "--" + flag + " 30s"));
    }

    [Fact]
    public void Targets_are_absent_unless_stated()
    {
        var result = IntakeFixture.ResolveFlags(IntakeFixture.Required());

        Assert.Null(result.Request!.RpoSeconds);
        Assert.Null(result.Request.RtoSeconds);
        Assert.False(result.Sources.ContainsKey("rpoSeconds"));
    }

    [Theory]
    [InlineData("community", Edition.Community)]
    [InlineData("Enterprise", Edition.Enterprise)]
    public void Edition_comes_from_its_flag(string value, Edition edition)
    {
        var result = IntakeFixture.ResolveFlags(IntakeFixture.Required(("edition", value)));

        Assert.Equal(edition, result.Request!.Edition);
        Assert.Equal(ValueSource.Flag, result.Sources["edition"]);
    }

    [Fact]
    public void Edition_defaults_to_community()
    {
        var result = IntakeFixture.ResolveFlags(IntakeFixture.Required());

        Assert.Equal(Edition.Community, result.Request!.Edition);
        Assert.Equal(ValueSource.Default, result.Sources["edition"]);
    }

    [Theory]
    [InlineData("edition", "ee", "community, enterprise")]
    [InlineData("deployment", "docker", "vm, kubernetes")]
    public void An_unknown_edition_or_form_lists_the_allowed_values(string flag, string value, string allowed)
    {
        var result = IntakeFixture.ResolveFlags(IntakeFixture.Required((flag, value)));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith($"--{flag}:", error);
        Assert.Contains(allowed, error);
    }

    [Theory]
    [InlineData("on-premises", DeploymentForm.Vm)]
    [InlineData("kubernetes", DeploymentForm.Kubernetes)]
    [InlineData("aws", DeploymentForm.Kubernetes)]
    [InlineData("azure", DeploymentForm.Kubernetes)]
    [InlineData("gcp", DeploymentForm.Kubernetes)]
    public void The_deployment_form_defaults_from_the_cloud(string cloud, DeploymentForm form)
    {
        var result = IntakeFixture.ResolveFlags(IntakeFixture.Required(("cloud-provider", cloud)));

        Assert.Equal(form, result.Request!.Deployment);
        Assert.Equal(ValueSource.Default, result.Sources["deployment"]);
    }

    [Fact]
    public void A_deployment_flag_overrides_the_clouds_default()
    {
        var result = IntakeFixture.ResolveFlags(IntakeFixture.Required(("cloud-provider", "aws"), ("deployment", "vm")));

        Assert.Equal(DeploymentForm.Vm, result.Request!.Deployment);
        Assert.False(result.Request.UsesKubernetes);
        Assert.Equal(ValueSource.Flag, result.Sources["deployment"]);
    }
}
