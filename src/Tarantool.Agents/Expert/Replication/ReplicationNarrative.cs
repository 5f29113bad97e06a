using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.Configuration;
using Tarantool.Agents.Phases.Replication;
using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.Expert.Replication;

/// <summary>Writes the phase 5 narrative from the replication plan.</summary>
internal sealed class ReplicationNarrative
{
    private readonly ReplicationPlan _plan;
    private readonly string _app;
    private readonly ClusterTopology? _topology;
    private readonly NarrativeBuilder _md;
    private readonly IReadOnlyList<NarrativeSection> _sections = ReplicationPhase.Sections;

    public ReplicationNarrative(ReplicationPlan plan, PhaseContext context)
    {
        _plan = plan;
        _app = context.Request.ClusterName;
        _topology = context.Find<ClusterTopology>();
        _md = new NarrativeBuilder(context.Language);
    }

    /// <summary>Russian prose for the catalogue's failures; commands stay in the English plan.</summary>
    private Dictionary<string, (string Symptom, string Remedy, string Caveat)> RussianFailures => new()
    {
        ["upstream-stopped"] = (
            "Признак: в `box.info.replication` у источника статус `stopped` или `disconnected`, причина записана в `upstream.message`. Срабатывает оповещение TarantoolReplicationStopped.",
            $"Что делать: подключитесь через `tt connect {_app}:<instance>`, прочитайте `upstream.message`, устраните причину (сеть, пароль пользователя replicator, заполненный диск) и заново примените репликацию: `box.cfg{{replication = {{}}}}` и обратно (в 3.x — `config.reload()`). Затем запустите проверку репликации.",
            "перезапуск репликации после ошибки данных (а не сети) только повторит ошибку; при конфликте или отсутствующем xlog действуйте по соответствующему разделу."),
        ["lag-high"] = (
            $"Признак: `upstream.lag` растёт выше {Figures.Number(_plan.LagWarningSeconds)} с. Оповещение TarantoolReplicationLagHigh: предупреждение выше {Figures.Number(_plan.LagWarningSeconds)} с, критично выше {Figures.Number(_plan.LagCriticalSeconds)} с.",
            "Что делать: проверьте задержку записи WAL и загрузку процессора на реплике (применение изменений однопоточное), пропускную способность сети между площадками и длинные транзакции на лидере (`fiber.top()`). Не переключайтесь на реплику с отставанием выше критического порога, пока лидер жив.",
            "отставание считается по времени фиксации на лидере, поэтому расхождение часов искажает его — держите NTP/chrony синхронизированными."),
        ["missing-xlog"] = (
            "Признак: источник останавливается с ошибкой `Missing .xlog file between LSN ...` — реплике нужен WAL, который лидер уже удалил.",
            $"Что делать: пересоберите реплику — `tt stop {_app}:<instance>`, перенесите каталог данных в сторону, снова запустите экземпляр: он подключится заново и получит свежий снапшот от лидера; затем проверьте репликацию и удалите старый каталог.",
            "лидер хранит xlog только для подключённых реплик и в пределах сохранённых снапшотов; реплику, отключённую дольше, чем snapshot.count × интервал снапшотов, придётся пересобирать, а это копирование всех данных по сети."),
        ["no-leader"] = (
            "Признак: `box.info.election.leader` равен 0, записи отклоняются, синхронные транзакции не дожидаются кворума. Срабатывает оповещение TarantoolNoLeader.",
            "Что делать: восстановите большинство голосующих узлов (сеть, упавшие экземпляры). Только если потерянные узлы не вернутся, на самой свежей реплике (максимальный vclock) выполните `box.ctl.promote()` и замените потерянные узлы.",
            "снижение synchro_quorum или ручное повышение, пока старый лидер может быть жив, рискует создать две истории данных; сначала убедитесь, что он остановлен."),
        ["replication-conflict"] = (
            "Признак: источник останавливается с ошибкой `Duplicate key exists in unique index` после того, как два мастера записали один ключ. Срабатывают TarantoolReplicationStopped и TarantoolTransactionConflictsHigh.",
            "Что делать: найдите конфликтующий ключ в `upstream.message`, сравните кортежи на обоих мастерах, запишите правильное значение на том мастере, где оно останется, исправьте другую копию и заново примените репликацию. Чтобы конфликт не повторялся, закрепите за каждым мастером свой диапазон ключей.",
            "`replication_skip_conflict` (`replication.skip_conflict: true`) заставляет применять изменения дальше, пропуская конфликтующую строку: она теряется на этом мастере, и реплики незаметно расходятся. Допустимо только для разового восстановления с последующей сверкой данных, но не постоянно."),
    };

