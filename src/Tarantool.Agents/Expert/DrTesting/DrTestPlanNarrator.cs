using System.Text.RegularExpressions;
using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.DrTesting;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.DrTesting;

/// <summary>Explains a DR test plan: the drills, how RTO and RPO are measured, what passes and when they run.</summary>
internal sealed partial class DrTestPlanNarrator(DrTestPlan plan, PhaseContext context)
{
    private readonly NarrativeBuilder _md = new(context.Language);

    private string T(string en, string ru) => _md.T(en, ru);

    private bool Ru => context.Language == Language.Ru;

    public string Write()
    {
        _md.Title($"Disaster-recovery testing: {context.Request.ClusterName}", $"Тестирование аварийного восстановления: {context.Request.ClusterName}");
        _md.Section(DrTestingPhase.Summary);
        _md.Paragraph(
            $"{plan.Scenarios.Count} drills prove the backup plan's objectives (RTO {Duration(plan.RtoSeconds)}, RPO {Duration(plan.RpoSeconds)}) instead of assuming them: each injects one failure with real commands, measures recovery from timestamped marker writes and prints PASS or FAIL against thresholds taken from the backup plan. They run {plan.Cadence} (cron `{plan.ScheduleCron}` UTC). Scripts: `dr/lib.sh` and one `dr/drill-*.sh` per scenario, all with `DRY_RUN=1`; `dr/scenarios.yaml` lists the scenarios for tooling.",
            $"{plan.Scenarios.Count} учений подтверждают цели плана резервного копирования (RTO {Duration(plan.RtoSeconds)}, RPO {Duration(plan.RpoSeconds)}), а не принимают их на веру: каждое вызывает один отказ реальными командами, измеряет восстановление по записям меток с временем и печатает PASS или FAIL по порогам из плана резервного копирования. Периодичность: {CadenceRu()} (cron `{plan.ScheduleCron}` UTC). Скрипты: `dr/lib.sh` и по одному `dr/drill-*.sh` на сценарий, все поддерживают `DRY_RUN=1`; `dr/scenarios.yaml` описывает сценарии для автоматизации.");
        _md.Paragraph(plan.DrillEnvironment is { Length: > 0 } && !Ru ? plan.DrillEnvironment : WhereRu());

        _md.Section(DrTestingPhase.Scenarios);
        _md.Table([T("Scenario", "Сценарий"), T("Failure", "Отказ"), T("Target", "Цель"), T("Script", "Скрипт")],
            plan.Scenarios.Select(s => (IReadOnlyList<string>)[s.Id, s.Failure, s.Target, $"`{s.Script}`"]));
        foreach (var scenario in plan.Scenarios)
        {
            _md.Subsection(scenario.Id, scenario.Id);
            if (Ru)
            {
                _md.Paragraph($"{ScenarioRu(scenario.Id)} Цель: `{scenario.Target}`. Запуск: `{scenario.Script}` (сначала с `DRY_RUN=1`). Ключевые команды сценария:");
                var commands = scenario.Steps.SelectMany(s => CodeSpan().Matches(s).Select(m => m.Groups[1].Value)).Where(c => c.Contains(' ', StringComparison.Ordinal)).Distinct().ToList();
                if (commands.Count > 0) _md.Code("bash", string.Join("\n", commands));
            }
            else
            {
                _md.Paragraph($"{scenario.Title}. {scenario.ExpectedOutcome}");
                _md.Paragraph("Preconditions:");
                _md.Bullets(scenario.Preconditions);
                _md.Numbered(scenario.Steps);
            }
        }

        _md.Section(DrTestingPhase.Measuring);
        _md.Paragraph(
            $"A background writer inserts a marker `{{id, clock.time(), note}}` into the `{plan.MarkerSpace}` space every {plan.MarkerIntervalMilliseconds} ms, always to the member that reports `box.info.ro == false`, and logs each attempt with its timestamp and whether it was acknowledged. RTO is the longest gap between two acknowledged writes after the fault (what clients feel), or the time until the instance under test runs again when that is longer. RPO checks the last 200 markers acknowledged before the fault on the instance that serves afterwards: any missing one is lost data, measured as the time from the newest acknowledged marker to the newest surviving one.",
            $"Фоновый писатель каждые {plan.MarkerIntervalMilliseconds} мс вставляет метку `{{id, clock.time(), note}}` в спейс `{plan.MarkerSpace}`, всегда в участника с `box.info.ro == false`, и журналирует каждую попытку со временем и признаком подтверждения. RTO — наибольший промежуток между двумя подтверждёнными записями после отказа (то, что чувствуют клиенты), либо время до повторного запуска проверяемого экземпляра, если оно больше. RPO проверяет последние 200 меток, подтверждённых до отказа, на экземпляре, обслуживающем после него: каждая пропавшая — потерянные данные; потеря измеряется как время от последней подтверждённой метки до последней сохранившейся.");
        _md.Paragraph(
            "Restore drills measure the wall time of `backup/restore.sh` up to a running scratch instance, and RPO by which markers written before the chosen point are present (and, for point-in-time restore, that none written after it came back). Host provisioning is not part of the measurement: add it from the backup plan's estimate.",
            "Учения восстановления измеряют время работы `backup/restore.sh` до запущенного временного экземпляра, а RPO — по наличию меток, записанных до выбранного момента (а для восстановления на момент времени — и по отсутствию записанных после него). Подготовка хоста в измерение не входит: добавьте её из оценки плана резервного копирования.");
        _md.Code("lua", $"box.space.{plan.MarkerSpace}:replace{{id, require('clock').time(), 'drill'}}");

        _md.Section(DrTestingPhase.PassCriteria);
        _md.Paragraph(
            "A drill passes when its measured RTO and RPO are within the thresholds below (never looser than the backup plan's procedure for that failure) and every listed criterion holds; a FAIL opens an incident review before the next drill.",
            "Учение пройдено, если измеренные RTO и RPO не превышают порогов ниже (они никогда не мягче процедуры плана резервного копирования для этого отказа) и выполнены все перечисленные критерии; FAIL означает разбор инцидента до следующего учения.");
        _md.Table([T("Scenario", "Сценарий"), T("RTO threshold", "Порог RTO"), T("RPO threshold", "Порог RPO"), T("Criteria", "Критерии")],
            plan.Scenarios.Select(s => (IReadOnlyList<string>)[s.Id, $"{s.RtoThresholdSeconds} {T("s", "с")}", $"{s.RpoThresholdSeconds} {T("s", "с")}",
                Ru ? $"{s.PassCriteria.Count} {Plural(s.PassCriteria.Count)}" : string.Join("; ", s.PassCriteria)]));

        _md.Section(DrTestingPhase.Schedule);
        _md.Paragraph(
            $"Cadence: {plan.Cadence}, cron `{plan.ScheduleCron}` (UTC, a working-day morning so people are present). Also run the affected drills after every change to topology, failover settings, Tarantool version or backup tooling, and after any real incident.",
            $"Периодичность: {CadenceRu()}, cron `{plan.ScheduleCron}` (UTC, утро рабочего дня, чтобы люди были на месте). Кроме того, запускайте затронутые учения после каждого изменения топологии, настроек переключения, версии Tarantool или инструментов резервного копирования, а также после каждого реального инцидента.");
        _md.Code("bash", $"DRY_RUN=1 {plan.Scenarios[0].Script}   # rehearse the steps\n{plan.Scenarios[0].Script}   # real run: prints RESULT ... PASS|FAIL");
        return _md.ToString();
    }

