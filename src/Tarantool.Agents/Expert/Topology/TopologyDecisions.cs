using System.Globalization;
using Tarantool.Agents.Expert.CapacityPlanning;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.Topology;

/// <summary>The decisions a reviewer needs stated plainly: failover, interpretation of the request, placement, security.</summary>
internal sealed class TopologyDecisions(ClusterRequest request, CapacityPlan plan, FailoverDesigner failover, IReadOnlyList<Region> regions, Language language)
{
    public IReadOnlyList<string> All(int hosts)
    {
        var list = new List<string> { Failover() };
        list.AddRange(MultiMaster());
        list.AddRange(Sharding());
        list.AddRange(Sites());
        list.AddRange(Cartridge());
        if (hosts != plan.Hosts)
            list.Add(T($"The placement uses {hosts} hosts where the capacity plan counted {plan.Hosts}: members of a replicaset never share a host and every site needs its own hosts.",
                $"Размещение использует {LanguageText.Ru(hosts, "хост", "хоста", "хостов")}, а план мощностей насчитал {plan.Hosts}: участники набора реплик никогда не делят хост, и каждой площадке нужны свои хосты."));
        list.Add(Transport());
        list.Add(T("Passwords are never literal: credentials use '{{ context.<name>_password }}' and config.context loads them from environment variables (TT_REPLICATOR_PASSWORD, TT_STORAGE_PASSWORD, TT_APP_PASSWORD) or files. No separate monitoring user: metrics are scraped over HTTP, which needs no database login.",
            "Пароли никогда не пишутся открытым текстом: credentials ссылаются на '{{ context.<name>_password }}', а config.context загружает их из переменных окружения (TT_REPLICATOR_PASSWORD, TT_STORAGE_PASSWORD, TT_APP_PASSWORD) или файлов. Отдельного пользователя для мониторинга нет: метрики снимаются по HTTP, которому не нужен вход в базу."));
        return list;
    }

    private string T(string en, string ru) => language.Pick(en, ru);

    /// <summary>How iproto traffic is protected: TLS on Enterprise Edition, the network itself on Community Edition
    /// (which refuses the ssl transport), with the way to Enterprise TLS.</summary>
    private string Transport()
    {
        if (IprotoTlsPolicy.Wanted(request))
            return T("iproto TLS is on (Tarantool Enterprise Edition): every iproto.listen URI has transport: ssl with the certificate, key and CA files under /etc/tarantool/tls/, and every advertise URI that peers, routers and clients use carries the same transport. The certificates come from a Kubernetes Secret or from files provisioned on the hosts; their private keys never enter the bundle. The Enterprise image or packages are not public: supply them from your Tarantool Enterprise subscription.",
                "iproto TLS включён (Tarantool Enterprise Edition): у каждого адреса iproto.listen задан transport: ssl с файлами сертификата, ключа и CA в /etc/tarantool/tls/, и каждый адрес advertise, по которому подключаются реплики, роутеры и клиенты, использует тот же транспорт. Сертификаты берутся из Secret Kubernetes или из файлов на хостах; их закрытые ключи никогда не попадают в поставку. Образ и пакеты Enterprise не публичны: возьмите их из своей подписки Tarantool Enterprise.");
        if (request.Environment == DeploymentEnvironment.Development)
            return T("iproto TLS is off in development; the cluster must sit on a private network.",
                "iproto TLS в разработке выключен; кластер должен находиться в закрытой сети.");
        var network = request.UsesKubernetes
            ? T("a NetworkPolicy admits iproto (3301) only from the cluster's own pods and the application's namespace, and metrics only from Prometheus",
                "NetworkPolicy пропускает iproto (3301) только от подов самого кластера и из пространства имён приложения, а метрики — только от Prometheus")
            : T("iproto ports are reachable only on a private network: security groups or a host firewall admit them from the cluster's hosts and the application subnets only",
                "порты iproto доступны только в закрытой сети: группы безопасности или межсетевой экран хостов пропускают их лишь от хостов кластера и подсетей приложения");
        return request.Edition == Edition.Enterprise
            ? T($"iproto TLS is off outside production: {network}. Production on Enterprise Edition encrypts iproto with transport: ssl.",
                $"iproto TLS вне прода выключен: {network}. В проде на Enterprise Edition iproto шифруется через transport: ssl.")
            : T($"Tarantool Community Edition has no iproto TLS (it refuses the ssl transport), so the network carries the protection: {network}; links between sites go through a WireGuard or IPsec tunnel. To move to Enterprise TLS, re-run the design with --edition enterprise: listen and advertise URIs get transport: ssl, certificates are mounted at /etc/tarantool/tls/, and the Enterprise image replaces the public one.",
                $"В Tarantool Community Edition нет TLS для iproto (транспорт ssl отвергается), поэтому защиту несёт сеть: {network}; связи между площадками идут через туннель WireGuard или IPsec. Чтобы перейти на TLS Enterprise, перезапустите проектирование с --edition enterprise: адреса listen и advertise получат transport: ssl, сертификаты монтируются в /etc/tarantool/tls/, а образ Enterprise заменит публичный.");
    }

