using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.BackupRecovery;

/// <summary>Explains a backup plan: the objectives and the arithmetic behind them, then what achieves them.</summary>
internal sealed class BackupPlanNarrator(BackupPlan plan, PhaseContext context, BackupSchedule schedule, IReadOnlyList<RecoveryEstimate> estimates)
{
    private readonly NarrativeBuilder _md = new(context.Language);
    private readonly ClusterRequest _request = context.Request;
    private readonly CapacityPlan _capacity = context.Get<CapacityPlan>();
    private readonly ClusterTopology _topology = context.Get<ClusterTopology>();

    private string T(string en, string ru) => _md.T(en, ru);

    public string Write()
    {
        _md.Title($"Backup and recovery: {_request.ClusterName}", $"Резервное копирование и восстановление: {_request.ClusterName}");
        Summary();
        Objectives();
        Schedule();
        Storage();
        PointInTime();
        Procedures();
        return _md.ToString();
    }

    private void Summary()
    {
        _md.Section(BackupRecoveryPhase.Summary);
        var env = _request.Environment.ToString().ToLowerInvariant();
        _md.Paragraph(
            $"For this {env} cluster the plan promises an RPO of {Duration(plan.RpoSeconds)} and an RTO of {Duration(plan.RtoSeconds)} for the worst failure it covers. " +
            (plan.ContinuousWalArchival
                ? $"A hot backup of a replica's latest checkpoint leaves the host on cron `{plan.FullBackupCron}` and closed xlogs follow every {plan.WalArchiveIntervalSeconds} s, which also enables point-in-time recovery."
                : $"A hot backup of the latest checkpoint leaves the host on cron `{plan.FullBackupCron}`; WAL is not archived, so there is no point-in-time recovery."),
            $"Для этого кластера ({env}) план обещает RPO {Duration(plan.RpoSeconds)} и RTO {Duration(plan.RtoSeconds)} для худшего из покрытых отказов. " +
            (plan.ContinuousWalArchival
                ? $"Горячая копия последней контрольной точки реплики уходит с хоста по cron `{plan.FullBackupCron}`, закрытые xlog-файлы отправляются каждые {plan.WalArchiveIntervalSeconds} с — это же даёт восстановление на момент времени."
                : $"Горячая копия последней контрольной точки уходит с хоста по cron `{plan.FullBackupCron}`; WAL не архивируется, поэтому восстановления на момент времени нет."));
        Targets();
        _md.Bullets([
            T($"Storage: {plan.StorageKind} at `{plan.StorageUri}`, kept {plan.RetentionDays} days.", $"Хранилище: {plan.StorageKind}, `{plan.StorageUri}`, срок хранения {plan.RetentionDays} дней."),
            T($"Backup source: {plan.BackupSource} ({SourcesText()}).", $"Источник копий: {plan.BackupSource} ({SourcesText()})."),
            T($"Restore rehearsal: cron `{plan.VerificationCron}` runs `backup/verify-backup.sh`.", $"Репетиция восстановления: cron `{plan.VerificationCron}` запускает `backup/verify-backup.sh`."),
            InstanceLayout.InContainers(_request)
                ? T("Scripts: `backup/backup.sh`, `backup/archive-wal.sh`, `backup/verify-backup.sh`, `backup/restore.sh`; the deployment phase schedules them as Kubernetes CronJobs.",
                    "Скрипты: `backup/backup.sh`, `backup/archive-wal.sh`, `backup/verify-backup.sh`, `backup/restore.sh`; по расписанию их запускают CronJob Kubernetes из фазы развёртывания.")
                : T($"Scripts: `backup/backup.sh`, `backup/archive-wal.sh`, `backup/verify-backup.sh`, `backup/restore.sh`, schedule in `backup/crontab`.",
                    $"Скрипты: `backup/backup.sh`, `backup/archive-wal.sh`, `backup/verify-backup.sh`, `backup/restore.sh`, расписание в `backup/crontab`."),
        ]);
    }

