using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Configuration;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.ClusterConfig;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.Configuration;

/// <summary>Writes the phase 4 narrative: what was configured, with the numbers and the reasons, and how to apply it.</summary>
internal sealed class ConfigurationNarrative
{
    private readonly ClusterConfiguration _config;
    private readonly ClusterTopology _topology;
    private readonly CapacityPlan _capacity;
    private readonly BackupPlan _backup;
    private readonly ClusterRequest _request;
    private readonly NarrativeBuilder _md;
    private readonly IReadOnlyList<NarrativeSection> _sections = ConfigurationPhase.Sections;

    public ConfigurationNarrative(ClusterConfiguration config, PhaseContext context)
    {
        _config = config;
        _topology = context.Get<ClusterTopology>();
        _capacity = context.Get<CapacityPlan>();
        _backup = context.Get<BackupPlan>();
        _request = context.Request;
        _md = new NarrativeBuilder(context.Language);
    }

    private bool Declarative => _config.ConfigFormat == ConfigFormats.Declarative;

    private bool Cartridge => _config.ConfigFormat == ConfigFormats.Cartridge;

    private int InstanceCount => TtEnvironmentYaml.InstanceNames(_topology).Count();

    public string Write()
    {
        _md.Title("Tarantool configuration", "Конфигурация Tarantool");
        Summary();
        Layout();
        Durability();
        Memory();
        Replication();
        Security();
        Metrics();
        Apply();
        return _md.ToString();
    }

    private void Summary()
    {
        _md.Section(_sections[0]);
        var replicasets = _topology.Replicasets.Count(r => !r.Roles.Contains("stateboard"));
        _md.Paragraph(
            $"The cluster '{_config.AppName}' is configured for Tarantool {_config.TargetVersion} as {FormatName()}: {InstanceCount} instances in {replicasets} replicasets, " +
            $"wal.mode {_config.WalMode}, {Figures.Bytes(_config.StorageMemtxMemoryBytes)} of memtx per storage instance, failover '{_config.Replication.Failover}', and Prometheus metrics on every instance.",
            $"Кластер '{_config.AppName}' настроен для Tarantool {_config.TargetVersion} в виде {FormatNameRu()}: {InstanceCount} экземпляров в {replicasets} наборах реплик, " +
            $"wal.mode {_config.WalMode}, {Figures.Bytes(_config.StorageMemtxMemoryBytes)} memtx на каждый экземпляр хранения, режим переключения '{_config.Replication.Failover}', метрики Prometheus на каждом экземпляре.");
        _md.Table(
            [_md.T("Topic", "Тема"), _md.T("Decision", "Решение")],
            _config.Decisions.Select(d => (IReadOnlyList<string>)[$"`{d.Topic}`", d.Choice]));
        _md.Paragraph(
            "Every figure above comes from the earlier phases: memory from the capacity plan, snapshots from the backup plan, instances and failover from the topology. The validator re-checks these equalities on every bundle.",
            "Все числа выше взяты из предыдущих фаз: память — из плана ёмкости, снапшоты — из плана резервного копирования, экземпляры и режим переключения — из топологии. Валидатор заново проверяет эти равенства для каждого комплекта.");
    }