    private string Failover()
    {
        var n = plan.InstancesPerReplicaset;
        var strategy = EnumText.Kebab(request.HaStrategy);
        return failover.Mode switch
        {
            "off" when request.ClusterType == ClusterType.SingleInstance => T(
                $"Single instance: failover off, database.mode rw. The {strategy} strategy does not apply: there is no second member to fail over to.",
                $"Одиночный инстанс: failover off, database.mode rw. Стратегия {strategy} неприменима: переключаться не на кого."),
            "off" => T(
                $"Master-master: replication.failover off and database.mode rw on all {n} members; the {strategy} strategy is not used because every member already accepts writes.",
                $"Master-master: replication.failover off и database.mode rw на всех {n} участниках; стратегия {strategy} не используется, потому что запись уже принимает каждый участник."),
            "manual" => T(
                "Passive failover: replication.failover manual. Each replicaset's leader is set in the config (member 1, in the primary site); an operator switches it with tt replicaset promote after checking replication lag.",
                "Пассивная отказоустойчивость: replication.failover manual. Лидер каждого набора реплик задан в конфигурации (участник 1 на основной площадке); оператор переключает его командой tt replicaset promote, проверив отставание репликации."),
            "election" => T(
                $"Automatic failover: replication.failover election (Raft) in every storage replicaset: {n} members, synchro quorum {failover.Election!.SynchroQuorum}, election timeout {Seconds()} s, fencing {failover.Election.FencingMode}.",
                $"Автоматическая отказоустойчивость: replication.failover election (Raft) в каждом наборе реплик хранения: {LanguageText.Ru(n, "участник", "участника", "участников")}, synchro quorum {failover.Election!.SynchroQuorum}, тайм-аут выборов {Seconds()} с, fencing {failover.Election.FencingMode}."),
            "disabled" => T(
                "Passive failover on Cartridge: failover disabled. The first instance in each replicaset's failover priority leads; an operator changes the priority to switch.",
                "Пассивная отказоустойчивость в Cartridge: failover disabled. Лидирует первый инстанс в failover priority набора реплик; для переключения оператор меняет приоритет."),
            _ => T(
                $"Automatic failover on Cartridge: stateful failover with the {failover.StateProvider} state provider and the failover-coordinator role on the routers; the coordinator appoints leaders, so a network split cannot produce two of them.",
                $"Автоматическая отказоустойчивость в Cartridge: stateful failover с хранилищем состояния {failover.StateProvider} и ролью failover-coordinator на роутерах; лидеров назначает координатор, поэтому при разделении сети двух лидеров не возникает."),
        };
    }

    private string Seconds() => failover.Election!.TimeoutSeconds.ToString("0.##", CultureInfo.InvariantCulture);