    /// <summary>The request's targets against what the plan reaches; a missed one is told with its remedy, verbatim
    /// as it appears in bundle.json and the terminal summary.</summary>
    private void Targets()
    {
        if (_request.RpoSeconds is null && _request.RtoSeconds is null) return;
        var rows = new List<IReadOnlyList<string>>();
        if (_request.RpoSeconds is { } rpo)
            rows.Add(["RPO", Duration(rpo), Duration(plan.RpoSeconds), plan.RpoSeconds <= rpo ? T("met", "достигнута") : T("**missed**", "**не достигнута**")]);
        if (_request.RtoSeconds is { } rto)
            rows.Add(["RTO", Duration(rto), Duration(plan.RtoSeconds), plan.RtoSeconds <= rto ? T("met", "достигнута") : T("**missed**", "**не достигнута**")]);
        _md.Table([T("Objective", "Цель"), T("Target (request)", "Цель (запрос)"), T("Plan reaches", "План даёт"), T("Result", "Итог")], rows);
        if (plan.Warnings.Count > 0)
        {
            _md.Paragraph("**Warnings:**", "**Предупреждения:**");
            _md.Bullets([.. plan.Warnings.Select(w => w.Message)]);
        }
    }

    private void Objectives()
    {
        _md.Section(BackupRecoveryPhase.Objectives);
        var replicas = TopologyFacts.HasReplicas(_topology);
        _md.Paragraph(
            "Recovery objectives differ by failure. " + (replicas
                ? "Losing one instance loses nothing that was replicated: the other members hold the data, so the backups matter only when a whole replicaset, a site, or the data itself (a bad DELETE replicates everywhere) is lost. "
                : "With a single instance per replicaset there are no replicas to fail over to: every loss of the instance is a restore from the backups. ") +
            (plan.ContinuousWalArchival
                ? $"The RPO of {plan.RpoSeconds} s is the WAL archive interval: archive-wal.sh ships closed xlogs and a copy of the open one every {plan.WalArchiveIntervalSeconds} s, so at most one interval of writes exists only on the lost hosts."
                : $"Without WAL archival only full backups leave the host, so the RPO equals the backup period, {Duration(plan.RpoSeconds)}: acceptable for {_request.Environment.ToString().ToLowerInvariant()}, where data can be re-created."),
            "Цели восстановления зависят от отказа. " + (replicas
                ? "Потеря одного экземпляра не теряет реплицированных данных: они есть на других участниках, поэтому копии нужны, когда потерян весь набор реплик, площадка или сами данные (ошибочный DELETE реплицируется везде). "
                : "В наборе реплик один экземпляр, переключаться не на кого: любая потеря экземпляра — это восстановление из копий. ") +
            (plan.ContinuousWalArchival
                ? $"RPO {plan.RpoSeconds} с — это интервал архивации WAL: archive-wal.sh каждые {plan.WalArchiveIntervalSeconds} с отправляет закрытые xlog и копию открытого, поэтому только на потерянных хостах может остаться не более одного интервала записей."
                : $"Без архивации WAL с хоста уходят только полные копии, поэтому RPO равен периоду копирования, {Duration(plan.RpoSeconds)}: это приемлемо для окружения {_request.Environment.ToString().ToLowerInvariant()}, где данные можно пересоздать."));
        if (replicas && _topology.Election?.SynchroQuorum > 0)
            _md.Paragraph(
                $"Spaces created with `is_sync = true` are confirmed by {_topology.Election.SynchroQuorum} members before the commit returns, so losing the leader loses no acknowledged synchronous transaction; asynchronous spaces can lose what the replication lag held (seconds at most).",
                $"Спейсы с `is_sync = true` подтверждаются {_topology.Election.SynchroQuorum} участниками до возврата коммита, поэтому потеря лидера не теряет подтверждённых синхронных транзакций; асинхронные спейсы могут потерять то, что было в задержке репликации (секунды).");
        _md.Paragraph(
            $"RTO per failure is the sum of named terms (rates: object storage download {Figures.Number(RecoveryRates.ObjectStorageMBps, 0)} MB/s, NFS {Figures.Number(RecoveryRates.NfsMBps, 0)} MB/s, snapshot load {Figures.Number(RecoveryRates.SnapshotLoadMBps, 0)} MB/s, native xlog replay {Figures.Number(RecoveryRates.NativeReplayRowsPerSecond, 0)} rows/s, tt play {Figures.Number(RecoveryRates.TtPlayRowsPerSecond, 0)} rows/s; snapshot {Figures.Gb(_capacity.SnapshotSizeGb)} per storage instance, {Figures.Integer(_capacity.WriteRps)} writes/s). The plan's RTO is the largest of them. Replace the rates with ones measured by the restore rehearsal.",
            $"RTO каждого отказа — сумма именованных слагаемых (скорости: загрузка из объектного хранилища {Figures.Number(RecoveryRates.ObjectStorageMBps, 0)} МБ/с, NFS {Figures.Number(RecoveryRates.NfsMBps, 0)} МБ/с, загрузка снимка {Figures.Number(RecoveryRates.SnapshotLoadMBps, 0)} МБ/с, штатное воспроизведение xlog {Figures.Number(RecoveryRates.NativeReplayRowsPerSecond, 0)} строк/с, tt play {Figures.Number(RecoveryRates.TtPlayRowsPerSecond, 0)} строк/с; снимок {Figures.Gb(_capacity.SnapshotSizeGb)} на экземпляр хранения, {Figures.Integer(_capacity.WriteRps)} записей/с). RTO плана — наибольшее из них. Замените скорости измеренными на репетиции восстановления.");
        _md.Table([T("Failure", "Отказ"), "RTO", T("How it adds up", "Из чего складывается")],
            estimates.Select(e => (IReadOnlyList<string>)[e.Failure, Duration(e.Seconds), T(e.Formula, e.FormulaRu)]));
    }