    public string Write()
    {
        _md.Title("Replication", "Репликация");
        var meshes = _plan.Replicasets.Count(r => r.Topology == "full-mesh");
        var sync = _plan.Replicasets.Any(r => r.Mode == "synchronous");
        var mm = _plan.Replicasets.Any(r => r.MultiMaster);

        _md.Section(_sections[0]);
        _md.Paragraph(
            $"{_plan.Replicasets.Count} replicasets, {meshes} of them replicated as a full mesh; failover '{_plan.Failover}'; replication is {(sync ? "synchronous for quorum-confirmed spaces under Raft election" : "asynchronous")}{(mm ? ", with several masters" : "")}. Lag alerts fire at {Figures.Number(_plan.LagWarningSeconds)} s (warning) and {Figures.Number(_plan.LagCriticalSeconds)} s (critical), derived from an RPO of {_plan.RpoSeconds} s.",
            $"{_plan.Replicasets.Count} наборов реплик, из них {meshes} реплицируются полной сеткой; режим переключения '{_plan.Failover}'; репликация {(sync ? "синхронная для пространств с подтверждением кворумом при выборах Raft" : "асинхронная")}{(mm ? ", с несколькими мастерами" : "")}. Оповещения об отставании срабатывают на {Figures.Number(_plan.LagWarningSeconds)} с (предупреждение) и {Figures.Number(_plan.LagCriticalSeconds)} с (критично); пороги выведены из RPO {_plan.RpoSeconds} с.");

        _md.Section(_sections[1]);
        _md.Paragraph(
            "In a full mesh every member lists every other member in its replication peers, so each instance receives changes directly from the writer and any member can become the writer without re-wiring. Routers are single instances and do not replicate.",
            "В полной сетке каждый участник указывает всех остальных в списке пиров репликации, поэтому каждый экземпляр получает изменения напрямую от пишущего узла, и любой участник может стать пишущим без перенастройки связей. Роутеры — одиночные экземпляры и не реплицируются.");
        _md.Table(
            [_md.T("Replicaset", "Набор реплик"), _md.T("Topology", "Топология"), _md.T("Mode", "Режим"), _md.T("Writers", "Пишущие узлы"), _md.T("Upstreams", "Источники")],
            _plan.Replicasets.Select(r => (IReadOnlyList<string>)[
                r.Name, r.Topology, r.Mode + (r.SynchroQuorum > 0 ? $" (quorum {r.SynchroQuorum})" : ""),
                r.Writers.Count > 0 ? string.Join(", ", r.Writers) : _md.T("elected leader", "выбранный лидер"),
                string.Join("; ", r.Instances.Select(i => $"{i.Instance} ← {(i.Upstreams.Count > 0 ? string.Join(", ", i.Upstreams) : "—")}"))]));

        _md.Section(_sections[2]);
        _md.Paragraph(sync
                ? "With election failover a transaction on a space created with `is_sync = true` commits only after a quorum of members has written it to their WAL; a new leader therefore always has every confirmed transaction. Other spaces stay asynchronous and may lose their last changes in a failover: put data that must never be lost into synchronous spaces and accept the extra round trip of latency."
                : "Replication is asynchronous: the writer commits locally and relays the change afterwards. A failover can lose what the promoted replica had not received yet — its lag — which the thresholds below keep inside the RPO.",
            sync
                ? "При выборах лидера транзакция в пространстве, созданном с `is_sync = true`, фиксируется только после того, как кворум участников записал её в свой WAL; поэтому новый лидер всегда имеет все подтверждённые транзакции. Остальные пространства остаются асинхронными и при переключении могут потерять последние изменения: данные, которые нельзя терять, храните в синхронных пространствах и учитывайте лишний сетевой круг задержки."
                : "Репликация асинхронная: пишущий узел фиксирует транзакцию локально и передаёт изменение после этого. При переключении можно потерять то, что новая реплика ещё не получила, — её отставание; пороги ниже удерживают его в пределах RPO.");
        if (sync)
        {
            // What synchronous replication costs, in this topology's numbers.
            var quorum = _plan.Replicasets.Where(r => r.Mode == "synchronous").Select(r => r.SynchroQuorum).DefaultIfEmpty(0).Max();
            var rtt = _topology?.CrossRegionLatencyBudgetMs ?? 0;
            var regions = _topology?.Regions.Count ?? 1;
            var timeout = Figures.Number(ReplicationSettings.SynchroTimeoutFor(regions));
            _md.Paragraph(
                $"Synchronous replication is configured, not only named: config.yaml sets `replication.synchro_quorum: {quorum}` and `replication.synchro_timeout: {timeout}`, and `{SyncSpacesLua.Path}` makes the user spaces synchronous (`is_sync = true`) on each leader; run it after every schema migration. The cost is latency: every commit on a synchronous space waits for {quorum - 1} other member(s) to write it to their WAL, one network round trip plus their disk write — " +
                (rtt > 0 ? $"up to {rtt} ms across sites (the cross-site budget), so synchronous writes take at least that long and their throughput per connection drops accordingly." : "under a millisecond or two inside one data centre.") +
                $" A commit that cannot gather the quorum within {timeout} s is rolled back and the client gets an error; while the quorum is lost, synchronous writes stop.",
                $"Синхронная репликация настроена, а не только названа: в config.yaml заданы `replication.synchro_quorum: {quorum}` и `replication.synchro_timeout: {timeout}`, а `{SyncSpacesLua.Path}` делает пользовательские пространства синхронными (`is_sync = true`) на каждом лидере; запускайте его после каждой миграции схемы. Цена — задержка: каждая фиксация в синхронном пространстве ждёт, пока ещё {quorum - 1} участник(а) запишут её в свой WAL, — один сетевой круг плюс их запись на диск: " +
                (rtt > 0 ? $"до {rtt} мс между площадками (бюджет межплощадочной задержки), поэтому синхронная запись занимает не меньше этого времени, и пропускная способность на одно соединение падает соответственно." : "в пределах одного ЦОД — не больше одной-двух миллисекунд.") +
                $" Фиксация, не собравшая кворум за {timeout} с, откатывается, и клиент получает ошибку; пока кворума нет, синхронная запись остановлена.");
        }
        if (mm)
            _md.Paragraph(
                "Several masters accept writes. Tarantool has no conflict resolution: two masters changing the same key stop replication with a duplicate-key error, so each master must own its keys.",
                "Записи принимают несколько мастеров. В Tarantool нет разрешения конфликтов: если два мастера изменят один ключ, репликация остановится с ошибкой дублирования ключа, поэтому каждый мастер должен владеть своими ключами.");

        _md.Section(_sections[3]);
        _md.Paragraph(
            $"The critical threshold is half the RPO ({_plan.RpoSeconds} s → {Figures.Number(_plan.LagCriticalSeconds)} s, capped at 60 s and never below four heartbeats): a replica lagging that much still leaves time to react before a leader loss would exceed the RPO. The warning is a fifth of it ({Figures.Number(_plan.LagWarningSeconds)} s) and never below one `replication.timeout` ({Figures.Number(_plan.ReplicationTimeoutSeconds)} s), because smaller lag is heartbeat noise. The RPO comes from the {(_plan.RpoSource == "backup-plan" ? "backup plan" : "environment default")}.",
            $"Критический порог — половина RPO ({_plan.RpoSeconds} с → {Figures.Number(_plan.LagCriticalSeconds)} с, не больше 60 с и не меньше четырёх heartbeat): при таком отставании ещё остаётся время отреагировать, прежде чем потеря лидера превысит RPO. Предупреждение — пятая часть критического порога ({Figures.Number(_plan.LagWarningSeconds)} с), но не меньше одного `replication.timeout` ({Figures.Number(_plan.ReplicationTimeoutSeconds)} с), потому что меньшее отставание — это шум heartbeat. RPO взят из {(_plan.RpoSource == "backup-plan" ? "плана резервного копирования" : "значения по умолчанию для окружения")}.");
        _md.Code("lua", "-- on any instance: lag and status of every upstream\nfor _, r in pairs(box.info.replication) do\n    if r.upstream then print(r.name or r.uuid, r.upstream.status, r.upstream.lag) end\nend");

        _md.Section(_sections[4]);
        _md.Subsection("Adding a replica", "Добавление реплики");
        _md.Paragraph(
            "A new member is described in the configuration first, then started; it bootstraps from a snapshot of a live member and then follows the WAL. The steps, in order:",
            "Новый участник сначала описывается в конфигурации, затем запускается; он загружает снапшот с живого участника и дальше следует за WAL. Шаги по порядку:");
        _md.Code("text", string.Join("\n", _plan.JoinProcedure.Select((s, i) => $"{i + 1}. {s}")));
        _md.Subsection("Rebuilding a replica", "Пересборка реплики");
        _md.Paragraph(
            "A replica that cannot catch up (missing xlog, corrupted files) is rebuilt from scratch: stop it, move its data aside, start it empty so it re-joins, verify, then delete the old data.",
            "Реплику, которая не может догнать лидера (нет нужного xlog, повреждённые файлы), пересобирают с нуля: остановить, убрать данные в сторону, запустить пустой, чтобы она подключилась заново, проверить и удалить старые данные.");
        _md.Code("text", string.Join("\n", _plan.RebuildProcedure.Select((s, i) => $"{i + 1}. {s}")));
        _md.Paragraph(
            "Re-joining copies the whole data set from a live member; schedule it outside peak hours for large replicasets.",
            "Повторное подключение копирует весь набор данных с живого участника; для больших наборов реплик выполняйте его вне пиковых часов.");

        _md.Section(_sections[5]);
        foreach (var failure in _plan.Failures)
        {
            _md.Subsection(failure.Key, failure.Key);
            if (_md.Language == Requests.Language.Ru && RussianFailures.TryGetValue(failure.Key, out var ru))
            {
                _md.Paragraph(ru.Symptom);
                _md.Paragraph(ru.Remedy);
                _md.Paragraph("Оговорка: " + ru.Caveat);
                continue;
            }
            _md.Paragraph(_md.T("Symptom: ", "Признак: ") + failure.Symptom);
            _md.Paragraph(_md.T("Detection: ", "Обнаружение: ") + failure.Detection);
            _md.Numbered(failure.Remedy);
            _md.Paragraph(_md.T("Caveat: ", "Оговорка: ") + failure.Caveat);
        }
        _md.Paragraph(
            "`replication.skip_conflict` stays off: it would turn a visible stop into silent divergence.",
            "`replication.skip_conflict` остаётся выключенным: он превращает видимую остановку в незаметное расхождение данных.");

        _md.Section(_sections[6]);
        _md.Paragraph(
            $"`tarantool/replication/verify-replication.sh` runs `verify-replication.lua` with the tarantool binary as a client: it checks that every upstream and downstream is 'follow' with lag under the thresholds, then writes a marker on each writable instance and expects it on every other member within {Figures.Number(_plan.MarkerTimeoutSeconds)} s. It exits non-zero on any failure, so CI and the DR drills can use it.",
            $"`tarantool/replication/verify-replication.sh` запускает `verify-replication.lua` бинарником tarantool в роли клиента: проверяет, что каждый upstream и downstream в состоянии 'follow' и отставание ниже порогов, затем пишет метку на каждом пишущем экземпляре и ждёт её на всех остальных участниках не дольше {Figures.Number(_plan.MarkerTimeoutSeconds)} с. При любой ошибке скрипт завершается с ненулевым кодом, поэтому его можно использовать в CI и на учениях по восстановлению.");
        _md.Code("bash", $"export TT_VERIFY_USER=ops TT_VERIFY_PASSWORD=\"$(vault kv get -field=password secret/{_app}/ops)\"\ntarantool/replication/verify-replication.sh            # every replicaset\ntarantool/replication/verify-replication.sh {_plan.Replicasets[0].Name}   # one replicaset");
        return _md.ToString();
    }
}
