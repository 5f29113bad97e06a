using System.Globalization;
using Tarantool.Agents.ClusterConfig;
using Tarantool.Agents.Languages;
using Tarantool.Agents.Phases.Deployment;
using Tarantool.Agents.Phases.Documentation;

namespace Tarantool.Agents.Expert.Documentation;

/// <summary>docs/backup-recovery.md: the backup plan's schedule and scripts, its restore procedures, PITR with tt play, verification.</summary>
internal sealed class BackupRecoveryGuideWriter(ClusterProfile cluster)
{
    private readonly OpsCommands _ops = new(cluster);

    public GuideDocument Write() =>
        new GuideDocumentBuilder(GuideOutline.BackupRecoveryFile, cluster.Language)
            .Section(GuideOutline.BackupSchedule, Schedule)
            .Section(GuideOutline.BackupScripts, Scripts)
            .Section(GuideOutline.RestoreProcedures, Procedures)
            .Section(GuideOutline.PointInTime, PointInTime)
            .Section(GuideOutline.Verification, Verification)
            .Build();

    private Phases.BackupRecovery.BackupPlan Backup => cluster.Backup;
    private IReadOnlyList<string> Sources => [.. cluster.DataReplicasets.Select(cluster.BackupInstance)];
    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private void Schedule(SectionText s)
    {
        s.P($"Recovery objectives: RPO {I(Backup.RpoSeconds)} s, RTO {I(Backup.RtoSeconds)} s. Backups are taken on replicas ({string.Join(", ", Sources.Select(x => $"`{x}`"))}), so the leaders never pay for them, and stored in `{Backup.StorageKind}` at `{Backup.StorageUri}`.",
            $"Цели восстановления: RPO {I(Backup.RpoSeconds)} с, RTO {I(Backup.RtoSeconds)} с. Бэкапы снимаются с реплик ({string.Join(", ", Sources.Select(x => $"`{x}`"))}), поэтому лидеры за них не платят, и хранятся в `{Backup.StorageKind}` по адресу `{Backup.StorageUri}`.");
        s.Table([s.T("What", "Что"), s.T("When (UTC)", "Когда (UTC)"), s.T("Notes", "Примечания")],
        [
            [s.T("Full backup (hot backup of the last snapshot)", "Полный бэкап (горячая копия последнего снапшота)"), $"`{Backup.FullBackupCron}`", s.T($"kept {GuideFigures.Days(Backup.RetentionDays, cluster.Language)}", $"хранится {GuideFigures.Days(Backup.RetentionDays, cluster.Language)}")],
            [s.T("WAL shipping", "Отправка WAL"), Backup.ContinuousWalArchival ? s.T($"every {I(Backup.WalArchiveIntervalSeconds)} s", $"каждые {I(Backup.WalArchiveIntervalSeconds)} с") : "—", Backup.ContinuousWalArchival ? s.T("closed .xlog files, enables point-in-time recovery", "закрытые файлы .xlog, дают восстановление на момент времени") : s.T("not archived: recovery to the last full backup", "не архивируется: восстановление на последний полный бэкап")],
            [s.T("Local checkpoints", "Локальные чекпойнты"), s.T($"every {I(Backup.SnapshotIntervalSeconds)} s or {I((int)(Backup.SnapshotWalSizeBytes / (1024 * 1024)))} MiB of WAL", $"каждые {I(Backup.SnapshotIntervalSeconds)} с или {I((int)(Backup.SnapshotWalSizeBytes / (1024 * 1024)))} МиБ WAL"), s.T($"`snapshot.count` = {I(Backup.SnapshotCount)}", $"`snapshot.count` = {I(Backup.SnapshotCount)}")],
            [s.T("Restore rehearsal", "Репетиция восстановления"), $"`{Backup.VerificationCron}`", s.T("restores into a scratch instance and checks it", "восстанавливает во временный инстанс и проверяет его")],
        ]);
        s.P(cluster.OnKubernetes
                ? s.T($"The schedule runs as CronJobs (`deploy/kubernetes/backup-cronjob.yaml`, time zone UTC), one set per backup instance: their pods run the scripts in the backup image (`deploy/kubernetes/backup.Dockerfile`, which alone has the storage client) on the instance's node with its data volume mounted read-only, under the service account `{_ops.Namespace}-backup` bound to the cloud identity (setup.md). `deploy/scripts/backup-run.sh` runs any backup script by hand the same way.", $"Расписание выполняется CronJob'ами (`deploy/kubernetes/backup-cronjob.yaml`, часовой пояс UTC), свой набор на каждый инстанс бэкапа: их поды запускают скрипты в образе бэкапа (`deploy/kubernetes/backup.Dockerfile`, только в нём есть клиент хранилища) на узле инстанса с его томом данных, смонтированным только для чтения, от имени сервисного аккаунта `{_ops.Namespace}-backup`, связанного с облачной учётной записью (setup.md). `deploy/scripts/backup-run.sh` так же запускает любой скрипт бэкапа вручную.")
                : s.T($"The schedule runs as systemd timers (`{DeploymentLayout.BackupTimer}`, OnCalendar `{CronCalendar.ToOnCalendar(Backup.FullBackupCron)}`), installed by `deploy/ansible/backup.yml` on the hosts of the backup instances.", $"Расписание выполняется таймерами systemd (`{DeploymentLayout.BackupTimer}`, OnCalendar `{CronCalendar.ToOnCalendar(Backup.FullBackupCron)}`), которые ставит `deploy/ansible/backup.yml` на хосты инстансов бэкапа."));
        if (!cluster.OnKubernetes)
            s.P("The backup phase's `backup/crontab` schedules the same jobs with cron: install either the timers or the crontab, never both, or every job runs twice.",
                "Файл `backup/crontab` фазы бэкапа задаёт те же задачи через cron: ставьте либо таймеры, либо crontab, но не оба сразу, иначе каждая задача будет выполняться дважды.");
        s.P($"Retention: backups older than {I(Backup.RetentionDays)} days are deleted by the backup script (`RETENTION_DAYS={I(Backup.RetentionDays)}`). Expected size of one full backup per replicaset: about {GuideFigures.Gb(cluster.Capacity.SnapshotSizeGb, cluster.Language)}.",
            $"Срок хранения: бэкапы старше {GuideFigures.Days(Backup.RetentionDays, cluster.Language)} удаляет скрипт бэкапа (`RETENTION_DAYS={I(Backup.RetentionDays)}`). Ожидаемый размер одного полного бэкапа репликасета — около {GuideFigures.Gb(cluster.Capacity.SnapshotSizeGb, cluster.Language)}.");
    }