    private void Layout()
    {
        _md.Section(_sections[1]);
        if (Declarative)
        {
            _md.Paragraph(
                $"The `tarantool/` directory is a self-contained tt environment and the application at the same time: `tt.yaml` sets `instances_enabled: .`, so tt treats the directory itself as the application named after it. Install it as `/opt/tarantool/{_config.AppName}`.",
                $"Каталог `tarantool/` одновременно является окружением tt и самим приложением: в `tt.yaml` указано `instances_enabled: .`, поэтому tt считает каталог приложением с именем этого каталога. Устанавливайте его как `/opt/tarantool/{_config.AppName}`.");
            _md.Bullets(Files().Select(f => $"`{f.Path}` — {_md.T(f.En, f.Ru)}"));
            _md.Paragraph(
                // vshard is named only where it runs: a non-sharded reader has no sharding section to look for.
                _config.Sharding.Enabled
                    ? "Options are placed at the scope Tarantool requires: credentials, iproto.advertise, replication, durability, metrics and sharding.bucket_count are global; sharding roles and router overrides sit on groups; leader and bootstrap_leader on replicasets; listen URIs, metrics ports, database.mode and election_mode on instances. An instance sees the first value found at instance, replicaset, group, then global level."
                    : "Options are placed at the scope Tarantool requires: credentials, iproto.advertise, replication, durability and metrics are global; leader and bootstrap_leader on replicasets; listen URIs, metrics ports, database.mode and election_mode on instances. An instance sees the first value found at instance, replicaset, group, then global level.",
                _config.Sharding.Enabled
                    ? "Параметры стоят на том уровне, который требует Tarantool: учётные данные, iproto.advertise, репликация, надёжность, метрики и sharding.bucket_count — глобально; роли шардирования и переопределения для роутеров — на группах; leader и bootstrap_leader — на наборах реплик; адреса listen, порты метрик, database.mode и election_mode — на экземплярах. Экземпляр видит первое значение, найденное на уровне экземпляра, набора реплик, группы и затем глобально."
                    : "Параметры стоят на том уровне, который требует Tarantool: учётные данные, iproto.advertise, репликация, надёжность и метрики — глобально; leader и bootstrap_leader — на наборах реплик; адреса listen, порты метрик, database.mode и election_mode — на экземплярах. Экземпляр видит первое значение, найденное на уровне экземпляра, набора реплик, группы и затем глобально.");
        }
        else
        {
            _md.Paragraph(Cartridge
                    ? "Cartridge keeps the topology in its own files: cartridge-cli (or `tt cartridge`) joins instances into replicasets from `replicasets.yml` and configures failover from `failover.yml`."
                    : "Tarantool 2.11 has no declarative config, so one `init.lua` carries the topology as a Lua table and configures each instance with box.cfg; tt starts it once per instance from `instances.yml`.",
                Cartridge
                    ? "Cartridge хранит топологию в своих файлах: cartridge-cli (или `tt cartridge`) собирает экземпляры в наборы реплик по `replicasets.yml` и настраивает переключение по `failover.yml`."
                    : "В Tarantool 2.11 нет декларативной конфигурации, поэтому один `init.lua` содержит топологию в виде Lua-таблицы и настраивает каждый экземпляр через box.cfg; tt запускает его для каждого экземпляра из `instances.yml`.");
            _md.Bullets(Files().Select(f => $"`{f.Path}` — {_md.T(f.En, f.Ru)}"));
        }
        _md.Table(
            [_md.T("Group", "Группа"), _md.T("Replicaset", "Набор реплик"), _md.T("Instances", "Экземпляры")],
            _topology.Replicasets.Where(r => !r.Roles.Contains("stateboard")).Select(r => (IReadOnlyList<string>)[
                _config.Groups.FirstOrDefault(g => g.Replicasets.Contains(r.Name))?.Name ?? "—",
                r.Name,
                string.Join(", ", r.Instances.Select(i => $"{i.Name} ({i.Host}:{i.Port})"))]));
    }

