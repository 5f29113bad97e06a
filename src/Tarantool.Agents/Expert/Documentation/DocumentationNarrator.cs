using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases.Deployment;
using Tarantool.Agents.Phases.Documentation;

namespace Tarantool.Agents.Expert.Documentation;

/// <summary>
/// Writes the documentation phase's narrative: what the guide covers, its documents, and its conventions. It needs
/// only the documents' digest (file, title, headings), which is all the frame call of a split phase is shown.
/// </summary>
internal sealed class DocumentationNarrator(ClusterProfile cluster, string appName, IReadOnlyList<GuideDocumentDigest> documents)
{
    private readonly NarrativeBuilder _md = new(cluster.Language);

    public string Write()
    {
        _md.Title($"Operations guide of {appName}", $"Эксплуатационная документация {appName}");
        Summary();
        Documents();
        Conventions();
        return _md.ToString();
    }

    private void Summary()
    {
        var runbooks = new AlertRunbooks(cluster).All();
        _md.Section(DocumentationPhase.Summary);
        _md.Paragraph(
            $"The guide is written for the team that runs `{appName}`: {cluster.Instances.Count} Tarantool {cluster.Version} instances on {cluster.Hosts.Count} hosts, failover `{cluster.FailoverMode}`, deployed with {(cluster.OnKubernetes ? "Kubernetes" : "Ansible and systemd")}. Every procedure names this cluster's instances and hosts and uses the commands of its tooling, so it can be followed as is during an incident.",
            $"Документация написана для команды, которая эксплуатирует `{appName}`: инстансов Tarantool {cluster.Version} — {cluster.Instances.Count}, хостов — {cluster.Hosts.Count}, failover `{cluster.FailoverMode}`, развёртывание через {(cluster.OnKubernetes ? "Kubernetes" : "Ansible и systemd")}. Каждая процедура называет инстансы и хосты именно этого кластера и использует команды его инструментов, поэтому её можно выполнять как есть во время инцидента.");
        _md.Bullets(
        [
            _md.T($"Leaders: {string.Join(", ", cluster.DataReplicasets.Select(r => $"`{cluster.Leader(r) ?? "—"}`"))}; switchover method: {string.Join(", ", cluster.DataReplicasets.Select(cluster.SwitchoverMethod).Distinct())}.",
                $"Лидеры: {string.Join(", ", cluster.DataReplicasets.Select(r => $"`{cluster.Leader(r) ?? "—"}`"))}; способ переключения: {string.Join(", ", cluster.DataReplicasets.Select(cluster.SwitchoverMethod).Distinct())}."),
            _md.T($"Backups: `{cluster.Backup.FullBackupCron}` UTC, kept {cluster.Backup.RetentionDays} days, {(cluster.Backup.PointInTimeRecovery ? "point-in-time recovery with `tt play`" : "recovery to the last full backup")}.",
                $"Бэкапы: `{cluster.Backup.FullBackupCron}` UTC, срок хранения {GuideFigures.Days(cluster.Backup.RetentionDays, cluster.Language)}, {(cluster.Backup.PointInTimeRecovery ? "восстановление на момент времени через `tt play`" : "восстановление на последний полный бэкап")}."),
            _md.T($"Runbooks for all {runbooks.Count} alerts; {runbooks.Count(r => r.Relevant)} can fire in this cluster, the others state when they would.",
                $"Инструкции для всех {runbooks.Count} алертов; {runbooks.Count(r => r.Relevant)} могут сработать в этом кластере, для остальных указано, когда они применимы."),
            _md.T($"Training: {TrainingExercises()} hands-on exercises on staging.", $"Обучение: практические упражнения на стенде ({TrainingExercises()})."),
        ]);
    }

    private void Documents()
    {
        _md.Section(DocumentationPhase.Documents);
        _md.Table([_md.T("File", "Файл"), _md.T("Title", "Заголовок"), _md.T("Sections", "Разделы")],
            documents.Select(d => (IReadOnlyList<string>)[$"docs/{d.File}", d.Title, string.Join("; ", d.Sections.Select(s => s.Heading))]));
    }

    private void Conventions()
    {
        _md.Section(DocumentationPhase.Conventions);
        var example = cluster.MainReplicaset.Instances[0].Name;
        _md.Bullets(
        [
            _md.T($"The tt application is `{appName}`; an instance is addressed as `{appName}:<instance>`, e.g. `tt connect {appName}:{example}`.",
                $"Приложение tt называется `{appName}`; инстанс адресуется как `{appName}:<instance>`, например `tt connect {appName}:{example}`."),
            cluster.OnKubernetes
                ? _md.T($"On Kubernetes the pod name equals the instance name; commands run inside it with `kubectl exec -n {appName} <instance> --`.", $"В Kubernetes имя пода совпадает с именем инстанса; команды выполняются внутри него через `kubectl exec -n {appName} <instance> --`.")
                : _md.T($"Each instance is the systemd unit `{DeploymentLayout.InstanceService(appName, "<instance>")}`; the application and its tt environment are `{DeploymentLayout.AppDir(cluster.InstallDir, appName)}`, where tt commands run.", $"Каждый инстанс — unit systemd `{DeploymentLayout.InstanceService(appName, "<instance>")}`; приложение и его окружение tt — `{DeploymentLayout.AppDir(cluster.InstallDir, appName)}`, там и выполняются команды tt."),
            _md.T("Passwords never appear: they come from environment variables (`TT_*`) or files, as `config.context` entries.", "Пароли нигде не пишутся: они приходят из переменных окружения (`TT_*`) или файлов как записи `config.context`."),
            _md.T("File names are English whatever the language; prose is in the request's language, commands and names stay as they are.", "Имена файлов — на английском при любом языке; текст — на языке запроса, команды и имена остаются как есть."),
            _md.T("Alert runbooks are `### <AlertName>` headings in troubleshooting.md, linked as `docs/troubleshooting.md#<alertname>`.", "Инструкции по алертам — заголовки `### <AlertName>` в troubleshooting.md, ссылка вида `docs/troubleshooting.md#<alertname>`."),
        ]);
    }

    private int TrainingExercises() =>
        documents.FirstOrDefault(d => d.File == GuideOutline.TrainingFile)?.Sections.Sum(s => s.Subheadings.Count) ?? 0;
}
