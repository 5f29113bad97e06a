using System.Text;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.Deployment.Ci;

/// <summary>
/// Writes <c>deploy/ci/github-actions.yml</c> (copy it to <c>.github/workflows/</c>): one job per pipeline stage, each
/// needing the previous one, with the stage's commands as its script. Deploy and verify run only on the main branch,
/// in a GitHub environment named after the deployment environment (so production can require an approval); their
/// credentials come from repository secrets, never from the file.
/// </summary>
internal sealed class GitHubActionsWriter
{
    public string Write(DeploymentPlan plan, DeploymentEnvironment environment)
    {
        var text = new StringBuilder();
        text.Append($$$"""
            # CI/CD of the {{{plan.AppName}}} Tarantool cluster ({{{plan.Form}}}). Copy to .github/workflows/{{{plan.AppName}}}.yml.
            # Secrets used: {{{string.Join(", ", SecretsUsed(plan))}}}.
            name: {{{plan.AppName}}} tarantool cluster

            on:
              push:
                branches: [main]
              pull_request:
              workflow_dispatch:

            permissions:
              contents: read

            concurrency:
              group: {{{plan.AppName}}}-deploy
              cancel-in-progress: false

            jobs:

            """);
        string? previous = null;
        foreach (var stage in plan.Pipeline)
        {
            var id = JobId(stage.Name);
            text.Append($"  {id}:\n");
            text.Append($"    name: {YamlText.Scalar(stage.Name)}\n");
            text.Append("    runs-on: ubuntu-24.04\n");
            if (previous is not null) text.Append($"    needs: {previous}\n");
            var deploying = IsDeployStage(stage.Name);
            if (deploying)
            {
                text.Append("    if: github.ref == 'refs/heads/main' && github.event_name != 'pull_request'\n");
                text.Append($"    environment: {environment.ToString().ToLowerInvariant()}\n");
            }
            text.Append("    steps:\n");
            text.Append("      - uses: actions/checkout@v4\n");
            foreach (var step in SetupSteps(plan, stage.Name)) text.Append(step);
            text.Append($"      - name: {YamlText.Quote(stage.Purpose)}\n");
            text.Append("        shell: bash\n");
            text.Append("        run: |\n");
            foreach (var command in stage.Commands)
                foreach (var line in command.Split('\n'))
                    text.Append("          ").Append(line).Append('\n');
            text.Append('\n');
            previous = id;
        }
        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static bool IsDeployStage(string name) => name is "deploy" or "verify" || name.StartsWith("deploy", StringComparison.Ordinal);

    private static IEnumerable<string> SetupSteps(DeploymentPlan plan, string stage)
    {
        var kubernetes = plan.Form == DeploymentForms.Kubernetes;
        if (stage == "lint")
        {
            yield return kubernetes
                ? "      - name: Install linters\n        run: sudo apt-get update && sudo apt-get install -y shellcheck yamllint\n"
                : "      - name: Install linters\n        run: sudo apt-get update && sudo apt-get install -y shellcheck yamllint ansible-core\n";
            yield break;
        }
        if (!IsDeployStage(stage)) yield break;
        if (kubernetes)
        {
            yield return """
                      - name: Write the kubeconfig
                        env:
                          KUBECONFIG_DATA: ${{ secrets.KUBECONFIG }}
                        run: |
                          install -m 700 -d ~/.kube
                          printf '%s' "$KUBECONFIG_DATA" | base64 -d > ~/.kube/config
                          chmod 600 ~/.kube/config

                """;
            yield break;
        }
        yield return """
                  - name: Install Ansible
                    run: sudo apt-get update && sudo apt-get install -y ansible-core
                  - name: Write the SSH key and the vault password
                    env:
                      DEPLOY_SSH_KEY: ${{ secrets.DEPLOY_SSH_KEY }}
                      SSH_KNOWN_HOSTS: ${{ secrets.SSH_KNOWN_HOSTS }}
                      ANSIBLE_VAULT_PASSWORD: ${{ secrets.ANSIBLE_VAULT_PASSWORD }}
                    run: |
                      install -m 700 -d ~/.ssh
                      printf '%s\n' "$DEPLOY_SSH_KEY" > ~/.ssh/id_ed25519
                      chmod 600 ~/.ssh/id_ed25519
                      printf '%s\n' "$SSH_KNOWN_HOSTS" > ~/.ssh/known_hosts
                      printf '%s' "$ANSIBLE_VAULT_PASSWORD" > "$RUNNER_TEMP/vault-pass"
                      chmod 600 "$RUNNER_TEMP/vault-pass"

            """;
    }

    private static IEnumerable<string> SecretsUsed(DeploymentPlan plan) =>
        plan.Form == DeploymentForms.Kubernetes ? ["KUBECONFIG"] : ["DEPLOY_SSH_KEY", "SSH_KNOWN_HOSTS", "ANSIBLE_VAULT_PASSWORD"];

    private static string JobId(string name)
    {
        var id = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        return id.Length == 0 || !char.IsAsciiLetter(id[0]) ? "stage-" + id : id;
    }
}