    private void Durability()
    {
        _md.Section(_sections[2]);
        _md.Paragraph(_config.WalMode == "fsync"
                ? $"`wal.mode: fsync`: a transaction is acknowledged only after its WAL record is on disk, so a power loss loses nothing that was confirmed. The disk must sustain about {Figures.Integer(_capacity.WalIops)} synchronous writes per second per leader, which the capacity plan provisioned."
                : "`wal.mode: write`: the WAL record is written to the page cache and flushed by the OS; a host crash may lose the last second of writes on that host, which replicas usually still hold.",
            _config.WalMode == "fsync"
                ? $"`wal.mode: fsync`: транзакция подтверждается только после записи WAL на диск, поэтому отключение питания не теряет подтверждённых данных. Диск должен выдерживать около {Figures.Integer(_capacity.WalIops)} синхронных записей в секунду на лидера — план ёмкости это учёл."
                : "`wal.mode: write`: запись WAL попадает в кэш страниц и сбрасывается ОС; при падении хоста можно потерять последнюю секунду записей на этом хосте, которые обычно уже есть на репликах.");
        _md.Paragraph(
            $"Snapshots: `snapshot.by.interval: {_config.SnapshotIntervalSeconds}`, `snapshot.by.wal_size: {_config.SnapshotWalSizeBytes}` ({Figures.Bytes(_config.SnapshotWalSizeBytes)}), `snapshot.count: {_config.SnapshotCount}`. A restart loads the last snapshot ({Figures.Gb(_capacity.SnapshotSizeGb)}) and replays at most one interval or {Figures.Bytes(_config.SnapshotWalSizeBytes)} of WAL, whichever comes first; {_config.SnapshotCount} snapshots with the WAL between them stay on disk for hot backups and point-in-time recovery within the backup plan's RPO of {_backup.RpoSeconds} s.",
            $"Снапшоты: `snapshot.by.interval: {_config.SnapshotIntervalSeconds}`, `snapshot.by.wal_size: {_config.SnapshotWalSizeBytes}` ({Figures.Bytes(_config.SnapshotWalSizeBytes)}), `snapshot.count: {_config.SnapshotCount}`. При перезапуске загружается последний снапшот ({Figures.Gb(_capacity.SnapshotSizeGb)}) и проигрывается не больше одного интервала или {Figures.Bytes(_config.SnapshotWalSizeBytes)} WAL — что наступит раньше; на диске хранятся {_config.SnapshotCount} снапшота вместе с WAL между ними для горячего резервного копирования и восстановления на момент времени в пределах RPO плана резервного копирования ({_backup.RpoSeconds} с).");
    }

    private void Memory()
    {
        _md.Section(_sections[3]);
        _md.Paragraph(
            $"`memtx.memory` is {_config.StorageMemtxMemoryBytes} bytes ({Figures.Bytes(_config.StorageMemtxMemoryBytes)}) on every storage instance" +
            (_config.RouterMemtxMemoryBytes > 0 ? $" and {_config.RouterMemtxMemoryBytes} bytes ({Figures.Bytes(_config.RouterMemtxMemoryBytes)}) on routers, which hold only bucket routes" : "") +
            $". The host needs {Figures.Bytes(_capacity.RamPerStorageInstanceBytes)} per storage instance: the arena (snapshots are written from a read view inside it, with no forked copy) plus the Lua/runtime heap. The arena can be enlarged at runtime but never shrunk, so it is sized for the horizon of {_capacity.HorizonMonths} months.",
            $"`memtx.memory` равен {_config.StorageMemtxMemoryBytes} байт ({Figures.Bytes(_config.StorageMemtxMemoryBytes)}) на каждом экземпляре хранения" +
            (_config.RouterMemtxMemoryBytes > 0 ? $" и {_config.RouterMemtxMemoryBytes} байт ({Figures.Bytes(_config.RouterMemtxMemoryBytes)}) на роутерах, которые хранят только маршруты бакетов" : "") +
            $". Хосту нужно {Figures.Bytes(_capacity.RamPerStorageInstanceBytes)} на экземпляр хранения: арена (снапшот пишется из read view внутри неё, без копии процесса) и куча Lua. Арену можно увеличить на лету, но нельзя уменьшить, поэтому она рассчитана на горизонт {_capacity.HorizonMonths} месяцев.");
        if (_config.Vinyl.Enabled)
        {
            _md.Paragraph(
                $"vinyl: `vinyl.memory` {Figures.Bytes(_config.Vinyl.MemoryBytes)} for the in-memory level, `vinyl.cache` {Figures.Bytes(_config.Vinyl.CacheBytes)} for hot tuples, {_config.Vinyl.ReadThreads} read and {_config.Vinyl.WriteThreads} write threads, bloom filters at {Figures.Number(_config.Vinyl.BloomFpr * 100, 0)}% false positives.",
                $"vinyl: `vinyl.memory` {Figures.Bytes(_config.Vinyl.MemoryBytes)} для уровня в памяти, `vinyl.cache` {Figures.Bytes(_config.Vinyl.CacheBytes)} для горячих кортежей, {_config.Vinyl.ReadThreads} потоков чтения и {_config.Vinyl.WriteThreads} потоков записи, bloom-фильтры с {Figures.Number(_config.Vinyl.BloomFpr * 100, 0)}% ложных срабатываний.");
        }
    }