    private string Duration(int seconds) => seconds >= 3600
        ? T($"{Figures.Number(seconds / 3600.0, 1)} h", $"{Figures.Number(seconds / 3600.0, 1)} ч")
        : seconds >= 120 ? T($"{Figures.Number(seconds / 60.0, 1)} min", $"{Figures.Number(seconds / 60.0, 1)} мин") : T($"{seconds} s", $"{seconds} с");

    private string CadenceRu() => plan.Cadence switch
    {
        "quarterly" => "ежеквартально",
        "monthly" => "ежемесячно",
        "semi-annually" => "раз в полгода",
        _ => plan.Cadence,
    };

    private string WhereRu() => context.Request.Environment switch
    {
        DeploymentEnvironment.Production => "Каждое учение сначала проходит в staging (та же топология, те же скрипты), затем в production в объявленное окно, по одному сценарию, под наблюдением дежурного инженера. Разрушительные учения (разделение сети, потеря площадки) в production выполняются только после успешного прогона в staging.",
        DeploymentEnvironment.Staging => "Staging, в рабочее время, с предупреждением команд, которые им пользуются; это же репетиция учений для production.",
        _ => "Окружение разработки, в любое время; учения в основном проверяют, что скрипты и путь восстановления работают.",
    };

    private string ScenarioRu(string id) => id switch
    {
        DrScenarioIds.ReplicasetRestore when Phases.Containers.ConfigDelivery.For(context.Request) == Phases.Containers.ConfigDelivery.ConfigYaml => Phases.Containers.InstanceLayout.InContainers(context.Request)
            ? "Потеря набора реплик: регламент восстановления целиком во временном пространстве имён — StatefulSet на нуле, бэкап восстанавливается в том экземпляра бэкапа под его собственным именем, масштаб возвращается, пустые участники присоединяются, кворум возвращается; метки пересчитываются, RTO сравнивается с целью."
            : "Потеря набора реплик: регламент восстановления целиком на временном хосте (SCRATCH_HOST) со своими каталогами и портами — бэкап под собственным именем экземпляра, временный кворум 1 или лидер, пустые участники присоединяются, кворум возвращается; метки пересчитываются, RTO сравнивается с целью.",
        DrScenarioIds.InstanceFailure => "Аварийное завершение экземпляра (SIGKILL) и его возврат; запись на лидере не должна прерываться.",
        DrScenarioIds.LeaderFailover => "Гибель лидера; набор реплик сам выбирает нового, старый лидер возвращается ведомым.",
        DrScenarioIds.ManualSwitchover => "Гибель лидера при пассивном переключении; по регламенту повышается самая свежая реплика.",
        DrScenarioIds.NetworkPartition => "Сетевое разделение: лидер отрезан от остальных; меньшинство должно перестать принимать запись, двух пишущих участников быть не должно.",
        DrScenarioIds.ReplicasetRestore => "Потеря набора реплик: восстановление последней копии и архива WAL во временный каталог.",
        DrScenarioIds.PointInTimeRestore => "Ошибочное удаление данных: восстановление на момент до ошибки через tt play.",
        DrScenarioIds.BackupRestore => "Ошибочное удаление без восстановления на момент времени: восстановление последней полной копии.",
        DrScenarioIds.SiteLoss => "Потеря площадки: все экземпляры региона останавливаются одновременно, оставшиеся площадки выбирают лидеров.",
        DrScenarioIds.RouterFailure => "Гибель роутера: остальные роутеры продолжают работу, погибший возвращается.",
        _ => "Сценарий без автоматизации: скрипт печатает шаги для оператора.",
    };

    private static string Plural(int n) => (n % 10, n % 100) switch
    {
        (1, not 11) => "критерий",
        (2 or 3 or 4, not (12 or 13 or 14)) => "критерия",
        _ => "критериев",
    } + " (см. dr/scenarios.yaml)";

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}
