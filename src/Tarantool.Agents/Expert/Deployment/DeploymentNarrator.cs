using System.Globalization;
using Tarantool.Agents.Expert.Documentation;
using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Deployment;

namespace Tarantool.Agents.Expert.Deployment;

/// <summary>Writes the deployment narrative: what is deployed how, in which order it is updated, when backups run.</summary>
internal sealed class DeploymentNarrator(ClusterProfile cluster, DeploymentPlan plan)
{
    private readonly NarrativeBuilder _md = new(cluster.Language);

    public string Write()
    {
        _md.Title($"Deployment automation of {plan.AppName}", $"Автоматизация развёртывания {plan.AppName}");
        Summary();
        Inventory();
        Deployment();
        Rolling();
        Backups();
        Pipeline();
        return _md.ToString();
    }

    private bool Kubernetes => plan.Form == DeploymentForms.Kubernetes;

    private string Namespace => Phases.Containers.PlatformNaming.Namespace(plan.AppName);

    private void Summary()
    {
        _md.Section(DeploymentPhase.Summary);
        _md.Paragraph(
            $"The {plan.AppName} cluster ({plan.Inventory.Count} instances on {plan.Inventory.Select(i => i.Host).Distinct().Count()} hosts, Tarantool {plan.TarantoolVersion}) is deployed with **{plan.Form}**; developers run it locally with **{plan.LocalDevelopment}**. Updates never take writes down: replicas restart first, then the lead moves, then the leader restarts. Backups run on the backup plan's schedule and keep {plan.BackupSchedule.RetentionDays} days.",
            $"Кластер {plan.AppName} (инстансов: {plan.Inventory.Count}, хостов: {plan.Inventory.Select(i => i.Host).Distinct().Count()}, Tarantool {plan.TarantoolVersion}) разворачивается через **{plan.Form}**; локально разработчики запускают его через **{plan.LocalDevelopment}**. Обновления не останавливают запись: сначала перезапускаются реплики, затем переносится лидерство, и только потом перезапускается лидер. Бэкапы идут по расписанию плана резервного копирования и хранятся {GuideFigures.Days(plan.BackupSchedule.RetentionDays, cluster.Language)}.");
        _md.Bullets(plan.Decisions);
    }

    private void Inventory()
    {
        _md.Section(DeploymentPhase.Inventory);
        _md.Paragraph(
            Kubernetes
                ? "On Kubernetes the inventory is the list of pods: each replicaset is a StatefulSet named after it, and pod names equal instance names."
                : "The Ansible inventory has one host per Tarantool instance (ansible_host is its machine), so serial updates, restores and checks address instances; the machines themselves form tarantool_nodes for packages and files.",
            Kubernetes
                ? "В Kubernetes инвентарь — это список подов: каждый репликасет — StatefulSet с его именем, имена подов совпадают с именами инстансов."
                : "В инвентаре Ansible каждый инстанс Tarantool — отдельный хост (ansible_host — его машина), поэтому последовательные обновления, восстановление и проверки адресуют инстансы; сами машины собраны в группу tarantool_nodes для пакетов и файлов.");
        _md.Table(
            [_md.T("Instance", "Инстанс"), _md.T("Replicaset", "Репликасет"), _md.T("Host", "Хост"), "iproto", _md.T("Metrics", "Метрики")],
            plan.Inventory.Select(i => (IReadOnlyList<string>)[i.Name, i.Replicaset, i.Host, Figures.Integer(i.Port), Figures.Integer(i.MetricsPort)]));
        _md.Paragraph(_md.T("Groups:", "Группы:"));
        _md.Bullets(plan.Groups.Select(g => $"`{g.Name}`: " + string.Join(", ", g.Instances.Concat(g.Children))));
    }

