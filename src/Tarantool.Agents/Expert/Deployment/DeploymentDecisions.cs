using System.Globalization;
using Tarantool.Agents.Expert.Documentation;
using Tarantool.Agents.Phases.Deployment;
using Tarantool.Agents.Phases.Documentation;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.Deployment;

/// <summary>The decisions of the deployment plan, each with its reason, in the request's language.</summary>
internal static class DeploymentDecisions
{
    public static IReadOnlyList<string> For(ClusterProfile cluster, string form, IReadOnlyList<RollingReplicaset> rolling)
    {
        var ru = cluster.Language == Language.Ru;
        string T(string en, string rus) => ru ? rus : en;
        var decisions = new List<string>
        {
            form == DeploymentForms.Kubernetes
                ? T($"Kubernetes on {GuideFigures.Cloud(cluster.Request.CloudProvider)}: the containers phase's StatefulSets run the instances; deploy/scripts drive them with kubectl. The StatefulSets use the {Phases.Containers.StatefulSetBuilder.UpdateStrategy} update strategy, so only rolling-restart.sh restarts pods, in the safe order (it refuses to run otherwise), and deploy.sh waits for ready pods instead of kubectl rollout status.",
                    $"Kubernetes в {GuideFigures.Cloud(cluster.Request.CloudProvider)}: инстансы работают в StatefulSet из фазы контейнеров; скрипты deploy/scripts управляют ими через kubectl. У StatefulSet стратегия обновления {Phases.Containers.StatefulSetBuilder.UpdateStrategy}, поэтому поды перезапускает только rolling-restart.sh и в безопасном порядке (иначе он не запускается), а deploy.sh ждёт готовности подов вместо kubectl rollout status.")
                : T($"Ansible + systemd on premises: Ansible installs Tarantool {cluster.Version} and tt from tarantool.io, the application in {DeploymentLayout.AppDir(cluster.InstallDir, cluster.App)} and the containers phase's unit template {DeploymentLayout.InstanceUnit(cluster.App)} with its target (systemd/); systemd supervises every instance as {DeploymentLayout.InstanceService(cluster.App, "<instance>")} and restarts it on failure; tt is the control tool.",
                    $"Ansible + systemd на собственных серверах: Ansible ставит Tarantool {cluster.Version} и tt из репозитория tarantool.io, приложение в {DeploymentLayout.AppDir(cluster.InstallDir, cluster.App)} и шаблон службы {DeploymentLayout.InstanceUnit(cluster.App)} фазы контейнеров с его target (systemd/); systemd следит за каждым инстансом как {DeploymentLayout.InstanceService(cluster.App, "<instance>")} и перезапускает его при сбое; tt — инструмент управления."),
            T("Developers run the cluster locally with docker compose (the containers phase's compose file); the same config.yaml is used everywhere.",
              "Разработчики запускают кластер локально через docker compose (compose-файл фазы контейнеров); config.yaml везде один и тот же."),
        };
        foreach (var method in rolling.Select(r => r.SwitchoverMethod).Distinct().Order(StringComparer.Ordinal))
            decisions.Add(method switch
            {
                SwitchoverMethods.Promote => T("Election failover: before a leader restarts, box.ctl.promote() on a candidate of the same region takes over the lead; voters never do.",
                    "Выборы (election): перед перезапуском лидера box.ctl.promote() на кандидате из того же региона забирает лидерство; голосующие (voter) лидерами не становятся."),
                SwitchoverMethods.ConfigLeader => T("Manual failover: the lead moves by changing leader: in config.yaml on every host and reloading the old leader first, then the new one, then the rest; after the restart it is moved back so the hosts match the bundle.",
                    "Ручной failover: лидерство переносится правкой leader: в config.yaml на всех хостах и перезагрузкой конфигурации сначала на старом лидере, затем на новом, затем на остальных; после перезапуска лидерство возвращается, чтобы хосты совпадали с бандлом."),
                SwitchoverMethods.ReadOnlyWindow => T("Tarantool 2.11 with manual failover has no safe runtime switchover (each instance file fixes read_only): the leader is made read-only and restarted, a write pause of one restart; reads continue on the replicas.",
                    "В Tarantool 2.11 с ручным failover нет безопасного переключения на лету (read_only задан в файле инстанса): лидер переводится в read-only и перезапускается — пауза записи на время одного перезапуска; чтение продолжается на репликах."),
                SwitchoverMethods.FailoverPromote => T("Cartridge stateful failover: cartridge.failover_promote() moves the lead through the stateboard before a leader restarts.",
                    "Stateful failover Cartridge: перед перезапуском лидера cartridge.failover_promote() переносит лидерство через stateboard."),
                SwitchoverMethods.FailoverPriority => T("Cartridge eventual/disabled failover: the lead follows the failover priority, which is swapped before the leader restarts and swapped back afterwards.",
                    "Cartridge eventual/disabled failover: лидер определяется приоритетом failover, который меняется перед перезапуском лидера и возвращается после."),
                _ => T("Replicasets with a single instance (or several masters) restart without a switchover; a single instance means a short outage per restart.",
                    "Репликасеты из одного инстанса (или с несколькими мастерами) перезапускаются без переключения; один инстанс означает короткий простой на время перезапуска."),
            });
        if (form == DeploymentForms.Kubernetes && rolling.Any(r => r.SwitchoverMethod == SwitchoverMethods.ConfigLeader))
            decisions.Add(T("On Kubernetes the manual leader lives in the ConfigMap: rolling-restart.sh stops before a leader restart and asks for a reviewed change of leader: in kubernetes/.",
                "В Kubernetes лидер при ручном failover хранится в ConfigMap: rolling-restart.sh останавливается перед перезапуском лидера и просит проверенное изменение leader: в kubernetes/."));
        decisions.Add(T($"Backups are taken on a replica of each data replicaset ({string.Join(", ", cluster.DataReplicasets.Select(cluster.BackupInstance))}) so the snapshot I/O stays off the write path; retention is {cluster.Backup.RetentionDays.ToString(CultureInfo.InvariantCulture)} days, passed to the backup scripts.",
            $"Бэкап снимается с реплики каждого репликасета с данными ({string.Join(", ", cluster.DataReplicasets.Select(cluster.BackupInstance))}), чтобы нагрузка снапшота не ложилась на лидера; срок хранения ({GuideFigures.Days(cluster.Backup.RetentionDays, Language.Ru)}) передаётся скриптам бэкапа."));
        decisions.Add(form == DeploymentForms.Kubernetes
            ? T($"Secrets come from the Kubernetes Secret {Phases.Containers.PlatformNaming.Namespace(cluster.App)}-credentials; the CI pipeline only holds the kubeconfig as a repository secret.",
                $"Секреты берутся из Kubernetes Secret {Phases.Containers.PlatformNaming.Namespace(cluster.App)}-credentials; в CI хранится только kubeconfig как секрет репозитория.")
            : T($"Secrets live in ansible-vault and land in {DeploymentLayout.SecretsFile(cluster.App)} (mode 0640, group tarantool), read by systemd; the CI pipeline holds only the vault password and the SSH key as repository secrets.",
                $"Секреты хранятся в ansible-vault и попадают в {DeploymentLayout.SecretsFile(cluster.App)} (режим 0640, группа tarantool), который читает systemd; в CI как секреты репозитория хранятся только пароль vault и SSH-ключ."));
        if (cluster.Tooling == TarantoolTooling.DeclarativeConfig && cluster.Sharded)
            decisions.Add(T("vshard is bootstrapped once from the first router with vshard.router.bootstrap({if_not_bootstrapped = true}), so re-running the deployment is harmless.",
                "vshard инициализируется один раз с первого роутера через vshard.router.bootstrap({if_not_bootstrapped = true}), поэтому повторный запуск развёртывания безопасен."));
        return decisions;
    }
}
