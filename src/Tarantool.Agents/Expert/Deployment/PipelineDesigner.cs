using Tarantool.Agents.Expert.Documentation;
using Tarantool.Agents.Phases.Deployment;
using Tarantool.Agents.Phases.Documentation;

namespace Tarantool.Agents.Expert.Deployment;

/// <summary>
/// The CI/CD stages: lint (YAML, shell, playbook syntax or Kubernetes schemas, timer calendars), validate (alert rules
/// with promtool, the Tarantool configuration with tt), deploy (files, backup timers, rolling update) and verify
/// (health of every instance). Deploy and verify only run on the main branch, behind the environment's approval.
/// </summary>
internal sealed class PipelineDesigner
{
    public const string PrometheusImage = "prom/prometheus:v3.5.0";
    public const string KubeconformImage = "ghcr.io/yannh/kubeconform:v0.6.7";

    public IReadOnlyList<PipelineStage> Design(ClusterProfile cluster, string form, BackupSchedule schedule)
    {
        var kubernetes = form == DeploymentForms.Kubernetes;
        var ru = cluster.Language == Requests.Language.Ru;
        return
        [
            new("lint", ru ? "Линтеры: YAML, shell, синтаксис плейбуков/манифестов" : "Lint YAML, shell scripts and playbook or manifest syntax", Lint(kubernetes, schedule)),
            new("validate", ru ? "Проверка правил алертов и конфигурации Tarantool" : "Validate the alert rules and the Tarantool configuration", Validate(cluster)),
            new("deploy", ru ? "Развёртывание файлов, таймеров бэкапа и поэтапное обновление" : "Deploy the files and backup schedule, then roll the update", Deploy(cluster, kubernetes)),
            new("verify", ru ? "Проверка здоровья всех инстансов" : "Check the health of every instance", Verify(cluster, kubernetes)),
        ];
    }

    private static IReadOnlyList<string> Lint(bool kubernetes, BackupSchedule schedule)
    {
        var commands = new List<string>
        {
            kubernetes ? "yamllint -d relaxed deploy/kubernetes deploy/ci kubernetes" : "yamllint -d relaxed deploy/ansible deploy/ci",
            "shellcheck deploy/scripts/*.sh backup/*.sh",
        };
        if (kubernetes)
        {
            commands.Add($"docker run --rm -v \"$PWD:/work:ro\" {KubeconformImage} -strict -summary -ignore-missing-schemas /work/kubernetes /work/deploy/kubernetes");
        }
        else
        {
            commands.Add("(cd deploy/ansible && for playbook in deploy.yml rolling-update.yml backup.yml restore.yml; do ansible-playbook --syntax-check \"$playbook\"; done)");
            commands.Add($"systemd-analyze calendar \"{schedule.FullBackupOnCalendar}\" \"{schedule.VerificationOnCalendar}\"");
        }
        return commands;
    }

    private static IReadOnlyList<string> Validate(ClusterProfile cluster)
    {
        var major = cluster.Version.Major.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var check = cluster.Tooling == TarantoolTooling.DeclarativeConfig ? $"tt cluster show {cluster.App} --validate" : $"tt check {cluster.App}";
        return
        [
            $"docker run --rm -v \"$PWD/monitoring:/monitoring:ro\" --entrypoint promtool {PrometheusImage} check rules /monitoring/alerts.yml",
            $"docker run --rm -v \"$PWD/monitoring:/monitoring:ro\" -w /monitoring --entrypoint promtool {PrometheusImage} test rules alerts.test.yml",
            $"curl -fsSL https://tarantool.io/release/{major}/installer.sh | sudo bash && sudo apt-get install -y tt",
            $"cp -R tarantool \"$RUNNER_TEMP/{cluster.App}\"",
            $"(cd \"$RUNNER_TEMP/{cluster.App}\" && {check})",
        ];
    }

    private static IReadOnlyList<string> Deploy(ClusterProfile cluster, bool kubernetes) =>
        kubernetes
            ? [$"NAMESPACE={Namespace(cluster)} bash deploy/scripts/deploy.sh", $"NAMESPACE={Namespace(cluster)} bash deploy/scripts/rolling-restart.sh"]
            :
            [
                "(cd deploy/ansible && ansible-playbook deploy.yml --vault-password-file \"$RUNNER_TEMP/vault-pass\")",
                "(cd deploy/ansible && ansible-playbook backup.yml)",
                "(cd deploy/ansible && ansible-playbook rolling-update.yml)",
            ];

    private static IReadOnlyList<string> Verify(ClusterProfile cluster, bool kubernetes) =>
        kubernetes
            ? [$"NAMESPACE={Namespace(cluster)} bash deploy/scripts/health-check.sh"]
            : [$"(cd deploy/ansible && ansible tarantool_nodes --become -m ansible.builtin.command -a \"{DeploymentLayout.OpsToolsDir}/health-check.sh\")"];

    private static string Namespace(ClusterProfile cluster) => Phases.Containers.PlatformNaming.Namespace(cluster.App);
}