    private void Deployment()
    {
        _md.Section(DeploymentPhase.Deployment);
        if (Kubernetes)
        {
            _md.Paragraph(
                $"deploy.sh applies kubernetes/ and the backup CronJobs, waits until every pod of every StatefulSet is ready and checks every instance; it never restarts running pods. The StatefulSets use the {Phases.Containers.StatefulSetBuilder.UpdateStrategy} update strategy, so a new image or config reaches a pod only when rolling-restart.sh deletes it, in the order below.",
                $"deploy.sh применяет kubernetes/ и CronJob бэкапов, ждёт готовности всех подов каждого StatefulSet и проверяет каждый инстанс; работающие поды он не перезапускает. У StatefulSet стратегия обновления {Phases.Containers.StatefulSetBuilder.UpdateStrategy}, поэтому новый образ или конфигурация попадают в под, только когда rolling-restart.sh удаляет его, в порядке ниже.");
            _md.Code("bash", $"NAMESPACE={Namespace} deploy/scripts/deploy.sh\nNAMESPACE={Namespace} deploy/scripts/health-check.sh");
            return;
        }
        _md.Paragraph(
            $"deploy.yml installs Tarantool {plan.TarantoolVersion} and tt from the tarantool.io repository, installs the application, which is also its tt environment, in {DeploymentLayout.AppDir(plan.InstallDir, plan.AppName)} and the backup scripts in {DeploymentLayout.BackupToolsDir}, writes the secrets file from ansible-vault, installs the containers phase's systemd unit template {DeploymentLayout.InstanceUnit(plan.AppName)} and its target from systemd/ and starts instances that are not running. Data goes to {DeploymentLayout.DataRoot(plan.InstallDir, plan.AppName)}/<instance>: mount the data disk there (the playbook warns when it is not a mount point). It never restarts a running instance: changes are applied by rolling-update.yml. Without Ansible, deploy/scripts/deploy.sh does the same on one host.",
            $"deploy.yml ставит Tarantool {plan.TarantoolVersion} и tt из репозитория tarantool.io, устанавливает приложение (оно же окружение tt) в {DeploymentLayout.AppDir(plan.InstallDir, plan.AppName)} и скрипты бэкапа в {DeploymentLayout.BackupToolsDir}, пишет файл секретов из ansible-vault, устанавливает шаблон службы {DeploymentLayout.InstanceUnit(plan.AppName)} фазы контейнеров и его target из systemd/ и запускает неработающие инстансы. Данные попадают в {DeploymentLayout.DataRoot(plan.InstallDir, plan.AppName)}/<инстанс>: смонтируйте туда диск данных (плейбук предупреждает, если это не точка монтирования). Работающий инстанс он никогда не перезапускает: изменения применяет rolling-update.yml. Без Ansible то же самое на одном хосте делает deploy/scripts/deploy.sh.");
        _md.Code("bash", "cd deploy/ansible\nansible-playbook deploy.yml --ask-vault-pass\nansible-playbook backup.yml\nansible-playbook rolling-update.yml");
    }

    private void Rolling()
    {
        _md.Section(DeploymentPhase.RollingUpdates);
        _md.Paragraph(
            $"Replicasets are updated one after another: {string.Join(" → ", plan.RollingUpdate.Select(r => r.Replicaset))}. Storages go before routers because a router works with storages one version ahead. Inside a replicaset one instance restarts at a time and the next waits until it is healthy: running, following every upstream with lag ≤ {Figures.Number(plan.MaxReplicationLagSeconds, 1)} s.",
            $"Репликасеты обновляются по очереди: {string.Join(" → ", plan.RollingUpdate.Select(r => r.Replicaset))}. Хранилища идут раньше роутеров, потому что роутер работает с хранилищами на версию новее. Внутри репликасета перезапускается один инстанс за раз, и следующий ждёт, пока предыдущий не станет здоровым: запущен, следует за всеми апстримами с отставанием ≤ {Figures.Number(plan.MaxReplicationLagSeconds, 1)} с.");
        _md.Table(
            [_md.T("Replicaset", "Репликасет"), _md.T("Restart order", "Порядок перезапуска"), _md.T("Leader", "Лидер"), _md.T("Switch to", "Переключение на"), _md.T("Method", "Способ")],
            plan.RollingUpdate.Select(r => (IReadOnlyList<string>)[r.Replicaset, string.Join(" → ", r.Order), Dash(r.Leader), Dash(r.SwitchoverTo), r.SwitchoverMethod]));
        _md.Paragraph(
            $"Start timeout, the recovery-time estimate's start budget that also sizes the startup probe, the healthchecks and systemd's TimeoutStartSec: max({RecoveryBudget.MinimumSeconds} s, {Figures.Number(RecoveryBudget.SafetyFactor)} × ({Figures.Number(cluster.Capacity.SnapshotSizeGb, 1)} GB snapshot at {Figures.Number(RecoveryBudget.SnapshotMbPerSecond, 0)} MB/s + {Figures.Number(cluster.Capacity.WalSizeGb, 1)} GB WAL at {Figures.Number(RecoveryBudget.WalMbPerSecond, 0)} MB/s + {RecoveryBudget.ProcessStartSeconds} s)) = **{plan.StartTimeoutSeconds} s**. Lag limit: max(1, 5 × {cluster.Topology.CrossRegionLatencyBudgetMs} ms) = **{Figures.Number(plan.MaxReplicationLagSeconds, 1)} s**.",
            $"Тайм-аут запуска — бюджет запуска из оценки времени восстановления, тот же, что у startup-пробы, healthcheck и TimeoutStartSec в systemd: max({RecoveryBudget.MinimumSeconds} с, {Figures.Number(RecoveryBudget.SafetyFactor)} × ({Figures.Number(cluster.Capacity.SnapshotSizeGb, 1)} ГБ снапшота при {Figures.Number(RecoveryBudget.SnapshotMbPerSecond, 0)} МБ/с + {Figures.Number(cluster.Capacity.WalSizeGb, 1)} ГБ WAL при {Figures.Number(RecoveryBudget.WalMbPerSecond, 0)} МБ/с + {RecoveryBudget.ProcessStartSeconds} с)) = **{plan.StartTimeoutSeconds} с**. Предел отставания: max(1, 5 × {cluster.Topology.CrossRegionLatencyBudgetMs} мс) = **{Figures.Number(plan.MaxReplicationLagSeconds, 1)} с**.");
        _md.Code("bash", Kubernetes
            ? $"NAMESPACE={Namespace} deploy/scripts/rolling-restart.sh"
            : "cd deploy/ansible && ansible-playbook rolling-update.yml\n# " + _md.T("or, without Ansible, from an operator machine:", "или без Ansible с машины оператора:") + "\nSSH_USER=deploy deploy/scripts/rolling-restart.sh");
    }