    private void Scripts(SectionText s)
    {
        s.Table([s.T("Script", "Скрипт"), s.T("What it does", "Что делает")],
        [
            [$"`{DeploymentLayout.BackupScript}`", s.T("`box.backup.start()` on the instance, copies the listed .snap/.vylog/.xlog files to the storage, `box.backup.stop()`, prunes old backups", "`box.backup.start()` на инстансе, копирует перечисленные файлы .snap/.vylog/.xlog в хранилище, `box.backup.stop()`, удаляет старые бэкапы")],
            [$"`{DeploymentLayout.ArchiveWalScript}`", s.T("ships closed .xlog files that are not yet in the storage", "отправляет закрытые файлы .xlog, которых ещё нет в хранилище")],
            [$"`{DeploymentLayout.VerifyBackupScript}`", s.T("restores the latest backup into a scratch directory and starts a throw-away instance on it", "восстанавливает последний бэкап во временный каталог и запускает на нём одноразовый инстанс")],
            [$"`{DeploymentLayout.RestoreScript}`", s.T("puts a backup (and, for a point in time, the WAL) into an instance's data directory", "помещает бэкап (а для момента времени — и WAL) в каталог данных инстанса")],
        ]);
        s.P(s.T("Run a backup by hand (for example before an upgrade):", "Запуск бэкапа вручную (например, перед обновлением):"));
        s.Bash(cluster.OnKubernetes
            ? _ops.BackupNow
            : $"{_ops.BackupNow}\n# {s.T("or on the host of", "или на хосте")} {Sources[0]}:\nsudo systemctl start {DeploymentLayout.BackupService}\njournalctl -u {DeploymentLayout.BackupService} -n 50");
    }