    private void Schedule()
    {
        _md.Section(BackupRecoveryPhase.Schedule);
        _md.Paragraph(
            $"`snapshot.by.interval: {plan.SnapshotIntervalSeconds}`: writing one snapshot takes about {Figures.Number(schedule.SnapshotWriteSeconds, 0)} s ({Figures.Gb(_capacity.SnapshotSizeGb)} at {Figures.Number(RecoveryRates.SnapshotWriteMBps, 0)} MB/s), and the checkpoint daemon should stay busy under a tenth of the time (at least hourly). `snapshot.by.wal_size: {plan.SnapshotWalSizeBytes}` caps the WAL between checkpoints at the {Figures.Gb(_capacity.WalSizeGb)} the capacity plan reserved, and `snapshot.count: {plan.SnapshotCount}` keeps the checkpoints the disks were sized for.",
            $"`snapshot.by.interval: {plan.SnapshotIntervalSeconds}`: запись одного снимка занимает около {Figures.Number(schedule.SnapshotWriteSeconds, 0)} с ({Figures.Gb(_capacity.SnapshotSizeGb)} при {Figures.Number(RecoveryRates.SnapshotWriteMBps, 0)} МБ/с), а демон контрольных точек должен быть занят не более десятой части времени (не реже раза в час). `snapshot.by.wal_size: {plan.SnapshotWalSizeBytes}` ограничивает WAL между контрольными точками объёмом {Figures.Gb(_capacity.WalSizeGb)}, заложенным в план мощностей, а `snapshot.count: {plan.SnapshotCount}` хранит столько контрольных точек, на сколько рассчитаны диски.");
        var replaySeconds = schedule.WorstReplayRows / RecoveryRates.NativeReplayRowsPerSecond;
        var rows = Figures.Number(schedule.WorstReplayRows / 1e6, 1);
        var perReplicaset = Figures.Number(BackupScheduleDesigner.WritesPerReplicaset(_capacity), 0);
        if (schedule.ReplayBudgetSeconds == 0)
            _md.Paragraph(
                $"Full backups run daily (cron `{plan.FullBackupCron}`), which sets the RPO of this environment.",
                $"Полные копии снимаются ежедневно (cron `{plan.FullBackupCron}`), это и задаёт RPO этого окружения.");
        else if (replaySeconds <= schedule.ReplayBudgetSeconds)
            _md.Paragraph(
                $"Full backups run every {schedule.FullBackupPeriodHours} h (cron `{plan.FullBackupCron}`): after restoring the newest one, up to {rows} million rows written since its checkpoint ({perReplicaset} writes/s per replicaset over one backup period plus one snapshot interval) must be replayed, about {Figures.Number(replaySeconds, 0)} s of native recovery, within the {schedule.ReplayBudgetSeconds} s budget. A longer period would make every restore slower.",
                $"Полные копии снимаются каждые {schedule.FullBackupPeriodHours} ч (cron `{plan.FullBackupCron}`): после восстановления последней нужно воспроизвести до {rows} млн строк, записанных после её контрольной точки ({perReplicaset} записей/с на набор реплик за период копирования плюс интервал снимков), — около {Figures.Number(replaySeconds, 0)} с штатного восстановления, в пределах бюджета {schedule.ReplayBudgetSeconds} с. Более длинный период замедлил бы каждое восстановление.");
        else
            _md.Paragraph(
                $"Full backups run every {schedule.FullBackupPeriodHours} h (cron `{plan.FullBackupCron}`), as often as new checkpoints appear. Even so, {rows} million rows ({perReplicaset} writes/s per replicaset) may need replaying, about {Figures.Number(replaySeconds, 0)} s, over the {schedule.ReplayBudgetSeconds} s budget; the RTO above includes it. To restore faster, shard further (fewer writes per replicaset) or give the storages faster disks so snapshots can be taken more often.",
                $"Полные копии снимаются каждые {schedule.FullBackupPeriodHours} ч (cron `{plan.FullBackupCron}`) — так часто, как появляются новые контрольные точки. Даже так может потребоваться воспроизвести {rows} млн строк ({perReplicaset} записей/с на набор реплик), около {Figures.Number(replaySeconds, 0)} с, что больше бюджета {schedule.ReplayBudgetSeconds} с; RTO выше это учитывает. Чтобы восстанавливаться быстрее, увеличьте число шардов (меньше записей на набор реплик) или дайте хранилищам более быстрые диски, чтобы снимать снимки чаще.");
        if (plan.PointInTimeRecovery && estimates.FirstOrDefault(e => e.Failure == RecoveryFailures.LogicalCorruption) is { } corruption && corruption.Seconds == plan.RtoSeconds)
            _md.Paragraph(
                "The point-in-time restore sets the RTO because `tt play` pushes rows through iproto, several times slower than native recovery. When only some spaces were damaged, replay just those with `tt play --space <id>`, which shortens it in proportion.",
                "RTO задаёт восстановление на момент времени: `tt play` передаёт строки через iproto, в разы медленнее штатного восстановления. Если повреждены только некоторые спейсы, воспроизводите лишь их через `tt play --space <id>` — время сократится пропорционально.");
        _md.Paragraph(
            "`backup/backup.sh INSTANCE` runs on the backup source's host and talks to its control socket (`tt connect app:instance`, no password): `box.backup.start()` returns the files of the last checkpoint (.snap and vinyl runs) and pauses their garbage collection; the script uploads them and the closed xlogs written since, with a sha256 manifest uploaded last as the completeness marker, then calls `box.backup.stop()` (also on any error, from a trap).",
            "`backup/backup.sh INSTANCE` запускается на хосте источника и работает через его управляющий сокет (`tt connect app:instance`, без пароля): `box.backup.start()` возвращает файлы последней контрольной точки (.snap и файлы vinyl) и приостанавливает их сборку мусора; скрипт выгружает их и закрытые xlog после неё, манифест sha256 выгружается последним как признак целостной копии, затем вызывается `box.backup.stop()` (и при любой ошибке — из trap).");
        _md.Code("lua", "box.backup.start()   -- list of files to copy; checkpoint GC paused\n-- copy the files off-host\nbox.backup.stop()    -- GC resumes");
        _md.Paragraph(
            $"The restore rehearsal (`backup/verify-backup.sh`, cron `{plan.VerificationCron}`) downloads the latest backup, checks the manifest, reads the xlogs with `tt cat` and starts a throwaway read-only instance on the copy; it fails when the backup is older than twice the backup period. Its success time is exported for the TarantoolBackupTooOld alert.",
            $"Репетиция восстановления (`backup/verify-backup.sh`, cron `{plan.VerificationCron}`) скачивает последнюю копию, сверяет манифест, читает xlog через `tt cat` и запускает на копии временный экземпляр только для чтения; проверка не проходит, если копия старше двух периодов копирования. Время успешной проверки экспортируется для алерта TarantoolBackupTooOld.");
    }

