namespace Tarantool.Agents.Phases.Documentation;

/// <summary>
/// The fixed outline of the operations guide: seven files and the headings each must carry. The validator holds any
/// answer (ours or an LLM's) to it, so the outline is also described in <see cref="GuideDocument"/>'s schema text.
/// </summary>
internal static class GuideOutline
{
    public static readonly NarrativeSection Prerequisites = new("Prerequisites", "Предварительные требования");
    public static readonly NarrativeSection Installation = new("Installation", "Установка");
    public static readonly NarrativeSection Layout = new("Application layout", "Структура приложения");
    public static readonly NarrativeSection Secrets = new("Secrets", "Секреты");
    public static readonly NarrativeSection FirstStart = new("First start", "Первый запуск");
    public static readonly NarrativeSection Checks = new("Checks", "Проверки");

    public static readonly NarrativeSection StartStop = new("Start and stop", "Запуск и остановка");
    public static readonly NarrativeSection Replicas = new("Adding and removing a replica", "Добавление и удаление реплики");
    public static readonly NarrativeSection Leader = new("Switching the leader", "Переключение лидера");
    public static readonly NarrativeSection RollingRestart = new("Rolling restart", "Поэтапный перезапуск");
    public static readonly NarrativeSection Upgrade = new("Upgrading Tarantool", "Обновление Tarantool");
    public static readonly NarrativeSection AddShard = new("Adding a shard", "Добавление шарда");

    public static readonly NarrativeSection Diagnostics = new("Diagnostics", "Диагностика");
    public static readonly NarrativeSection Alerts = new("Alerts", "Алерты");
    public static readonly NarrativeSection CommonProblems = new("Common problems", "Типичные проблемы");

    public static readonly NarrativeSection BackupSchedule = new("Backup schedule", "Расписание резервного копирования");
    public static readonly NarrativeSection BackupScripts = new("Backup scripts", "Скрипты резервного копирования");
    public static readonly NarrativeSection RestoreProcedures = new("Restore procedures", "Процедуры восстановления");
    public static readonly NarrativeSection PointInTime = new("Point-in-time recovery", "Восстановление на момент времени");
    public static readonly NarrativeSection Verification = new("Verification", "Проверка бэкапов");

    public static readonly NarrativeSection CapacityToday = new("Capacity today", "Текущая ёмкость");
    public static readonly NarrativeSection Vertical = new("Vertical scaling", "Вертикальное масштабирование");
    public static readonly NarrativeSection AddingReplicas = new("Adding replicas", "Добавление реплик");
    public static readonly NarrativeSection AddingShards = new("Adding shards", "Добавление шардов");
    public static readonly NarrativeSection Growth = new("Growth projection", "Прогноз роста");

    public static readonly NarrativeSection Metrics = new("Metrics", "Метрики");
    public static readonly NarrativeSection Dashboards = new("Dashboards", "Дашборды");
    public static readonly NarrativeSection HealthChecks = new("Health checks", "Проверки здоровья");

    public static readonly NarrativeSection TrainingPlan = new("Training plan", "План обучения");
    public static readonly NarrativeSection Exercises = new("Exercises", "Упражнения");

    public const string SetupFile = "setup.md";
    public const string OperationsFile = "operations.md";
    public const string TroubleshootingFile = "troubleshooting.md";
    public const string BackupRecoveryFile = "backup-recovery.md";
    public const string ScalingFile = "scaling.md";
    public const string MonitoringFile = "monitoring.md";
    public const string TrainingFile = "training.md";

    /// <summary>Folder of the guide inside the bundle.</summary>
    public const string Folder = "docs";

    /// <summary>Every document in the order the guide presents them.</summary>
    public static readonly IReadOnlyList<GuideDocumentOutline> Documents =
    [
        new(SetupFile, new("Setup guide", "Руководство по установке"), [Prerequisites, Installation, Layout, Secrets, FirstStart, Checks], []),
        new(OperationsFile, new("Operational procedures", "Операционные процедуры"), [StartStop, Replicas, Leader, RollingRestart, Upgrade], [AddShard]),
        new(TroubleshootingFile, new("Troubleshooting guide", "Руководство по устранению неполадок"), [Diagnostics, Alerts, CommonProblems], []),
        new(BackupRecoveryFile, new("Backup and recovery", "Резервное копирование и восстановление"), [BackupSchedule, BackupScripts, RestoreProcedures, PointInTime, Verification], []),
        new(ScalingFile, new("Scaling guide", "Руководство по масштабированию"), [CapacityToday, Vertical, AddingReplicas, AddingShards, Growth], []),
        new(MonitoringFile, new("Monitoring guide", "Руководство по мониторингу"), [Metrics, Alerts, Dashboards, HealthChecks], []),
        new(TrainingFile, new("Team training", "Обучение команды"), [TrainingPlan, Exercises], []),
    ];

    /// <summary>Accepts <c>setup.md</c> as well as <c>docs/setup.md</c>, so a model's answer is not rejected over a prefix.</summary>
    public static string NormalizeFile(string file)
    {
        var name = file.Trim().Replace('\\', '/');
        return name.StartsWith(Folder + "/", StringComparison.OrdinalIgnoreCase) ? name[(Folder.Length + 1)..] : name;
    }

    public static GuideDocumentOutline? Find(string file) =>
        Documents.FirstOrDefault(d => string.Equals(d.File, NormalizeFile(file), StringComparison.OrdinalIgnoreCase));
}