    private void Replication()
    {
        _md.Section(_sections[4]);
        var r = _config.Replication;
        _md.Paragraph(
            $"`replication.failover: {r.Failover}`, heartbeat `replication.timeout: {Figures.Number(r.TimeoutSeconds)}` s (a peer is considered lost after 4 missed heartbeats), `replication.connect_timeout: {Figures.Number(r.ConnectTimeoutSeconds)}` s, `bootstrap_strategy: {r.BootstrapStrategy}`.",
            $"`replication.failover: {r.Failover}`, период heartbeat `replication.timeout: {Figures.Number(r.TimeoutSeconds)}` с (узел считается потерянным после 4 пропущенных heartbeat), `replication.connect_timeout: {Figures.Number(r.ConnectTimeoutSeconds)}` с, `bootstrap_strategy: {r.BootstrapStrategy}`.");
        if (r.Failover == "election")
            _md.Paragraph(
                $"Raft election: `election_timeout: {Figures.Number(r.ElectionTimeoutSeconds)}` s, `synchro_quorum: {r.SynchroQuorum}`, `synchro_timeout: {Figures.Number(r.SynchroTimeoutSeconds)}` s, `election_fencing_mode: {r.ElectionFencingMode}`. A leader that loses the quorum stops accepting writes, so two leaders never write at the same time. Voters (`election_mode: voter`) vote but never lead.",
                $"Выборы Raft: `election_timeout: {Figures.Number(r.ElectionTimeoutSeconds)}` с, `synchro_quorum: {r.SynchroQuorum}`, `synchro_timeout: {Figures.Number(r.SynchroTimeoutSeconds)}` с, `election_fencing_mode: {r.ElectionFencingMode}`. Лидер, потерявший кворум, перестаёт принимать записи, поэтому два лидера никогда не пишут одновременно. Голосующие узлы (`election_mode: voter`) участвуют в выборах, но не становятся лидером.");
        else if (r.Failover == "manual")
            _md.Paragraph(
                "Manual failover: each replicaset names its `leader`; to switch, change `leader` and reload the config (`tt cluster publish` or edit and `config.reload()`).",
                "Ручное переключение: у каждого набора реплик указан `leader`; чтобы переключить лидера, измените `leader` и перезагрузите конфигурацию (`tt cluster publish` или правка файла и `config.reload()`).");
        else if (r.MasterMaster)
            _md.Paragraph(
                "Master-master: every member accepts writes (`database.mode: rw`, failover off). Concurrent updates of the same key conflict and stop replication, so each writer must own its keys.",
                "Мастер-мастер: каждый участник принимает записи (`database.mode: rw`, переключение выключено). Одновременное изменение одного ключа вызывает конфликт и останавливает репликацию, поэтому каждый писатель должен владеть своими ключами.");
        if (_config.Groups.Any(g => g.Failover.Length > 0))
            _md.Paragraph(
                "Routers are one-instance replicasets with failover off: they hold no data, so there is nothing to elect.",
                "Роутеры — наборы реплик из одного экземпляра с выключенным переключением: данных на них нет, выбирать нечего.");
    }