    private void Backups()
    {
        var schedule = plan.BackupSchedule;
        _md.Section(DeploymentPhase.BackupScheduling);
        _md.Paragraph(
            Kubernetes
                ? $"CronJobs in deploy/kubernetes/backup-cronjob.yaml, one set per backup instance ({string.Join(", ", schedule.BackupInstances)}), run the backup scripts in their own image (deploy/kubernetes/backup.Dockerfile, the only image with the storage client) on the instance's node with its data volume mounted read-only, under the service account bound to the cloud identity, in UTC, with RETENTION_DAYS={schedule.RetentionDays}. deploy/scripts/backup-run.sh runs a backup script by hand the same way."
                : $"systemd timers run deploy/scripts/backup-job.sh on the hosts of {string.Join(", ", schedule.BackupInstances)}; it calls the backup phase's scripts in {DeploymentLayout.BackupToolsDir} with RETENTION_DAYS={schedule.RetentionDays}. Persistent=true runs a backup missed while a host was down.",
            Kubernetes
                ? $"CronJob из deploy/kubernetes/backup-cronjob.yaml, свой набор на каждый инстанс бэкапа ({string.Join(", ", schedule.BackupInstances)}), запускают скрипты бэкапа в собственном образе (deploy/kubernetes/backup.Dockerfile — единственный образ с клиентом хранилища) на узле инстанса с его томом данных только для чтения, от имени сервисного аккаунта, связанного с облачной учётной записью, по UTC, с RETENTION_DAYS={schedule.RetentionDays}. deploy/scripts/backup-run.sh так же запускает скрипт бэкапа вручную."
                : $"Таймеры systemd запускают deploy/scripts/backup-job.sh на хостах {string.Join(", ", schedule.BackupInstances)}; он вызывает скрипты фазы бэкапа из {DeploymentLayout.BackupToolsDir} с RETENTION_DAYS={schedule.RetentionDays}. Persistent=true запускает пропущенный бэкап, если хост был выключен.");
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { _md.T("Full backup", "Полный бэкап"), $"`{schedule.FullBackupCron}`", $"`{schedule.FullBackupOnCalendar}`" },
            new[] { _md.T("Restore rehearsal", "Репетиция восстановления"), $"`{schedule.VerificationCron}`", $"`{schedule.VerificationOnCalendar}`" },
        };
        if (schedule.WalArchiveIntervalSeconds > 0)
            rows.Insert(1, new[] { _md.T("WAL shipping", "Отправка WAL"), _md.T($"every {schedule.WalArchiveIntervalSeconds} s", $"каждые {schedule.WalArchiveIntervalSeconds} с"), $"`OnUnitActiveSec={schedule.WalArchiveIntervalSeconds.ToString(CultureInfo.InvariantCulture)}s`" });
        // Each form shows only its own scheduler: CronJobs read the cron column, systemd timers the OnCalendar one.
        _md.Table(
            Kubernetes ? [_md.T("Job", "Задача"), "CronJob schedule (UTC)"] : [_md.T("Job", "Задача"), "cron (UTC)", "systemd OnCalendar"],
            Kubernetes ? [.. rows.Select(r => (IReadOnlyList<string>)[r[0], r[1]])] : rows);
    }

    private void Pipeline()
    {
        _md.Section(DeploymentPhase.CiCd);
        _md.Paragraph(
            "deploy/ci/github-actions.yml runs the stages below; deploy and verify run only on main, in a GitHub environment that can require an approval. Credentials are repository secrets, never files.",
            "deploy/ci/github-actions.yml выполняет стадии ниже; deploy и verify запускаются только из main, в окружении GitHub, которое может требовать подтверждения. Учётные данные хранятся как секреты репозитория, а не в файлах.");
        _md.Table([_md.T("Stage", "Стадия"), _md.T("Purpose", "Назначение")], plan.Pipeline.Select(s => (IReadOnlyList<string>)[s.Name, s.Purpose]));
        _md.Table([_md.T("Secret", "Секрет"), _md.T("Source", "Источник")], plan.Secrets.Select(s => (IReadOnlyList<string>)[s.Variable, s.Source]));
    }

    private static string Dash(string value) => string.IsNullOrEmpty(value) ? "—" : value;
}