    private void Storage()
    {
        _md.Section(BackupRecoveryPhase.Storage);
        var pods = InstanceLayout.InContainers(_request);
        var (en, ru) = plan.StorageKind switch
        {
            StorageKinds.S3 when _request.CloudProvider != CloudProvider.Aws => pods
                ? ("On Kubernetes pods have no shared host mount, so backups go to S3-compatible object storage with `aws s3 cp` (set `S3_ENDPOINT_URL` for MinIO or Ceph RGW); credentials come from the pod's service account or environment variables, never from the scripts.",
                   "В Kubernetes у подов нет общего каталога хоста, поэтому копии уходят в S3-совместимое объектное хранилище через `aws s3 cp` (для MinIO или Ceph RGW задайте `S3_ENDPOINT_URL`); учётные данные берутся из сервисного аккаунта пода или переменных окружения, но не из скриптов.")
                : ("Backups go to S3-compatible object storage with `aws s3 cp` (set `S3_ENDPOINT_URL` for MinIO or Ceph RGW); credentials come from the hosts' environment (the systemd EnvironmentFile), never from the scripts.",
                   "Копии уходят в S3-совместимое объектное хранилище через `aws s3 cp` (для MinIO или Ceph RGW задайте `S3_ENDPOINT_URL`); учётные данные берутся из окружения хостов (EnvironmentFile службы systemd), но не из скриптов."),
            StorageKinds.S3 => pods
                ? ("Backups go to S3 with `aws s3 cp`; the pods' service account is bound to an IAM role with write access to the bucket (IRSA or EKS Pod Identity), so no key is stored anywhere. Enable bucket versioning and object lock so a compromised pod cannot erase the history.",
                   "Копии уходят в S3 через `aws s3 cp`; сервисный аккаунт подов связан с IAM-ролью с правом записи в бакет (IRSA или EKS Pod Identity), ключи нигде не хранятся. Включите версионирование и object lock бакета, чтобы скомпрометированный под не мог стереть историю.")
                : ("Backups go to S3 with `aws s3 cp`; the hosts' IAM role (an instance profile) grants write access to the bucket, so no key is stored anywhere. Enable bucket versioning and object lock so a compromised host cannot erase the history.",
                   "Копии уходят в S3 через `aws s3 cp`; запись в бакет разрешает IAM-роль хостов (профиль экземпляра), ключи нигде не хранятся. Включите версионирование и object lock бакета, чтобы скомпрометированный хост не мог стереть историю."),
            StorageKinds.AzureBlob => pods
                ? ("Backups go to Azure Blob Storage with `az storage blob upload` / `upload-batch` (azcopy works too); the pods' service account uses Microsoft Entra Workload ID with a managed identity that holds the Storage Blob Data Contributor role, so no key or SAS token is stored.",
                   "Копии уходят в Azure Blob Storage через `az storage blob upload` / `upload-batch` (подойдёт и azcopy); сервисный аккаунт подов использует Microsoft Entra Workload ID с управляемым удостоверением, у которого есть роль Storage Blob Data Contributor, ключи и SAS-токены не хранятся.")
                : ("Backups go to Azure Blob Storage with `az storage blob upload` / `upload-batch` (azcopy works too); the VMs' managed identity holds the Storage Blob Data Contributor role, so no key or SAS token is stored.",
                   "Копии уходят в Azure Blob Storage через `az storage blob upload` / `upload-batch` (подойдёт и azcopy); роль Storage Blob Data Contributor выдана управляемому удостоверению ВМ, ключи и SAS-токены не хранятся."),
            StorageKinds.Gcs => pods
                ? ("Backups go to Cloud Storage with `gcloud storage cp`; through GKE Workload Identity the pods' service account acts as a Google service account with roles/storage.objectAdmin on the bucket (retention deletes old backups), so no key file is stored.",
                   "Копии уходят в Cloud Storage через `gcloud storage cp`; через GKE Workload Identity сервисный аккаунт подов действует как сервисный аккаунт Google с ролью roles/storage.objectAdmin на бакет (хранение по сроку удаляет старые копии), файлы ключей не хранятся.")
                : ("Backups go to Cloud Storage with `gcloud storage cp`; the VMs' attached service account has roles/storage.objectAdmin on the bucket (retention deletes old backups), so no key file is stored.",
                   "Копии уходят в Cloud Storage через `gcloud storage cp`; подключённому к ВМ сервисному аккаунту выдана роль roles/storage.objectAdmin на бакет (хранение по сроку удаляет старые копии), файлы ключей не хранятся."),
            _ => ("On premises backups go to an NFS share mounted on every backup source (or an rsync target); keep it on storage outside the Tarantool hosts' failure domain.",
                  "На собственных серверах копии уходят на NFS-ресурс, смонтированный на каждом источнике (или на rsync-цель); он должен находиться вне домена отказа хостов Tarantool."),
        };
        _md.Paragraph(en, ru);
        _md.Paragraph(
            $"Layout under `{plan.StorageUri}`: `full/<UTC timestamp>/` (snap/, vinyl/, wal/, backup.info, manifest.sha256) and `wal/` (archived xlogs with .sha256, plus `wal/partial/` holding the open xlog's latest copy). Retention is exactly {plan.RetentionDays} days as requested: backup.sh deletes full backups older than that but keeps the newest of them as an anchor, so a point-in-time restore to any moment in the window still has an older snapshot; archived xlogs older than the oldest kept checkpoint are deleted with it.",
            $"Раскладка в `{plan.StorageUri}`: `full/<метка времени UTC>/` (snap/, vinyl/, wal/, backup.info, manifest.sha256) и `wal/` (архивные xlog с .sha256 и `wal/partial/` с последней копией открытого xlog). Срок хранения — ровно {plan.RetentionDays} дней, как запрошено: backup.sh удаляет более старые полные копии, но сохраняет самую новую из них как опорную, чтобы восстановление на любой момент окна имело более ранний снимок; архивные xlog старше самой старой сохранённой контрольной точки удаляются вместе с ней.");
    }