    private void Security()
    {
        _md.Section(_sections[5]);
        _md.Table(
            [_md.T("User", "Пользователь"), _md.T("Roles and privileges", "Роли и привилегии"), _md.T("Password source", "Источник пароля")],
            _config.Users.Select(u => (IReadOnlyList<string>)[
                $"`{u.Name}`",
                string.Join("; ", u.Roles.Select(r => $"role {r}").Concat(u.Privileges.Select(p => string.Join(",", p.Permissions) + (p.Universe ? " on universe" : "") + (p.LuaCall.Count > 0 ? " lua_call " + string.Join(",", p.LuaCall) : "")))),
                $"`{{{{ context.{u.PasswordContext} }}}}` ← `{_config.Context.FirstOrDefault(c => c.Name == u.PasswordContext)?.Source}`"]));
        var kubernetes = Phases.Containers.InstanceLayout.InContainers(_request);
        _md.Paragraph(
            $"No password is written in any file. Each instance reads the environment variables at startup (config.context); deliver them from your secret store ({(kubernetes ? "a Kubernetes Secret, or Vault through its injector" : "a systemd EnvironmentFile with mode 0600, or Vault")}). Rotating a password is: update the secret, then restart or reload the instances. The application user gets data access on the universe because the data model is not known yet: narrow it to `spaces: [...]` when the schema exists.",
            $"Ни один пароль не записан в файлы. Каждый экземпляр читает переменные окружения при запуске (config.context); передавайте их из хранилища секретов ({(kubernetes ? "Secret в Kubernetes или Vault через его инжектор" : "EnvironmentFile для systemd с правами 0600 или Vault")}). Смена пароля: обновите секрет и перезапустите или перезагрузите экземпляры. Пользователь приложения получает доступ к данным на уровне universe, потому что модель данных пока неизвестна: сузьте его до `spaces: [...]`, когда появится схема.");
        _md.Paragraph(_config.Tls.Enabled
                ? $"iproto TLS is on (Tarantool Enterprise Edition): every listen URI uses `transport: ssl` with `{_config.Tls.CertFile}`, `{_config.Tls.KeyFile}` and `{_config.Tls.CaFile}`, and peers and routers connect to the advertised URIs with the same transport. Install these files on every host (or mount them from a Kubernetes Secret) before the first start."
                : _request.Edition == Edition.Community
                    ? "iproto TLS is off: Tarantool Community Edition refuses the ssl transport, so keep the iproto ports reachable only from the application network and the cluster's own hosts (security groups or a firewall; a NetworkPolicy on Kubernetes). To encrypt iproto, move to Enterprise Edition (`--edition enterprise`): the config then gets `transport: ssl` on every listen and advertise URI."
                    : "iproto TLS is off as the topology decided; keep the iproto ports reachable only from the application network and the cluster's own hosts.",
            _config.Tls.Enabled
                ? $"TLS для iproto включён (Tarantool Enterprise Edition): каждый адрес listen использует `transport: ssl` с файлами `{_config.Tls.CertFile}`, `{_config.Tls.KeyFile}` и `{_config.Tls.CaFile}`, а реплики и роутеры подключаются к адресам advertise с тем же транспортом. Разложите эти файлы на каждый хост (или смонтируйте их из Secret Kubernetes) до первого запуска."
                : _request.Edition == Edition.Community
                    ? "TLS для iproto выключен: Tarantool Community Edition отвергает транспорт ssl, поэтому порты iproto должны быть доступны только из сети приложения и с хостов самого кластера (группы безопасности или межсетевой экран; NetworkPolicy в Kubernetes). Чтобы шифровать iproto, перейдите на Enterprise Edition (`--edition enterprise`): тогда у каждого адреса listen и advertise появится `transport: ssl`."
                    : "TLS для iproto выключен по решению топологии; порты iproto должны быть доступны только из сети приложения и с хостов самого кластера.");
    }