    private void Procedures(SectionText s)
    {
        s.P("Pick the procedure by what was lost. For a single lost replica the fastest path is not a backup but a rebuild from the leader.",
            "Выбирайте процедуру по тому, что потеряно. Для одной потерянной реплики быстрее всего не бэкап, а пересоздание с лидера.");
        foreach (var procedure in Backup.Procedures)
        {
            s.SubRaw($"{Title(procedure)} (`{procedure.Failure}`)");
            s.P(s.T($"Expected recovery time: {I(procedure.ExpectedRtoSeconds)} s.", $"Ожидаемое время восстановления: {I(procedure.ExpectedRtoSeconds)} с."));
            if (procedure.Failure == Phases.BackupRecovery.RecoveryFailures.LostReplicaset && cluster.Tooling == TarantoolTooling.DeclarativeConfig)
                WholeReplicasetRestore(s);
            // The backup plan's steps are written once, in English: a guide in another language names what is done
            // and shows the commands, so its prose stays in its own language.
            else if (LanguageDetector.Detect(string.Join("\n", procedure.Steps)) == cluster.Language)
                s.Steps(procedure.Steps);
            else
            {
                s.P(s.T($"{procedure.Steps.Count} steps (the full text is in outputs/03-backup-recovery.json); the commands they run:", $"Шагов: {procedure.Steps.Count} (полный текст — в outputs/03-backup-recovery.json); команды, которые они выполняют:"));
                var commands = procedure.Steps.SelectMany(step => System.Text.RegularExpressions.Regex.Matches(step, "`([^`]+)`").Select(m => m.Groups[1].Value))
                    .Where(c => c.StartsWith("tt ", StringComparison.Ordinal) || c.StartsWith("kubectl ", StringComparison.Ordinal) || c.StartsWith("sudo ", StringComparison.Ordinal)
                                || c.StartsWith("echo ", StringComparison.Ordinal) || c.StartsWith("box.", StringComparison.Ordinal) || c.StartsWith("vshard.", StringComparison.Ordinal)
                                || c.StartsWith(DeploymentLayout.BackupToolsDir, StringComparison.Ordinal))
                    .Distinct().ToList();
                if (commands.Count > 0) s.Bash(string.Join("\n", commands));
            }
        }
        var instance = Sources[0];
        s.P(cluster.OnKubernetes
            ? s.T("Restoring one instance from the backup storage onto its own volume, next to its live data, from a Job in the backup image on its node (a leader hands its lead over first):", "Восстановление одного инстанса из хранилища бэкапов на его собственный том, рядом с рабочими данными, из Job в образе бэкапа на его узле (лидер сначала передаёт лидерство):")
            : s.T("Restoring one instance from the backup storage with Ansible (a leader hands its lead over first):", "Восстановление одного инстанса из хранилища бэкапов через Ansible (лидер сначала передаёт лидерство):"));
        s.Bash(cluster.OnKubernetes
            ? $"deploy/scripts/backup-run.sh --write {instance} restore.sh {instance} --data-dir {Phases.Containers.ContainerConfigRewriter.DataRoot}/{instance}.restored"
            : $"cd deploy/ansible\nansible-playbook restore.yml -e restore_instance={instance}   # -e restore_backup_id=<id> for an older backup");
        if (cluster.OnKubernetes)
            s.P("Then, in a maintenance window, scale the StatefulSet down, swap the restored directory in place of the instance's one on its volume and scale back up.",
                "Затем в окно обслуживания уменьшите StatefulSet, подмените каталог инстанса на томе восстановленным и верните масштаб.");
    }