    private IEnumerable<string> MultiMaster()
    {
        if (request.ReplicationMode != ReplicationMode.MasterMaster) yield break;
        if (ClusterShape.IsTrueMasterMaster(request))
        {
            yield return T(
                "Master-master caveat: Tarantool does not resolve conflicts. Concurrent changes of the same key on two masters make the replicas diverge or stop replication (duplicate key error). Use it only when each master writes disjoint keys, or for commutative, CRDT-like data (counters via upsert, append-only logs); do not use it for balances, stock levels or anything read-modify-write.",
                "Оговорка master-master: Tarantool не разрешает конфликты. Одновременное изменение одного ключа на двух мастерах ведёт к расхождению реплик или остановке репликации (ошибка duplicate key). Используйте этот режим, только если мастера пишут непересекающиеся ключи, или для коммутативных CRDT-подобных данных (счётчики через upsert, журналы только на добавление); не используйте для балансов, остатков и любых операций чтение-изменение-запись.");
            yield break;
        }

        if (ClusterShape.UsesVshard(request))
        {
            yield return T(
                $"Multi-master was read as one writable leader per shard: {plan.StorageReplicasets} shards accept writes in parallel, but each shard stays single-leader, so no key is ever written on two masters and no conflicts arise.",
                $"Multi-master понят как один пишущий лидер на шард: {LanguageText.Ru(plan.StorageReplicasets, "шард", "шарда", "шардов")} принимают запись параллельно, но у каждого шарда один лидер, поэтому ни один ключ не пишется на двух мастерах и конфликтов нет.");
            if (ClusterShape.RotatesShardLeaders(request))
                yield return T(
                    $"Shard leaders are spread over the sites: {string.Join(", ", Enumerable.Range(0, plan.StorageReplicasets).Select(i => $"storage-{i + 1:000} → {regions[ReplicasetLayout.PrimarySite(request, regions.Count, i)].Name}"))}; route each user's data to a shard homed near them to keep writes local.",
                    $"Лидеры шардов распределены по площадкам: {string.Join(", ", Enumerable.Range(0, plan.StorageReplicasets).Select(i => $"storage-{i + 1:000} → {regions[ReplicasetLayout.PrimarySite(request, regions.Count, i)].Name}"))}; направляйте данные пользователя в шард, размещённый рядом с ним, чтобы запись оставалась локальной.");
        }
        else
            yield return T(
                "Multi-master across sites without sharding was not taken literally: writes on several sites to the same data would conflict without any resolution. The replicaset keeps one writable leader; replicas in the other sites serve reads and take over on failover. For local writes in every site, shard the data by site.",
                "Multi-master между площадками без шардирования не принят буквально: запись в одни и те же данные на нескольких площадках конфликтовала бы без всякого разрешения. У набора реплик один пишущий лидер; реплики на других площадках обслуживают чтение и принимают лидерство при отказе. Для локальной записи на каждой площадке шардируйте данные по площадкам.");
    }

    private IEnumerable<string> Sharding()
    {
        if (!ClusterShape.UsesVshard(request)) yield break;
        yield return T(
            "Routers are single-instance replicasets with failover off (database.mode rw in their group): they keep no data and need no leader election.",
            "Роутеры — наборы реплик из одного инстанса с failover off (database.mode rw в их группе): данных они не хранят, и выборы лидера им не нужны.");
        var version = TarantoolVersion.TryParse(request.TarantoolVersion, out var v) ? v : TarantoolVersion.Default;
        yield return version >= new TarantoolVersion(3, 1) && !ClusterShape.IsCartridge(request)
            ? T("The vshard rebalancer runs on storage-001 (sharding role rebalancer with sharding.rebalancer_mode manual), so exactly one rebalancer exists and its place is known.",
                "Ребалансировщик vshard работает на storage-001 (роль шардирования rebalancer при sharding.rebalancer_mode manual), поэтому он ровно один и его место известно.")
            : T("The vshard rebalancer is marked on storage-001; this version chooses the rebalancer replicaset automatically, so treat the mark as the expected place, not a setting.",
                "Ребалансировщик vshard отмечен на storage-001; эта версия выбирает набор реплик для ребалансировщика автоматически, поэтому отметка — ожидаемое место, а не настройка.");
    }