    private void Metrics()
    {
        _md.Section(_sections[6]);
        _md.Paragraph(_config.Metrics.Method switch
            {
                MetricsMethods.MetricsExportRole => "Every instance enables `roles: [roles.metrics-export]`; its `roles_cfg` opens an HTTP listener on the instance's metrics port with a Prometheus endpoint. The role comes from the metrics-export-role rock listed in the rockspec (`tt build` installs it).",
                MetricsMethods.AppRole => "Tarantool 3.0 predates the metrics-export-role rock's minimum (3.0.2), so the bundle ships `app/roles/metrics.lua`, an application role that serves the built-in metrics module through http.server with the same `roles_cfg` shape; switching to roles.metrics-export later is a rename.",
                MetricsMethods.Cartridge => "Cartridge's metrics role exports on the instance HTTP port (`http_port` in instances.yml), which doubles as the metrics port.",
                _ => "init.lua starts the metrics module's Prometheus handler on http.server at the instance's metrics port after box.cfg.",
            },
            _config.Metrics.Method switch
            {
                MetricsMethods.MetricsExportRole => "На каждом экземпляре включена роль `roles: [roles.metrics-export]`; её `roles_cfg` открывает HTTP-порт метрик экземпляра с эндпоинтом Prometheus. Роль поставляется rock-пакетом metrics-export-role из rockspec (его устанавливает `tt build`).",
                MetricsMethods.AppRole => "Tarantool 3.0 старше минимальной версии rock-пакета metrics-export-role (3.0.2), поэтому в комплекте есть `app/roles/metrics.lua` — роль приложения, которая отдаёт встроенный модуль metrics через http.server с той же структурой `roles_cfg`; переход на roles.metrics-export потом сводится к переименованию.",
                MetricsMethods.Cartridge => "Роль метрик Cartridge отдаёт метрики на HTTP-порту экземпляра (`http_port` в instances.yml), он же порт метрик.",
                _ => "init.lua после box.cfg запускает обработчик Prometheus модуля metrics на http.server на порту метрик экземпляра.",
            });
        if (_config.Sharding.Enabled)
        {
            var where = Declarative ? $"the application role `{VshardMetricsLua.RoleName}` (`{VshardMetricsLua.FilePath}`, in `roles:` next to the metrics role)" : "init.lua";
            var whereRu = Declarative ? $"роль приложения `{VshardMetricsLua.RoleName}` (`{VshardMetricsLua.FilePath}`, в `roles:` рядом с ролью метрик)" : "init.lua";
            _md.Paragraph(
                $"The metrics module exports nothing about vshard, so {where} registers a metrics callback that reads `vshard.storage.info()` and `vshard.router.info()` on every scrape: `{VshardMetricsLua.StorageBuckets}` by bucket state, `{VshardMetricsLua.StorageStatus}`, `{VshardMetricsLua.ServiceError}` (rebalancer, recovery, gc) on storages, `{VshardMetricsLua.RouterBuckets}` and `{VshardMetricsLua.RouterStatus}` on routers. The monitoring phase's vshard alerts and bucket panels read them.",
                $"Модуль metrics ничего не экспортирует о vshard, поэтому {whereRu} регистрирует обратный вызов metrics, который при каждом опросе читает `vshard.storage.info()` и `vshard.router.info()`: `{VshardMetricsLua.StorageBuckets}` по состояниям бакетов, `{VshardMetricsLua.StorageStatus}`, `{VshardMetricsLua.ServiceError}` (rebalancer, recovery, gc) на хранилищах, `{VshardMetricsLua.RouterBuckets}` и `{VshardMetricsLua.RouterStatus}` на роутерах. На них опираются алерты vshard и панели бакетов фазы мониторинга.");
        }
        var first = _topology.Replicasets.SelectMany(r => r.Instances).First();
        _md.Code("bash", $"curl -s http://{first.Host}:{first.MetricsPort}{_config.Metrics.Path} | grep -E '^tnt_(info_uptime|replication_lag|slab_arena_used{(_config.Sharding.Enabled ? "|vshard_storage_buckets" : "")})'");
    }

    private void Apply()
    {
        _md.Section(_sections[7]);
        var app = _config.AppName;
        var secrets = string.Join("\n", _config.Context.Select(c => $"export {c.Source}=\"$(vault kv get -field=password secret/{app}/{c.Name})\""));
        if (Declarative)
        {
            var router = _topology.Replicasets.FirstOrDefault(r => r.Roles.Contains("router"));
            _md.Paragraph(
                "On every host (the deployment phase automates this), install the directory, fetch the secrets and start the instances that live there:",
                "На каждом хосте (фаза развёртывания это автоматизирует) установите каталог, получите секреты и запустите размещённые там экземпляры:");
            _md.Code("bash", $"""
                sudo cp -r tarantool /opt/tarantool/{app}
                cd /opt/tarantool/{app}
                tt build                              # installs the rocks from {Rockspec.FileName(app)}
                {secrets}
                tt cluster show {app} --validate      # checks config.yaml against this Tarantool
                tt start {app}                        # or one instance: tt start {app}:<instance>
                tt status {app}
                tt replicaset status {app}
                """ + (router is not null ? $"\ntt replicaset vshard bootstrap {app}    # once, after all storages are up" : ""));
            _md.Paragraph(
                "To keep the configuration in etcd or a Tarantool config storage instead of a file, publish it once and point the instances at the storage:",
                "Чтобы хранить конфигурацию в etcd или в хранилище конфигурации Tarantool вместо файла, опубликуйте её и направьте экземпляры на хранилище:");
            _md.Code("bash", $"tt cluster publish \"http://etcd-1:2379/{app}\" config.yaml");
        }
        else if (Cartridge)
        {
            // failover.yml holds no password: stateful failover is applied with the command at its top, which adds the
            // state provider's password from the environment and the fencing timeouts.
            var failover = _config.Replication.Failover == "stateful"
                ? "# stateful failover: run the 'cartridge failover set stateful ...' command written at the top of failover.yml"
                : "cartridge failover setup --file failover.yml";
            _md.Code("bash", $"""
                cd tarantool
                cartridge build
                export TARANTOOL_CLUSTER_COOKIE="$(vault kv get -field=cookie secret/{app}/cluster)"
                cartridge start -d
                cartridge replicasets setup --file replicasets.yml --bootstrap-vshard
                {failover}
                cartridge replicasets list
                """);
        }
        else
        {
            _md.Code("bash", $"""
                sudo cp -r tarantool /opt/tarantool/{app}
                cd /opt/tarantool/{app}
                tt build
                {secrets}
                tt start {app}
                tt status {app}
                tt connect {app}:{_topology.Replicasets[0].Instances[0].Name}   # then: box.info.replication
                """);
        }
    }