    /// <summary>
    /// The whole-replicaset restore as it works on this deployment form: the backup restored under its own instance
    /// name (Tarantool 3.x checks the name in the snapshot), a temporary quorum of 1 so the lone seed can lead, the
    /// other members rebuilt from it, the quorum restored. On Kubernetes the StatefulSet is scaled to zero and the
    /// seed's volume is filled from a helper pod built from the seed's backup CronJob (the backup image with its storage
    /// client, the service account the cloud identity trusts), as the replicaset-restore drill does.
    /// </summary>
    private void WholeReplicasetRestore(SectionText s)
    {
        var rs = cluster.MainReplicaset;
        var seed = cluster.BackupInstance(rs);
        var others = rs.Instances.Where(i => i.Name != seed).Select(i => i.Name).ToList();
        var n = rs.Instances.Count;
        var quorum = n / 2 + 1;
        var election = cluster.Election;
        var ns = _ops.Namespace;
        var quorumNote = election
            ? s.T($" A quorum of 1 lets the lone seed win the election and confirm writes, which is why it lasts only until the others follow.", $" Кворум 1 позволяет одинокому участнику выиграть выборы и подтверждать запись, поэтому он действует только до присоединения остальных.")
            : "";
        // The step already says which files to edit and how to roll them out, so a fixed leader is only the key to set.
        var leaderFix = election
            ? s.T($"set `replication.synchro_quorum: 1` for `{rs.Name}`", $"установите `replication.synchro_quorum: 1` для `{rs.Name}`")
            : cluster.Manual && cluster.Request.IsDeclarativeConfig
                ? s.T($"set `replicasets.{rs.Name}.leader: {seed}`", $"установите `replicasets.{rs.Name}.leader: {seed}`")
                : SeedLeaderHow(seed, cluster.Language == Requests.Language.Ru ? "ru" : "en");
        s.P($"Example for `{rs.Name}`; the same for every replicaset, with its own backup instance. The backup of `{seed}` restores only as `{seed}`: its snapshot carries `{seed}`'s instance name and UUID, and Tarantool 3.x refuses to start it under another name.",
            $"Пример для `{rs.Name}`; для остальных репликасетов так же, со своим инстансом бэкапа. Бэкап `{seed}` восстанавливается только как `{seed}`: его снапшот содержит имя и UUID инстанса `{seed}`, и Tarantool 3.x откажется запускать его под другим именем.");
        if (cluster.OnKubernetes)
        {
            var dataRoot = Phases.Containers.ContainerConfigRewriter.DataRoot;
            var cronJob = Phases.Deployment.Scheduling.BackupCronJobWriter.CronJobName(ns, "backup", seed);
            s.Steps(
            [
                s.T($"Scale the StatefulSet to zero and wait until its pods are gone: `kubectl scale statefulset -n {ns} {rs.Name} --replicas=0`.", $"Уменьшите StatefulSet до нуля и дождитесь, пока его поды исчезнут: `kubectl scale statefulset -n {ns} {rs.Name} --replicas=0`."),
                s.T($"Temporary leader fix: in `tarantool/config.yaml` and `kubernetes/configmap.yaml` {leaderFix}, then apply the ConfigMap alone (`kubectl apply -f kubernetes/configmap.yaml`; `kubectl apply -k` would scale the StatefulSet back up).{quorumNote}", $"Временная настройка лидера: в `tarantool/config.yaml` и `kubernetes/configmap.yaml` {leaderFix}, затем примените только ConfigMap (`kubectl apply -f kubernetes/configmap.yaml`; `kubectl apply -k` вернул бы StatefulSet в прежний масштаб).{quorumNote}"),
                s.T($"Restore `{seed}`'s backup into its own volume `{Phases.Containers.InstanceLayout.DataVolumeClaim(seed)}` from a helper pod made of the backup CronJob `{cronJob}` (the backup image with its storage client, the service account the cloud identity trusts, the labels the NetworkPolicy admits), then remove the pod:", $"Восстановите бэкап `{seed}` в его собственный том `{Phases.Containers.InstanceLayout.DataVolumeClaim(seed)}` из вспомогательного пода, собранного из CronJob бэкапа `{cronJob}` (образ бэкапа с клиентом хранилища, сервисный аккаунт, которому доверяет облачная идентичность, метки, которые пропускает NetworkPolicy), затем удалите под:"),
            ]);
            s.Bash($"kubectl get cronjob -n {ns} {cronJob} -o json | jq --arg seed {seed} '{{apiVersion: \"v1\", kind: \"Pod\",\n" +
                   $"  metadata: {{name: (\"restore-\" + $seed), namespace: \"{ns}\", labels: .spec.jobTemplate.spec.template.metadata.labels}},\n" +
                   $"  spec: (.spec.jobTemplate.spec.template.spec | .restartPolicy = \"Never\" | del(.affinity)\n" +
                   $"    | .volumes = [.volumes[] | if .persistentVolumeClaim != null then .persistentVolumeClaim = {{claimName: (\"data-\" + $seed)}} else . end]\n" +
                   $"    | .containers = [.containers[0] | .command = [\"{DeploymentLayout.BackupToolsDir}/restore.sh\"]\n" +
                   $"        | .args = [$seed, \"--data-dir\", \"{dataRoot}/\" + $seed] | .volumeMounts = [.volumeMounts[] | del(.readOnly)]])}}' \\\n" +
                   $"  | kubectl apply -f -\n" +
                   $"kubectl wait -n {ns} --for=jsonpath='{{.status.phase}}'=Succeeded pod/restore-{seed} --timeout=2h\n" +
                   $"kubectl logs -n {ns} restore-{seed}\n" +
                   $"kubectl delete pod -n {ns} restore-{seed}");
            s.Steps(
            [
                s.T($"The other members' data is lost or diverged: delete their volumes so they start empty and rebuild from `{seed}`: `kubectl delete pvc -n {ns} {string.Join(" ", others.Select(Phases.Containers.InstanceLayout.DataVolumeClaim))}`.", $"Данные остальных участников утрачены или разошлись: удалите их тома, чтобы они запустились пустыми и пересоздались с `{seed}`: `kubectl delete pvc -n {ns} {string.Join(" ", others.Select(Phases.Containers.InstanceLayout.DataVolumeClaim))}`."),
                s.T($"Scale back to {n}: `kubectl scale statefulset -n {ns} {rs.Name} --replicas={n}`. `{seed}` recovers from the restored files" + (election ? $"; make it the leader with `box.ctl.promote()` on it." : ".") + " The empty members join from it once it is writable (a new replica is registered by the writable member).",
                    $"Верните масштаб {n}: `kubectl scale statefulset -n {ns} {rs.Name} --replicas={n}`. `{seed}` восстанавливается из восстановленных файлов" + (election ? $"; сделайте его лидером через `box.ctl.promote()` на нём." : ".") + " Пустые участники присоединяются к нему, как только он доступен на запись (новую реплику регистрирует участник, принимающий запись)."),
            ], 4);
        }
        else
        {
            s.Steps(
            [
                s.T($"Stop every member and move its data directory aside (keep it until the restore is verified): `sudo systemctl stop {_ops.Unit("<instance>")}`, `sudo mv {_ops.DataDir("<instance>")} {_ops.DataDir("<instance>")}.lost` on each host.", $"Остановите всех участников и отложите их каталоги данных (храните до проверки восстановления): `sudo systemctl stop {_ops.Unit("<instance>")}`, `sudo mv {_ops.DataDir("<instance>")} {_ops.DataDir("<instance>")}.lost` на каждом хосте."),
                s.T($"Restore `{seed}`'s backup into `{seed}`'s own data directory on {_ops.Where(seed)}: `cd deploy/ansible && ansible-playbook restore.yml -e restore_instance={seed}` (or `sudo {DeploymentLayout.BackupToolsDir}/restore.sh {seed} --data-dir {_ops.DataDir(seed)}` on the host).", $"Восстановите бэкап `{seed}` в собственный каталог данных `{seed}` на {_ops.Where(seed)}: `cd deploy/ansible && ansible-playbook restore.yml -e restore_instance={seed}` (или `sudo {DeploymentLayout.BackupToolsDir}/restore.sh {seed} --data-dir {_ops.DataDir(seed)}` на хосте)."),
                s.T($"Temporary leader fix: in `config.yaml` {leaderFix} and roll it out to every host (`ansible-playbook deploy.yml`).{quorumNote}", $"Временная настройка лидера: в `config.yaml` {leaderFix} и разложите файл на все хосты (`ansible-playbook deploy.yml`).{quorumNote}"),
                s.T($"Start `{seed}` alone: `sudo systemctl start {_ops.Unit(seed)}`" + (election ? $", then `box.ctl.promote()` on it" : "") + "; wait until `box.info.ro` is `false`.", $"Запустите только `{seed}`: `sudo systemctl start {_ops.Unit(seed)}`" + (election ? $", затем `box.ctl.promote()` на нём" : "") + "; дождитесь `box.info.ro` = `false`."),
                s.T($"Start the other members ({string.Join(", ", others.Select(o => $"`{o}`"))}) one at a time with empty data directories; each joins from `{seed}`.", $"Запускайте остальных участников ({string.Join(", ", others.Select(o => $"`{o}`"))}) по одному с пустыми каталогами данных; каждый присоединяется к `{seed}`."),
            ]);
        }
        s.Steps(
        [
            election
                ? s.T($"When every member follows `{seed}`, restore the quorum: `replication.synchro_quorum: {quorum}` (N / 2 + 1 of {n}) in the configuration, roll it out and reload every member; `box.info.synchro.quorum` must read {quorum}.", $"Когда все участники следуют за `{seed}`, верните кворум: `replication.synchro_quorum: {quorum}` (N / 2 + 1 от {n}) в конфигурации, разложите её и перезагрузите на всех участниках; `box.info.synchro.quorum` должен показать {quorum}.")
                : s.T($"When every member follows `{seed}`, put the configuration back as it was before the restore and reload every member.", $"Когда все участники следуют за `{seed}`, верните конфигурацию к состоянию до восстановления и перезагрузите её на всех участниках."),
            cluster.Sharded
                ? s.T("Check the buckets: `vshard.storage.info()` on the seed reports them active, and `vshard.router.info()` on a router shows no alerts.", "Проверьте бакеты: `vshard.storage.info()` на восстановленном инстансе показывает их активными, а `vshard.router.info()` на роутере — без предупреждений.")
                : s.T("Point the clients back at the leader and check that writes succeed.", "Верните клиентов на лидера и проверьте, что запись проходит."),
            s.T($"Take a fresh backup at once: `{_ops.BackupNow}`.", $"Сразу снимите свежий бэкап: `{_ops.BackupNow}`."),
        ], 6);
        s.Bash(_ops.Lua(seed, "return {ro = box.info.ro, quorum = box.info.synchro.quorum, replication = box.info.replication}"));
    }