    private void PointInTime()
    {
        _md.Section(BackupRecoveryPhase.PointInTime);
        if (!plan.PointInTimeRecovery)
        {
            _md.Paragraph(
                "Point-in-time recovery is off: without archived xlogs the only restore points are the full backups. Enable WAL archival (archive-wal.sh) before this environment holds data that cannot be re-created.",
                "Восстановление на момент времени выключено: без архива xlog точками восстановления служат только полные копии. Включите архивацию WAL (archive-wal.sh), прежде чем в этом окружении появятся данные, которые нельзя пересоздать.");
            return;
        }
        _md.Paragraph(
            "A checkpoint starts a new xlog named after its vclock signature, so the xlogs to replay after a snapshot are exactly those whose names sort at or after the snapshot's. `backup/restore.sh INSTANCE --data-dir DIR --to-timestamp T` restores the newest backup taken before T into a throwaway instance and replays the archived xlogs through `tt play` up to T; the result is written as a new snapshot that seeds the new leader.",
            "Контрольная точка начинает новый xlog с именем по сигнатуре vclock, поэтому после снимка нужно воспроизвести ровно те xlog, чьи имена не меньше имени снимка. `backup/restore.sh INSTANCE --data-dir DIR --to-timestamp T` восстанавливает последнюю копию до момента T во временный экземпляр и воспроизводит архивные xlog через `tt play` до T; результат записывается новым снимком, из которого поднимается новый лидер.");
        _md.Code("bash", $"# find the bad operation and the moment before it\ntt cat {InstanceLayout.DataDirectory(_request, _request.ClusterName, "INSTANCE")}/*.xlog --space 512 --format yaml\n# replay up to a time, or up to an LSN of one replica id\ntt play /path/pitr.sock 00000000000000001234.xlog --timestamp 2024-11-13T14:02:36+00:00\ntt play /path/pitr.sock 00000000000000001234.xlog --to 120394 --replica 1");
        _md.Paragraph(
            "Prefer `--timestamp`: LSNs count per replica id, and after a failover a different replica id writes, so `--to` is only exact together with `--replica`. The copy of the open xlog (`--include-partial`) may end in a torn row; replay stops there.",
            "Предпочитайте `--timestamp`: LSN считаются по replica id, а после переключения пишет другой replica id, поэтому `--to` точен только вместе с `--replica`. Копия открытого xlog (`--include-partial`) может оканчиваться оборванной записью — воспроизведение на ней останавливается.");
    }

