using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.Containers;

/// <summary>The decisions of an orchestration plan in English (typed output) and Russian (narratives).</summary>
public static class OrchestrationDecisions
{
    public static IReadOnlyList<(string En, string Ru)> For(OrchestrationPlan plan, PhaseContext context)
    {
        var request = context.Request;
        var topology = context.Get<ClusterTopology>();
        var decisions = new List<(string, string)>();
        var kubernetes = plan.Platform == PlatformNaming.Kubernetes;
        if (plan.Platform == PlatformNaming.Kubernetes)
        {
            decisions.Add(($"Host names: the topology's VM hosts are replaced by pod DNS names <pod>.<replicaset>.{plan.Namespace}.svc.cluster.local; " +
                           "each replicaset is a StatefulSet with spec.ordinals.start 1, so pod names equal instance names and TT_INSTANCE_NAME comes from metadata.name.",
                           $"Имена хостов: серверы из топологии заменены DNS-именами подов <pod>.<replicaset>.{plan.Namespace}.svc.cluster.local; " +
                           "каждый набор реплик — StatefulSet с spec.ordinals.start 1, поэтому имена подов совпадают с именами экземпляров, а TT_INSTANCE_NAME берётся из metadata.name."));
            if (plan.ConfigDelivery == ConfigDelivery.ConfigYaml)
                decisions.Add(("config.yaml is delivered as a ConfigMap rewritten for Kubernetes: iproto.listen 0.0.0.0:3301 (binding never waits for DNS), " +
                               "iproto.advertise (peer, sharding, client) = the pod DNS name, metrics on 8081, snapshot/WAL/vinyl dirs on the data volume.",
                               "config.yaml доставляется как ConfigMap, переписанный для Kubernetes: iproto.listen 0.0.0.0:3301 (привязка не ждёт DNS), " +
                               "iproto.advertise (peer, sharding, client) — DNS-имя пода, метрики на 8081, каталоги снимков, WAL и vinyl — на томе данных."));
            decisions.Add(("Headless Services publish not-ready addresses and pods start in parallel (podManagementPolicy Parallel): a replicaset bootstraps only " +
                           "when its members reach each other, which OrderedReady would prevent.",
                           "Headless Service публикуют адреса неготовых подов, а поды стартуют параллельно (podManagementPolicy Parallel): набор реплик инициализируется, " +
                           "только когда участники видят друг друга, а OrderedReady этому помешал бы."));
            decisions.Add(("Pods use the same ports (iproto 3301, metrics 8081) because a StatefulSet has one pod template; the topology's per-host port offsets apply to VMs only.",
                           "Поды используют одинаковые порты (iproto 3301, метрики 8081), потому что у StatefulSet один шаблон пода; смещения портов из топологии относятся только к ВМ."));
            decisions.Add(($"StatefulSets use updateStrategy {StatefulSetBuilder.UpdateStrategy}: a changed template reaches a pod only when the pod is deleted, so the deployment phase's rolling-restart.sh " +
                           "alone decides the order (replicas first, the leader last after a switchover); RollingUpdate would restart pods by descending ordinal whether or not they lead.",
                           $"StatefulSet используют updateStrategy {StatefulSetBuilder.UpdateStrategy}: новый шаблон попадает в под только при его удалении, поэтому порядок определяет только rolling-restart.sh фазы развёртывания " +
                           "(сначала реплики, лидер последним после переключения); RollingUpdate перезапускал бы поды по убыванию номера, не глядя на лидерство."));
            decisions.Add(($"Data lives on the volume at {InstanceLayout.ContainerDataRoot}/<instance>; the image carries the backup phase's scripts at {InstanceLayout.BackupToolsDir} and the storage client, so the backup CronJobs run them inside the pods.",
                           $"Данные лежат на томе в {InstanceLayout.ContainerDataRoot}/<экземпляр>; образ содержит скрипты фазы резервного копирования в {InstanceLayout.BackupToolsDir} и клиент хранилища, поэтому CronJob резервного копирования запускают их внутри подов."));
            decisions.Add(("Memory requests equal limits and CPU requests equal limits (Guaranteed QoS): a Tarantool node is the last pod evicted under memory pressure.",
                           "Запросы памяти и CPU равны лимитам (QoS Guaranteed): при нехватке памяти узел Tarantool вытесняется последним."));
            decisions.Add(plan.StorageClass is null
                ? ("Plain Kubernetes: the data volumes use the cluster's default StorageClass; set storageClassName to a fast SSD class with reclaimPolicy Retain before production.",
                   "Обычный Kubernetes: тома данных используют StorageClass кластера по умолчанию; до продуктива укажите storageClassName быстрого SSD-класса с reclaimPolicy Retain.")
                : ($"Data volumes use StorageClass {plan.StorageClass.Name} ({plan.StorageClass.Provisioner}) with reclaimPolicy Retain and WaitForFirstConsumer; claims are retained when the StatefulSet is deleted or scaled down.",
                   $"Тома данных используют StorageClass {plan.StorageClass.Name} ({plan.StorageClass.Provisioner}) с reclaimPolicy Retain и WaitForFirstConsumer; тома сохраняются при удалении или уменьшении StatefulSet."));
            decisions.Add(("Secrets are referenced by secretKeyRef and created with kubectl from files kept out of git; no Secret manifest with values is shipped.",
                           "Секреты подключаются через secretKeyRef и создаются kubectl из файлов вне git; манифест Secret со значениями не поставляется."));
            if (request.ClusterType == ClusterType.MultiRegion && topology.Regions.Count > 1)
                decisions.Add(("Multi-region runs on one stretched Kubernetes cluster spread by topology.kubernetes.io/region; a StatefulSet cannot pin an ordinal to a region, " +
                               "so which region hosts a voter is decided by the scheduler. For strict placement run one cluster per region and keep the VM/systemd layout.",
                               "Мультирегиональный кластер работает в одном растянутом кластере Kubernetes с распределением по topology.kubernetes.io/region; StatefulSet не может закрепить номер пода за регионом, " +
                               "поэтому регион голосующего участника выбирает планировщик. Для строгого размещения используйте по кластеру на регион или схему с ВМ и systemd."));
        }
        else
        {
            var cluster = request.ClusterName;
            var execStart = SystemdRenderer.ExecStart(cluster, plan.ConfigDelivery);
            decisions.Add(($"On-premises hosts run each instance as the systemd template unit {InstanceLayout.UnitTemplate(cluster)} (the bundle's only instance unit; the deployment phase installs it): " +
                           $"Type=notify, started from the configuration phase's layout ({execStart} in {InstanceLayout.AppDirectory(cluster)}), so the unit is up only once the instance has recovered and notified systemd, " +
                           $"and systemd supervises, restarts and logs every instance; hardened with ProtectSystem=strict (only {SystemdRenderer.VarDirectory(cluster)} writable), ProtectHome, PrivateDevices, NoNewPrivileges and RestrictAddressFamilies. The topology's host names and ports are kept.",
                           $"На собственных серверах каждый экземпляр — шаблонная служба systemd {InstanceLayout.UnitTemplate(cluster)} (единственная служба экземпляров в комплекте; её устанавливает фаза развёртывания): " +
                           $"Type=notify, запуск по раскладке фазы конфигурации ({execStart} в {InstanceLayout.AppDirectory(cluster)}), поэтому служба считается запущенной только после того, как экземпляр восстановился и уведомил systemd; " +
                           $"systemd следит за экземплярами, перезапускает их и собирает журналы; защита: ProtectSystem=strict (запись только в {SystemdRenderer.VarDirectory(cluster)}), ProtectHome, PrivateDevices, NoNewPrivileges и RestrictAddressFamilies. Имена серверов и порты из топологии сохраняются."));
            decisions.Add(($"Data lives in {InstanceLayout.VmDataRoot(cluster)}/<instance> (tt.yaml's var/lib under the application directory); mount the data disk at {InstanceLayout.VmDataRoot(cluster)}. Secrets come from {InstanceLayout.SecretsFile(cluster)}.",
                           $"Данные лежат в {InstanceLayout.VmDataRoot(cluster)}/<экземпляр> (var/lib из tt.yaml в каталоге приложения); диск данных монтируйте в {InstanceLayout.VmDataRoot(cluster)}. Секреты берутся из {InstanceLayout.SecretsFile(cluster)}."));
            decisions.Add(("Docker Compose is provided for local development only; production runs on the hosts listed in the topology.",
                           "Docker Compose предназначен только для локальной разработки; продуктив работает на серверах из топологии."));
        }
        decisions.Add(plan.ConfigDelivery switch
        {
            ConfigDelivery.ConfigYaml => ("Containers start 'tarantool --name <instance> --config config.yaml' directly; the official image's box.cfg entrypoint is bypassed.",
                                          "Контейнеры запускают 'tarantool --name <instance> --config config.yaml' напрямую; entrypoint официального образа с box.cfg не используется."),
            ConfigDelivery.Cartridge => ("Cartridge instances get their identity from TARANTOOL_INSTANCE_NAME, TARANTOOL_ADVERTISE_URI, TARANTOOL_HTTP_PORT and TARANTOOL_WORKDIR, which Cartridge's argparse prefers over instances.yml.",
                                         "Экземпляры Cartridge получают имя и адрес из TARANTOOL_INSTANCE_NAME, TARANTOOL_ADVERTISE_URI, TARANTOOL_HTTP_PORT и TARANTOOL_WORKDIR, которые argparse Cartridge ставит выше instances.yml."),
            _ => ("Tarantool 2.11 box.cfg files are baked into the image; listen and replication come from TT_LISTEN and TT_REPLICATION (read by box.cfg since 2.8), so the Lua files must not hard-code them.",
                  "Файлы box.cfg для Tarantool 2.11 входят в образ; listen и replication приходят из TT_LISTEN и TT_REPLICATION (box.cfg читает их с версии 2.8), поэтому в Lua-файлах их нельзя жёстко задавать."),
        });
        if (topology.IprotoTls)
            decisions.Add(("iproto TLS (Tarantool Enterprise Edition): the listen URI keeps transport: ssl, and the advertised peer and sharding URIs carry it too; the certificate, key and CA are mounted from their own Secret at the paths the config names. The Enterprise image is not public: the Dockerfile builds FROM the image you pass as TARANTOOL_EE_IMAGE.",
                           "iproto TLS (Tarantool Enterprise Edition): адрес listen сохраняет transport: ssl, и адреса advertise для реплик и шардирования несут его же; сертификат, ключ и CA монтируются из отдельного Secret по путям, которые называет конфигурация. Образ Enterprise не публичен: Dockerfile собирается FROM образа, который вы передаёте в TARANTOOL_EE_IMAGE."));
        else if (request.Edition == Edition.Community && request.Environment != DeploymentEnvironment.Development)
            decisions.Add(kubernetes
                ? ("Tarantool Community Edition has no iproto TLS: restrict iproto to the cluster's pods and the application's namespace with a NetworkPolicy (and metrics to Prometheus); --edition enterprise switches to TLS.",
                   "В Tarantool Community Edition нет TLS для iproto: ограничьте iproto подами кластера и пространством имён приложения с помощью NetworkPolicy (а метрики — Prometheus); --edition enterprise переключает на TLS.")
                : ("Tarantool Community Edition has no iproto TLS: keep iproto ports on the private network and admit them with security groups or a host firewall only from the cluster's hosts and the application; --edition enterprise switches to TLS.",
                   "В Tarantool Community Edition нет TLS для iproto: держите порты iproto в закрытой сети и пропускайте их группами безопасности или межсетевым экраном только от хостов кластера и приложения; --edition enterprise переключает на TLS."));
        return decisions;
    }
}