    /// <summary>The procedure's title in the guide's language: the backup plan's title, or a translation of its key.</summary>
    private string Title(Phases.BackupRecovery.RestoreProcedure procedure) => cluster.Language == Requests.Language.Ru
        ? procedure.Failure switch
        {
            "lost-replica" => "Потеря реплики",
            "lost-leader" => "Потеря лидера",
            "lost-replicaset" => "Потеря репликасета",
            "logical-corruption" => "Логическое повреждение данных",
            "lost-site" => "Потеря площадки",
            "lost-router" => "Потеря роутера",
            _ => procedure.Title,
        }
        : procedure.Title;

    private void PointInTime(SectionText s)
    {
        if (!Backup.PointInTimeRecovery)
        {
            s.P($"WAL is not archived in this plan, so recovery goes back to the last full backup (up to {I(Backup.RpoSeconds)} s of data may be lost). For logical errors inside that window, replay the local WAL of a healthy replica with `tt play` as below, from its own data directory.",
                $"В этом плане WAL не архивируется, поэтому восстановление возможно на момент последнего полного бэкапа (можно потерять до {I(Backup.RpoSeconds)} с данных). Для логических ошибок внутри этого окна проигрывайте локальный WAL здоровой реплики через `tt play`, как описано ниже, из её собственного каталога данных.");
        }
        else
        {
            s.P($"Snapshots plus the archived WAL allow recovery to any moment within the {I(Backup.RetentionDays)}-day retention. Typical use: undo a bad migration or a mass delete at a known time. Work on a scratch instance, never on the production leader.",
                $"Снапшоты и архив WAL позволяют восстановиться на любой момент в пределах срока хранения ({GuideFigures.Days(Backup.RetentionDays, cluster.Language)}). Типичный случай — отменить неудачную миграцию или массовое удаление в известное время. Работайте на временном инстансе, а не на боевом лидере.");
        }
        var leader = cluster.Leader(cluster.MainReplicaset) ?? cluster.MainReplicaset.Instances[0].Name;
        s.Steps(
        [
            s.T("Find the moment: the last good transaction, by time or LSN, in the WAL:", "Найдите момент: последнюю корректную транзакцию по времени или LSN в WAL:")
                + "\n\n   ```bash\n   tt cat /restore/xlog/ --timestamp 2025-01-31T11:59:00Z --space 512\n   ```",
            s.T("Restore the last full backup taken before that moment into a scratch directory and start a scratch instance on it (another port, no replication).", "Восстановите последний полный бэкап, снятый до этого момента, во временный каталог и запустите на нём временный инстанс (другой порт, без репликации)."),
            s.T("Replay every archived xlog written after the snapshot (file names at or above the snapshot's signature) up to the moment, for every replica id, as `restore.sh` does: after a failover the writes come from another replica id, so replaying one id alone (`--replica 1`) silently drops the rest. The `VClock:` line of the .snap header shows which ids wrote before the snapshot:",
                "Проиграйте все архивные xlog, записанные после снапшота (имена файлов не меньше сигнатуры снапшота), до нужного момента и для всех идентификаторов реплик, как это делает `restore.sh`: после переключения запись идёт от другого идентификатора, и проигрывание одного (`--replica 1`) молча теряет остальные. Строка `VClock:` в заголовке .snap показывает, какие идентификаторы писали до снапшота:")
                + "\n\n   ```bash\n   head -c 512 /restore/snap/*.snap | grep VClock\n   tt play localhost:3399 /restore/xlog/*.xlog --timestamp 2025-01-31T11:59:00Z\n   ```\n\n   "
                + s.T($"To stop at an exact LSN instead, name the writer: `--to <lsn> --replica <id>` (the id is `box.info.id` of the leader at that moment, e.g. `{leader}`). `{DeploymentLayout.BackupToolsDir}/restore.sh INSTANCE --data-dir DIR --to-timestamp T` runs steps 2 and 3 for you. These commands need {TtRelease.Requirement}, as setup.md states.",
                    $"Чтобы остановиться на точном LSN, укажите писателя: `--to <lsn> --replica <id>` (id — `box.info.id` лидера в тот момент, например `{leader}`). `{DeploymentLayout.BackupToolsDir}/restore.sh INSTANCE --data-dir DIR --to-timestamp T` выполняет шаги 2 и 3 сам. Эти команды требуют {TtRelease.RequirementRu}, как указано в setup.md."),
            s.T("Check the data on the scratch instance, then copy the needed rows back through the application, or make the scratch data the new replicaset (below).", "Проверьте данные на временном инстансе, затем перенесите нужные строки обратно через приложение или сделайте временные данные новым репликасетом (см. ниже)."),
        ]);
        var source = cluster.BackupInstance(cluster.MainReplicaset);
        // Tarantool 3.x compares the configured instance name with the one stored in the snapshot, so the recovered
        // snapshot can seed only the instance whose backup it came from.
        s.P($"To make the recovered state the replicaset's data, seed the instance whose backup it came from: the snapshot of `{source}` carries `{source}`'s UUID and instance name, and Tarantool 3.x refuses to start it under another name. Stop every member of `{cluster.MainReplicaset.Name}`, move their data directories aside, put the recovered files into `{source}`'s data directory only, make `{source}` the leader ({SeedLeaderHow(source, "en")}), start it, then start the other members with empty data directories: they rebuild from `{source}`.",
                $"Чтобы сделать восстановленное состояние данными репликасета, засейте инстанс, с которого снят бэкап: снапшот `{source}` содержит UUID и имя инстанса `{source}`, и Tarantool 3.x откажется запускать его под другим именем. Остановите всех участников `{cluster.MainReplicaset.Name}`, отложите их каталоги данных, положите восстановленные файлы только в каталог данных `{source}`, сделайте `{source}` лидером ({SeedLeaderHow(source, "ru")}), запустите его, затем запустите остальных участников с пустыми каталогами: они пересоздадутся с `{source}`.");
        if (cluster.Sharded)
            s.P($"Sharded cluster: a point-in-time restore rewinds one storage replicaset only, while the others and the routers stay at now. Buckets the rebalancer moved out of it after the restore point become active in two replicasets (two diverging copies), and buckets moved into it after that point are missing. Stop the rebalancer first (`vshard.storage.rebalancer_disable()` on every storage), compare `vshard.storage.buckets_info()` of the recovered copy with the other replicasets, and prefer copying rows back; replace the whole replicaset only if no bucket moved after the restore point, or restore every replicaset to the same moment.",
                    $"Шардированный кластер: восстановление на момент времени откатывает только один репликасет хранения, остальные и роутеры остаются в настоящем. Бакеты, которые ребалансировщик перенёс из него после точки восстановления, становятся активными сразу в двух репликасетах (две расходящиеся копии), а бакеты, перенесённые в него после этой точки, пропадают. Сначала остановите ребалансировщик (`vshard.storage.rebalancer_disable()` на каждом хранилище), сравните `vshard.storage.buckets_info()` восстановленной копии с остальными репликасетами и предпочитайте перенос строк; заменяйте репликасет целиком, только если после точки восстановления ни один бакет не переезжал, или восстанавливайте все репликасеты на один и тот же момент.");
        s.P("`tt play` sends the operations as requests, so the scratch instance needs a user allowed to write (pass `-u`, the password via `TT_CLI_PASSWORD`, never on the command line).",
            "`tt play` отправляет операции как запросы, поэтому на временном инстансе нужен пользователь с правом записи (`-u`, пароль через `TT_CLI_PASSWORD`, но не в командной строке).");
    }