    private void Procedures()
    {
        _md.Section(BackupRecoveryPhase.Procedures);
        var dataRoot = InstanceLayout.DataRoot(_request, _request.ClusterName);
        if (InstanceLayout.InContainers(_request))
            _md.Paragraph(
                $"Each procedure uses this cluster's names. kubectl commands run from an operator machine; tt, Lua and backup-script commands run inside the named instance's pod (`kubectl exec -it -n {PlatformNaming.Namespace(_request.ClusterName)} <instance> -- bash`), where the backup scripts are in {InstanceLayout.BackupToolsDir} and data in {dataRoot}/<instance>.",
                $"Процедуры используют имена этого кластера. Команды kubectl выполняются с машины оператора; команды tt, Lua и скриптов бэкапа — внутри пода указанного экземпляра (`kubectl exec -it -n {PlatformNaming.Namespace(_request.ClusterName)} <instance> -- bash`), где скрипты бэкапа лежат в {InstanceLayout.BackupToolsDir}, а данные — в {dataRoot}/<instance>.");
        else
            _md.Paragraph(
                $"Each procedure uses this cluster's names; commands run on the named instance's host (tt control socket, from {InstanceLayout.AppDirectory(_request.ClusterName)}) unless they show a URI. Instances are the systemd units {InstanceLayout.Unit(_request.ClusterName, "<instance>")}, the backup scripts are in {InstanceLayout.BackupToolsDir} and data in {dataRoot}/<instance>.",
                $"Процедуры используют имена этого кластера; команды выполняются на хосте указанного экземпляра (через управляющий сокет tt, из {InstanceLayout.AppDirectory(_request.ClusterName)}), если в них не указан URI. Экземпляры — службы systemd {InstanceLayout.Unit(_request.ClusterName, "<instance>")}, скрипты бэкапа лежат в {InstanceLayout.BackupToolsDir}, данные — в {dataRoot}/<instance>.");
        foreach (var procedure in plan.Procedures)
        {
            _md.Subsection($"{procedure.Failure}: {procedure.Title} (RTO {Duration(procedure.ExpectedRtoSeconds)})",
                $"{procedure.Failure}: {RussianTitle(procedure.Failure)} (RTO {Duration(procedure.ExpectedRtoSeconds)})");
            if (context.Language == Language.Ru)
            {
                // Steps are the typed output's English text; the Russian narrative names what is done and shows the
                // commands, so the prose stays Russian.
                _md.Paragraph($"Шагов: {procedure.Steps.Count}; полный текст шагов — в выходных данных фазы (outputs/03-backup-recovery.json). Ключевые команды:");
                var commands = procedure.Steps.SelectMany(CodeSpans).Where(LooksLikeCommand).Distinct().ToList();
                if (commands.Count > 0) _md.Code("bash", string.Join("\n", commands));
            }
            else _md.Numbered(procedure.Steps);
        }
    }

