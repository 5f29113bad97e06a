using Tarantool.Agents.Expert.Deployment;
using Tarantool.Agents.Expert.Documentation;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.Deployment;
using Tarantool.Agents.Phases.Documentation;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Tests.Phases.Documentation;

namespace Tarantool.Agents.Tests.Expert.Documentation;

/// <summary>Phases 9 and 10 on the outputs of the real upstream experts: their answers pass their own validators.</summary>
public sealed class UpstreamChainTests
{
    public static TheoryData<string, Language> Cases()
    {
        var data = new TheoryData<string, Language>();
        foreach (var key in UpstreamChain.Keys)
        {
            data.Add(key, Language.En);
            data.Add(key, Language.Ru);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Guide_passes_its_validator_on_real_upstream_outputs(string key, Language language)
    {
        var context = UpstreamChain.ContextFor(UpstreamChain.Request(key), language);
        var guide = new DocumentationExpert().Design(context);

        var errors = DocumentationPhase.Spec.Validate(guide, context).Where(i => i.Severity == ValidationSeverity.Error).ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Deployment_plan_passes_its_validator_on_real_upstream_outputs(string key, Language language)
    {
        var context = UpstreamChain.ContextFor(UpstreamChain.Request(key), language);
        var plan = new DeploymentExpert().Design(context);

        var errors = DeploymentPhase.Spec.Validate(plan, context).Where(i => i.Severity == ValidationSeverity.Error).ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.NotEmpty(DeploymentPhase.Spec.Render(plan, context));
    }

    [ToolTheory("shellcheck", "ansible-playbook")]
    [MemberData(nameof(Keys))]
    public void Rendered_deployment_passes_shellcheck_and_ansible_syntax_check(string key)
    {
        var context = UpstreamChain.ContextFor(UpstreamChain.Request(key), Language.En);
        var plan = new DeploymentExpert().Design(context);
        var root = ExternalTool.TempDirectory("tt-chain");
        try
        {
            foreach (var file in DeploymentPhase.Spec.Render(plan, context))
            {
                var path = Path.Combine(root, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Content);
                if (file.Path.EndsWith(".sh", StringComparison.Ordinal))
                {
                    var (code, output) = ExternalTool.Run("shellcheck", ["--shell=bash", "--severity=style", path]);
                    Assert.True(code == 0, $"{file.Path}:\n{output}");
                }
            }
            var ansible = Path.Combine(root, "deploy", "ansible");
            if (!Directory.Exists(ansible)) return;
            var env = new Dictionary<string, string> { ["ANSIBLE_CONFIG"] = Path.Combine(ansible, "ansible.cfg"), ["HOME"] = root };
            foreach (var playbook in new[] { "deploy.yml", "rolling-update.yml", "backup.yml", "restore.yml" })
            {
                var (code, output) = ExternalTool.Run("ansible-playbook", ["-i", "inventory.yml", "--syntax-check", playbook], ansible, env);
                Assert.True(code == 0 && !output.Contains("[WARNING]", StringComparison.Ordinal), $"{playbook}:\n{output}");
            }
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    public static TheoryData<string> Keys() => new(UpstreamChain.Keys);
}