    /// <summary>How the seed of a rebuilt replicaset becomes its leader, by failover mode.</summary>
    private string SeedLeaderHow(string seed, string language)
    {
        var ru = language == "ru";
        var replicaset = cluster.MainReplicaset.Name;
        return cluster.FailoverMode switch
        {
            "election" or "supervised" => (ru, cluster.Request.IsDeclarativeConfig) switch
            {
                (true, true) => $"временно `replication.synchro_quorum: 1` для `{replicaset}` и `box.ctl.promote()` на `{seed}`; верните кворум, когда остальные присоединятся",
                (true, false) => $"временно `replication_synchro_quorum = 1` в tarantool/init.lua и `box.ctl.promote()` на `{seed}`; верните кворум, когда остальные присоединятся",
                (false, true) => $"temporarily `replication.synchro_quorum: 1` for `{replicaset}` and `box.ctl.promote()` on `{seed}`; restore the quorum once the others have joined",
                _ => $"temporarily `replication_synchro_quorum = 1` in tarantool/init.lua and `box.ctl.promote()` on `{seed}`; restore the quorum once the others have joined",
            },
            "stateful" or "eventual" or "raft" => ru ? $"`tt replicaset promote {cluster.App}:{seed}`" : $"`tt replicaset promote {cluster.App}:{seed}`",
            "off" => ru ? "в режиме master-master он уже доступен на запись" : "in master-master it is writable already",
            _ when cluster.Request.IsDeclarativeConfig => ru
                ? $"`replicasets.{replicaset}.leader: {seed}` в {(cluster.OnKubernetes ? "ConfigMap" : "config.yaml на каждом хосте")}"
                : $"`replicasets.{replicaset}.leader: {seed}` in {(cluster.OnKubernetes ? "the ConfigMap" : "config.yaml on every host")}",
            _ => ru ? $"`read_only = false` для `{seed}` в tarantool/init.lua" : $"`read_only = false` for `{seed}` in tarantool/init.lua",
        };
    }