    private string FormatName() => _config.ConfigFormat switch
    {
        ConfigFormats.Declarative => "a declarative config.yaml",
        ConfigFormats.Cartridge => "a Cartridge application",
        _ => "a box.cfg init.lua",
    };

    private string FormatNameRu() => _config.ConfigFormat switch
    {
        ConfigFormats.Declarative => "декларативного config.yaml",
        ConfigFormats.Cartridge => "приложения Cartridge",
        _ => "скрипта init.lua с box.cfg",
    };

    private IEnumerable<(string Path, string En, string Ru)> Files()
    {
        if (Declarative)
        {
            yield return ("tarantool/config.yaml", "the cluster configuration every instance reads", "конфигурация кластера, которую читает каждый экземпляр");
            yield return ("tarantool/instances.yml", "the instances tt manages", "экземпляры, которыми управляет tt");
            yield return ("tarantool/tt.yaml", "the tt environment: run, log and data directories", "окружение tt: каталоги run, log и данных");
            if (_config.Metrics.Method == MetricsMethods.AppRole)
                yield return ($"tarantool/{MetricsAppRoleLua.FilePath}", "the metrics application role", "роль приложения для метрик");
            if (_config.AppRoles.Contains(VshardMetricsLua.RoleName))
                yield return ($"tarantool/{VshardMetricsLua.FilePath}", "the vshard metrics application role", "роль приложения для метрик vshard");
        }
        else if (Cartridge)
        {
            yield return ("tarantool/init.lua", "cartridge.cfg with the roles and box defaults", "cartridge.cfg с ролями и настройками box");
            if (_config.Replication.Failover == "stateful" && ClusterConfig.CartridgeLayout.StateboardUri(_topology) is not null)
                yield return ("tarantool/stateboard.init.lua", "the stateboard for stateful failover", "stateboard для stateful-переключения");
            yield return ("tarantool/instances.yml", "advertise URIs, HTTP ports and memory per instance", "адреса advertise, HTTP-порты и память экземпляров");
            yield return ("tarantool/replicasets.yml", "replicasets, roles and leader order", "наборы реплик, роли и порядок лидеров");
            yield return ("tarantool/failover.yml", "the failover mode and state provider", "режим переключения и хранилище состояния");
        }
        else
        {
            yield return ("tarantool/init.lua", "topology table and box.cfg per instance", "таблица топологии и box.cfg для каждого экземпляра");
            yield return ("tarantool/instances.yml", "the instances tt starts", "экземпляры, которые запускает tt");
            yield return ("tarantool/tt.yaml", "the tt environment", "окружение tt");
        }
        if (_config.RockDependencies.Count > 0)
            yield return ($"tarantool/{Rockspec.FileName(_config.AppName)}", "rock dependencies: " + string.Join(", ", _config.RockDependencies), "зависимости rock: " + string.Join(", ", _config.RockDependencies));
    }
}