    private static IEnumerable<string> CodeSpans(string step) =>
        System.Text.RegularExpressions.Regex.Matches(step, "`([^`]+)`").Select(m => m.Groups[1].Value);

    private static bool LooksLikeCommand(string span) =>
        span.StartsWith("tt ", StringComparison.Ordinal) || span.StartsWith("backup/", StringComparison.Ordinal)
        || span.StartsWith(InstanceLayout.BackupToolsDir, StringComparison.Ordinal) || span.StartsWith("sudo ", StringComparison.Ordinal)
        || span.StartsWith("echo ", StringComparison.Ordinal) || span.StartsWith("kubectl ", StringComparison.Ordinal)
        || span.StartsWith("box.", StringComparison.Ordinal);

    private static string RussianTitle(string failure) => failure switch
    {
        RecoveryFailures.LostReplica => "потеря реплики — повторное подключение или замена с лидера",
        RecoveryFailures.LostLeader => "потеря лидера — переключение на реплику",
        RecoveryFailures.LostReplicaset => "потеря всего набора реплик — восстановление последней копии и архива WAL",
        RecoveryFailures.LogicalCorruption => "порча или ошибочное удаление данных — восстановление на момент до ошибки",
        RecoveryFailures.LostSite => "потеря площадки — работа в оставшихся площадках",
        RecoveryFailures.LostRouter => "потеря роутера — клиенты используют остальные",
        _ => "процедура восстановления",
    };

    private string SourcesText()
    {
        var sources = BackupScriptsRenderer.Sources(context);
        return sources.Count == 0 ? "-" : string.Join(", ", sources.Select(s => $"`{s.Instance}`"));
    }

    private string Duration(int seconds) => seconds switch
    {
        >= 86400 when seconds % 86400 == 0 => T($"{seconds / 86400} d", $"{seconds / 86400} сут"),
        >= 3600 => T($"{Figures.Number(seconds / 3600.0, 1)} h", $"{Figures.Number(seconds / 3600.0, 1)} ч"),
        >= 120 => T($"{Figures.Number(seconds / 60.0, 1)} min", $"{Figures.Number(seconds / 60.0, 1)} мин"),
        _ => T($"{seconds} s", $"{seconds} с"),
    };
}