    private void Verification(SectionText s)
    {
        s.P($"A backup that was never restored is a hope, not a backup. The restore rehearsal runs on `{Backup.VerificationCron}` (UTC): it restores the latest backup of each replicaset into a scratch instance, starts it and compares the row counts of the main spaces with the source.",
            $"Бэкап, который ни разу не восстанавливали, — это надежда, а не бэкап. Репетиция восстановления выполняется по расписанию `{Backup.VerificationCron}` (UTC): она восстанавливает последний бэкап каждого репликасета во временный инстанс, запускает его и сравнивает число строк основных спейсов с источником.");
        if (cluster.OnKubernetes)
            s.P($"On Kubernetes the scheduled rehearsal runs in a backup Job with a scratch volume sized for one backup and a small memory limit, so it runs with `VERIFY_MODE=checksums`: it downloads the backup, checks every checksum and reads the xlogs, but never starts a full-size scratch instance there. Start the full rehearsal on a restore-test machine with enough memory and access to the storage: `VERIFY_MODE=full {DeploymentLayout.BackupToolsDir}/verify-backup.sh {Sources[0]}`.",
                $"В Kubernetes плановая репетиция выполняется в Job бэкапа с временным томом под одну копию и небольшим лимитом памяти, поэтому она идёт с `VERIFY_MODE=checksums`: скачивает бэкап, проверяет все контрольные суммы и читает xlog, но никогда не запускает там временный инстанс полного размера. Полную репетицию запускайте на отдельной машине для проверки восстановления с достаточной памятью и доступом к хранилищу: `VERIFY_MODE=full {DeploymentLayout.BackupToolsDir}/verify-backup.sh {Sources[0]}`.");
        else
            s.P("On a host the full rehearsal first checks that the machine has free memory for twice the snapshot and fails instead of starting the scratch instance when it does not, so it never pushes the production instance next to it into swap; run it on a restore-test host then.",
                "На хосте полная репетиция сначала проверяет, что свободной памяти хватает на удвоенный снапшот, и при нехватке завершается ошибкой, не запуская временный инстанс, чтобы не вытеснить в swap соседний боевой инстанс; тогда запускайте её на отдельном хосте для проверки восстановления.");
        s.Bash(cluster.OnKubernetes
            ? $"kubectl create job -n {_ops.Namespace} --from=cronjob/{_ops.BackupCronJob("backup-verify")} {_ops.BackupCronJob("backup-verify")}-manual"
            : $"sudo systemctl start {DeploymentLayout.VerifyService}\njournalctl -u {DeploymentLayout.VerifyService} -n 50");
        s.P("A failed rehearsal is as urgent as a failed backup: the TarantoolBackupTooOld runbook applies. Once a quarter, the team also restores by hand (training.md).",
            "Провал репетиции так же срочен, как провал бэкапа: действуйте по инструкции TarantoolBackupTooOld. Раз в квартал команда восстанавливает бэкап и вручную (training.md).");
    }
}