    private IEnumerable<string> Sites()
    {
        if (regions.Count == 1)
        {
            if (request.HaStrategy == HaStrategy.DistributedHa && failover.Election is not null)
                yield return T(
                    $"Distributed HA on one site: members of every replicaset sit in different zones ({string.Join(", ", regions[0].Zones)}), so the loss of a zone leaves a quorum.",
                    $"Распределённая отказоустойчивость на одной площадке: участники каждого набора реплик стоят в разных зонах ({string.Join(", ", regions[0].Zones)}), поэтому потеря зоны оставляет кворум.");
            yield break;
        }

        var names = string.Join(", ", regions.Select(r => r.Name));
        if (request.HaStrategy == HaStrategy.DistributedHa && failover.Election is not null)
        {
            var candidates = string.Join(", ", regions.Where(r => r.Primary).Select(r => r.Name));
            var voters = regions.Where(r => !r.Primary).Select(r => r.Name).ToList();
            yield return voters.Count > 0
                ? T($"Distributed HA over {regions.Count} sites ({names}): candidates in {candidates}, a voter in {string.Join(", ", voters)} that completes the quorum but never leads; losing any one site leaves a majority that elects a leader by itself.",
                    $"Распределённая отказоустойчивость на {regions.Count} площадках ({names}): кандидаты в {candidates}, голосующий участник в {string.Join(", ", voters)} дополняет кворум, но никогда не лидирует; потеря любой одной площадки оставляет большинство, которое само выбирает лидера.")
                : T($"Distributed HA over two sites ({names}): the site holding the majority ({regions[0].Name}) is critical. Losing it stops writes until an operator runs the site-loss procedure (lower the quorum, promote a survivor); a third site with a single voter removes this gap.",
                    $"Распределённая отказоустойчивость на двух площадках ({names}): критична площадка с большинством ({regions[0].Name}). Её потеря останавливает запись, пока оператор не выполнит процедуру потери площадки (снизить кворум, повысить уцелевший инстанс); третья площадка даже с одним голосующим участником убирает этот пробел.");
        }
        else if (failover.Election is not null)
            yield return T(
                $"{regions.Count} sites ({names}): candidates only in the primary site, one voter in each remote site, so a remote site can never win an election; the quorum is reachable inside the primary site.",
                $"{LanguageText.Ru(regions.Count, "площадка", "площадки", "площадок")} ({names}): кандидаты только на основной площадке, по одному голосующему участнику на удалённых, поэтому удалённая площадка никогда не выиграет выборы; кворум достижим внутри основной площадки.");
        else
            yield return T(
                $"{regions.Count} sites ({names}): leaders in the primary site, one replica in each remote site for reads and disaster recovery.",
                $"{LanguageText.Ru(regions.Count, "площадка", "площадки", "площадок")} ({names}): лидеры на основной площадке, по одной реплике на удалённых площадках для чтения и аварийного восстановления.");
    }

    private IEnumerable<string> Cartridge()
    {
        if (!ClusterShape.IsCartridge(request)) yield break;
        yield return T(
            "Cartridge roles: 'storage' is vshard-storage, 'router' is vshard-router; cluster traffic authenticates with the cluster cookie, which comes from a secret (TARANTOOL_CLUSTER_COOKIE), never from a file in the bundle.",
            "Роли Cartridge: 'storage' — это vshard-storage, 'router' — vshard-router; внутрикластерный трафик аутентифицируется cluster cookie, который берётся из секрета (TARANTOOL_CLUSTER_COOKIE), а не из файла в поставке.");
        if (TarantoolVersion.TryParse(request.TarantoolVersion, out var v) && v.Major >= 3)
            yield return T(
                $"Cartridge runs on Tarantool 2.11, not on {request.TarantoolVersion}; the target line 3.x replaces Cartridge with the declarative config, so a new project on 3.x should use cluster-type sharded instead.",
                $"Cartridge работает на Tarantool 2.11, а не на {request.TarantoolVersion}; в линии 3.x Cartridge заменён декларативной конфигурацией, поэтому новому проекту на 3.x лучше выбрать тип кластера sharded.");
    }
}
