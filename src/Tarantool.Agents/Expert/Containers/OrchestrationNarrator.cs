using Tarantool.Agents.ClusterConfig;
using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.Containers;

/// <summary>Writes the phase 6 narrative: what runs where, why, and the commands to bring it up.</summary>
public static class OrchestrationNarrator
{
    public static string Write(OrchestrationPlan plan, PhaseContext context)
    {
        var n = new NarrativeBuilder(context.Language);
        var request = context.Request;
        var topology = context.Get<ClusterTopology>();
        var capacity = context.Get<CapacityPlan>();
        var kubernetes = plan.Platform == PlatformNaming.Kubernetes;
        var instances = plan.Endpoints.Count;

        n.Title($"Containers and orchestration: {request.ClusterName}", $"Контейнеры и оркестрация: {request.ClusterName}");

        n.Section(ContainersPhase.Summary);
        n.Paragraph(
            $"{instances} Tarantool instances in {plan.Workloads.Count} replicasets run from one image, {plan.Image.ImageName}, built on {plan.Image.BaseImage}. " +
            (kubernetes
                ? $"Production runs on Kubernetes ({request.CloudProvider}) in namespace {plan.Namespace}: one StatefulSet per replicaset, pods named after instances. "
                : $"Production runs on {VmHostsEn(request)} of the topology as systemd units, one per instance. ") +
            "Docker Compose runs the same topology locally.",
            $"{instances} экземпляров Tarantool в {plan.Workloads.Count} наборах реплик запускаются из одного образа {plan.Image.ImageName} на основе {plan.Image.BaseImage}. " +
            (kubernetes
                ? $"В продуктиве кластер работает в Kubernetes ({request.CloudProvider}) в пространстве имён {plan.Namespace}: по одному StatefulSet на набор реплик, поды называются как экземпляры. "
                : $"В продуктиве экземпляры работают на {VmHostsRu(request)} из топологии как службы systemd, по одной на экземпляр. ") +
            "Docker Compose поднимает ту же топологию локально.");
        var decisions = OrchestrationDecisions.For(plan, context);
        n.Bullets(decisions.Select(d => d.En).SequenceEqual(plan.Decisions) ? decisions.Select(d => n.T(d.En, d.Ru)) : plan.Decisions);

        n.Section(ContainersPhase.ContainerImage);
        n.Paragraph(
            $"The image starts from the official {plan.Image.BaseImage} (pin an exact patch tag such as {plan.Image.BaseImage}.1 through the TARANTOOL_TAG build argument), " +
            $"copies the bundle's tarantool/ folder to {plan.Image.AppDirectory} and installs its Lua dependencies at build time, so nothing is downloaded when an instance starts. " +
            $"The process runs as uid {plan.Image.RunAsUser}, never as root; data lives in {plan.Image.DataDirectory}/<instance>, a volume. " +
            $"The backup phase's scripts are copied to {InstanceLayout.BackupToolsDir}, the same place as on the hosts" +
            (kubernetes ? ", together with the storage client they call, so the backup CronJobs run them inside the pods." : "."),
            $"Образ собирается от официального {plan.Image.BaseImage} (точную версию, например {plan.Image.BaseImage}.1, задаёт аргумент сборки TARANTOOL_TAG), " +
            $"копирует папку tarantool/ из комплекта в {plan.Image.AppDirectory} и устанавливает Lua-зависимости при сборке, поэтому при запуске экземпляра ничего не скачивается. " +
            $"Процесс работает от uid {plan.Image.RunAsUser}, не от root; данные лежат в томе {plan.Image.DataDirectory}/<экземпляр>. " +
            $"Скрипты фазы резервного копирования копируются в {InstanceLayout.BackupToolsDir}, туда же, где они лежат на серверах" +
            (kubernetes ? ", вместе с клиентом хранилища, который они вызывают, поэтому CronJob резервного копирования запускают их внутри подов." : "."));
        if (plan.Image.Rocks.Count > 0)
            n.Paragraph($"Rocks installed: {string.Join(", ", plan.Image.Rocks)}.", $"Устанавливаемые rocks: {string.Join(", ", plan.Image.Rocks)}.");
        n.Code("bash", $"docker build -f containers/Dockerfile -t {plan.Image.ImageName} .");

        n.Section(ContainersPhase.Compose);
        n.Paragraph(
            $"containers/docker-compose.yml has one service per instance with its own named volume, a healthcheck that runs {HealthCheckScript.ImagePath} ready, which asks the instance through its console socket " +
            "(no credentials needed), and ports published on 127.0.0.1 only. Secrets come from containers/.env, which you create from containers/.env.example; " +
            "compose refuses to start while a variable is missing.",
            $"В containers/docker-compose.yml по сервису на экземпляр, у каждого свой именованный том, проверка здоровья запускает {HealthCheckScript.ImagePath} ready, который спрашивает экземпляр через его консольный сокет " +
            "(учётные данные не нужны), порты открыты только на 127.0.0.1. Секреты берутся из containers/.env, который вы создаёте по образцу containers/.env.example; " +
            "без заполненной переменной compose не запустится.");
        n.Table(
            [n.T("Service", "Сервис"), "iproto", n.T("Metrics", "Метрики")],
            plan.Endpoints.Select(e => (IReadOnlyList<string>)[e.ComposeService, $"127.0.0.1:{Figures.Integer(e.ComposeIprotoHostPort)}", $"127.0.0.1:{Figures.Integer(e.ComposeMetricsHostPort)}"]));
        n.Code("bash", "cp containers/.env.example containers/.env   # then fill it in\ndocker compose -f containers/docker-compose.yml up -d --build\ndocker compose -f containers/docker-compose.yml ps");

        n.Section(ContainersPhase.Kubernetes);
        if (kubernetes) WriteKubernetes(n, plan);
        else
            n.Paragraph(
                $"Not applicable: the cluster runs on {VmHostsEn(request)} (cloud: {Cloud(request)}, deployment: vm), so no Kubernetes manifests are rendered. Use the systemd units below.",
                $"Не применяется: кластер работает на {VmHostsRu(request)} (облако: {Cloud(request)}, развёртывание: vm), поэтому манифесты Kubernetes не создаются. Используйте службы systemd ниже.");

        n.Section(ContainersPhase.Systemd);
        if (kubernetes)
            n.Paragraph(
                $"Not applicable: on {context.Request.CloudProvider} the instances run as Kubernetes pods; the kubelet supervises and restarts them, so no systemd units are rendered.",
                $"Не применяется: в {context.Request.CloudProvider} экземпляры работают как поды Kubernetes, их перезапускает kubelet, поэтому службы systemd не создаются.");
        else WriteSystemd(n, plan, topology, request.ClusterName);

        n.Section(ContainersPhase.Resources);
        if (kubernetes) WriteKubernetesResources(n, plan, capacity);
        else WriteVmResources(n, plan, context, capacity, topology);

        n.Section(ContainersPhase.Secrets);
        if (kubernetes)
            n.Paragraph(
                "No file of this bundle contains a secret value. Instances read them from environment variables or files; Kubernetes fills them from a Secret, " +
                "Compose (locally) from containers/.env.",
                "Ни один файл комплекта не содержит значения секретов. Экземпляры читают их из переменных окружения или файлов; в Kubernetes их заполняет Secret, " +
                "в Compose (локально) — containers/.env.");
        else
            n.Paragraph(
                "No file of this bundle contains a secret value. Instances read them from environment variables: the systemd units from the EnvironmentFile " +
                $"{InstanceLayout.SecretsFile(request.ClusterName)}, readable by the tarantool group only; Compose (locally) from containers/.env.",
                "Ни один файл комплекта не содержит значения секретов. Экземпляры читают их из переменных окружения: службы systemd — из EnvironmentFile " +
                $"{InstanceLayout.SecretsFile(request.ClusterName)}, доступного только группе tarantool; Compose (локально) — из containers/.env.");
        n.Table(
            [n.T("Context", "Контекст"), "Secret", n.T("Key", "Ключ"), n.T("Delivered as", "Передаётся как")],
            plan.Secrets.Select(s => (IReadOnlyList<string>)[s.ContextName, s.SecretName, s.SecretKey, s.EnvVar.Length > 0 ? s.EnvVar : s.FilePath]));
        if (kubernetes)
        {
            var keys = plan.Secrets.GroupBy(s => s.SecretName).Select(g => $"kubectl -n {plan.Namespace} create secret generic {g.Key} " +
                string.Join(" ", g.Select(s => $"--from-file={s.SecretKey}=./{s.SecretKey}").Distinct()));
            n.Code("bash", string.Join("\n", keys));
        }
        return n.ToString();
    }

    private static string Cloud(ClusterRequest request) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(request.CloudProvider.ToString());

    private static string VmHostsEn(ClusterRequest request) => request.CloudProvider switch
    {
        CloudProvider.Aws => "AWS EC2 VMs",
        CloudProvider.Azure => "Azure VMs",
        CloudProvider.Gcp => "Compute Engine VMs",
        _ => "the on-premises hosts",
    };

    private static string VmHostsRu(ClusterRequest request) => request.CloudProvider switch
    {
        CloudProvider.Aws => "ВМ AWS EC2",
        CloudProvider.Azure => "ВМ Azure",
        CloudProvider.Gcp => "ВМ Compute Engine",
        _ => "собственных серверах",
    };

    private static void WriteKubernetesResources(NarrativeBuilder n, OrchestrationPlan plan, CapacityPlan capacity)
    {
        n.Paragraph(
            $"Requests come from the capacity plan: a storage instance needs {Figures.Bytes(capacity.RamPerStorageInstanceBytes)} RAM (memtx {Figures.Bytes(capacity.MemtxMemoryBytes)}, which also holds what a checkpoint's read view keeps alive, + runtime) " +
            $"and {capacity.CpuPerStorageInstance} vCPU; volumes are the plan's {Figures.Gb(capacity.DiskPerStorageInstanceGb)} per instance plus 5% filesystem overhead. " +
            "Limits equal requests, which gives the Guaranteed QoS class.",
            $"Запросы ресурсов взяты из плана ёмкости: экземпляру хранения нужно {Figures.Bytes(capacity.RamPerStorageInstanceBytes, Language.Ru)} памяти (memtx {Figures.Bytes(capacity.MemtxMemoryBytes, Language.Ru)}, где есть место и для read view снимка, + runtime) " +
            $"и {capacity.CpuPerStorageInstance} vCPU; тома — {Figures.Gb(capacity.DiskPerStorageInstanceGb, Language.Ru)} на экземпляр из плана плюс 5% на файловую систему. " +
            "Лимиты равны запросам, это класс QoS Guaranteed.");
        n.Table(
            [n.T("Replicaset", "Набор реплик"), n.T("Role", "Роль"), n.T("Pods", "Поды"), "CPU", n.T("Memory", "Память"), n.T("Volume", "Том"), n.T("Anti-affinity", "Антиаффинити"), n.T("Zone spread", "Распределение по зонам")],
            plan.Workloads.Select(w => (IReadOnlyList<string>)[
                w.Replicaset, w.Role, Figures.Integer(w.Instances.Count), KubernetesQuantities.Cpu(w.CpuRequestMillicores),
                KubernetesQuantities.MemoryMib(w.MemoryRequestMib), KubernetesQuantities.StorageGib(w.VolumeGib),
                w.RequiredNodeAntiAffinity ? n.T("required", "обязательно") : n.T("preferred", "желательно"), w.ZoneSpread]));
        n.Paragraph(
            $"Probes: {plan.Probes.RecoveryFormula}. The startup probe allows {Figures.Integer(plan.Probes.StartupPeriodSeconds * plan.Probes.StartupFailureThreshold)} s; " +
            $"liveness is a TCP connect to iproto tolerating {Figures.Integer(plan.Probes.LivenessPeriodSeconds * plan.Probes.LivenessFailureThreshold)} s of failures, " +
            $"readiness runs {HealthCheckScript.ImagePath} ready in the pod: through the console socket in the data directory it asks the instance itself for box.info.status running, the config status and, on a replica, an upstream it follows, so a stalled or lagging-behind-nobody instance leaves the Service without being killed. " +
            "Each PodDisruptionBudget allows one unavailable pod per replicaset, so a node drain never takes a quorum.",
            $"Пробы: {RecoveryBudget.Formula(capacity, Language.Ru)}. Startup-проба даёт {Figures.Integer(plan.Probes.StartupPeriodSeconds * plan.Probes.StartupFailureThreshold)} с; " +
            $"liveness — TCP-подключение к iproto, терпит {Figures.Integer(plan.Probes.LivenessPeriodSeconds * plan.Probes.LivenessFailureThreshold)} с ошибок, " +
            $"readiness запускает в поде {HealthCheckScript.ImagePath} ready: через консольный сокет в каталоге данных он спрашивает сам экземпляр — box.info.status running, статус конфигурации и у реплики хотя бы один поток репликации в состоянии follow, — поэтому зависший экземпляр выводится из Service, но не убивается. " +
            "PodDisruptionBudget допускает один недоступный под на набор реплик, и обслуживание узла никогда не ломает кворум.");
    }

    /// <summary>VMs or bare metal: the hosts' size from the capacity plan and, on a public cloud, the machine type and data disk.</summary>
    private static void WriteVmResources(NarrativeBuilder n, OrchestrationPlan plan, PhaseContext context, CapacityPlan capacity, ClusterTopology topology)
    {
        n.Paragraph(
            $"Host sizes come from the capacity plan: a storage instance needs {Figures.Bytes(capacity.RamPerStorageInstanceBytes)} RAM (memtx {Figures.Bytes(capacity.MemtxMemoryBytes)} + copy-on-write reserve + runtime), " +
            $"{capacity.CpuPerStorageInstance} vCPU and {Figures.Gb(capacity.DiskPerStorageInstanceGb)} of SSD for its data directory. " +
            $"Recovery after a restart: {plan.Probes.RecoveryFormula}; the unit's start timeout allows it.",
            $"Размеры хостов взяты из плана ёмкости: экземпляру хранения нужно {Figures.Bytes(capacity.RamPerStorageInstanceBytes, Language.Ru)} памяти (memtx {Figures.Bytes(capacity.MemtxMemoryBytes, Language.Ru)} + резерв copy-on-write + runtime), " +
            $"{capacity.CpuPerStorageInstance} vCPU и {Figures.Gb(capacity.DiskPerStorageInstanceGb, Language.Ru)} SSD под каталог данных. " +
            $"Восстановление после перезапуска: {RecoveryBudget.Formula(capacity, Language.Ru)}; таймаут запуска службы это допускает.");
        n.Table(
            [n.T("Host", "Хост"), n.T("Zone", "Зона"), n.T("Instances", "Экземпляры")],
            topology.Replicasets.SelectMany(r => r.Instances).GroupBy(i => i.Host, StringComparer.Ordinal)
                .Select(g => (IReadOnlyList<string>)[g.Key, g.First().Zone, string.Join(", ", g.Select(i => i.Name))]));
        if (Expert.CloudVms.CloudVmFacts.For(context.Request, capacity, topology, context.Find<Phases.BackupRecovery.BackupPlan>()) is { } vm)
            n.Paragraph(
                $"On {vm.Cloud} each host is a `{vm.MachineType}` VM ({vm.Vcpus} vCPU, {vm.MemoryGib} GiB), the smallest type holding the busiest host's {vm.NeededVcpus} vCPU and {Figures.Number(vm.NeededMemoryGib)} GiB, " +
                $"with a {vm.DiskGb} GB {vm.DiskType} data disk: {vm.DiskReason} Members of a replicaset sit in different zones ({string.Join(", ", vm.Zones)}).",
                $"В {vm.Cloud} каждый хост — ВМ `{vm.MachineType}` ({vm.Vcpus} vCPU, {vm.MemoryGib} ГиБ), наименьший тип, вмещающий {vm.NeededVcpus} vCPU и {Figures.Number(vm.NeededMemoryGib, 1, Language.Ru)} ГиБ самого загруженного хоста, " +
                $"с диском данных {vm.DiskType} на {vm.DiskGb} ГБ: {vm.DiskReasonRu} Участники набора реплик находятся в разных зонах ({string.Join(", ", vm.Zones)}).");
    }

    private static void WriteKubernetes(NarrativeBuilder n, OrchestrationPlan plan)
    {
        n.Paragraph(
            "kubernetes/ holds a Namespace, " + (plan.StorageClass is null ? "" : $"the StorageClass {plan.StorageClass.Name}, ") +
            (plan.ConfigDelivery == ConfigDelivery.ConfigYaml ? "a ConfigMap with config.yaml rewritten for pod DNS names, " : "") +
            "and per replicaset a headless Service, a StatefulSet and a PodDisruptionBudget, plus the client Services; kustomization.yaml lists them all. " +
            $"The StatefulSets use updateStrategy {StatefulSetBuilder.UpdateStrategy}: applying a new image or config restarts nothing, and deploy/scripts/rolling-restart.sh then deletes the pods " +
            "one at a time, replicas first and each leader last after a switchover.",
            "В kubernetes/ лежат Namespace, " + (plan.StorageClass is null ? "" : $"StorageClass {plan.StorageClass.Name}, ") +
            (plan.ConfigDelivery == ConfigDelivery.ConfigYaml ? "ConfigMap с config.yaml, переписанным под DNS-имена подов, " : "") +
            "а для каждого набора реплик — headless Service, StatefulSet и PodDisruptionBudget, плюс клиентские Service; всё перечислено в kustomization.yaml. " +
            $"У StatefulSet стратегия обновления {StatefulSetBuilder.UpdateStrategy}: применение нового образа или конфигурации ничего не перезапускает, а deploy/scripts/rolling-restart.sh затем удаляет поды " +
            "по одному — сначала реплики, лидера каждого набора последним после переключения.");
        if (plan.StorageClass is { } storageClass)
            n.Paragraph(storageClass.Reason, $"Класс хранения {storageClass.Name} ({storageClass.Provisioner}): " +
                string.Join(", ", storageClass.Parameters.Select(p => $"{p.Name}={p.Value}")) + "; reclaimPolicy Retain и WaitForFirstConsumer, чтобы диск создавался в зоне пода и не удалялся вместе с заявкой.");
        n.Table(
            [n.T("Instance", "Экземпляр"), n.T("Pod", "Под"), n.T("Address", "Адрес")],
            plan.Endpoints.Select(e => (IReadOnlyList<string>)[e.Instance, e.PodName, $"{e.Host}:{Figures.Integer(e.IprotoPort)}"]));
        n.Bullets(plan.ClientServices.Select(s => $"{s.Name}: " + (n.Language == Language.Ru ? ClientServiceRu(s) : s.Reason)));
        n.Code("bash", $"docker push <registry>/{plan.Image.ImageName}\n(cd kubernetes && kustomize edit set image {plan.Image.ImageName.Split(':')[0]}=<registry>/{plan.Image.ImageName})   # the kustomization's images: entry\nkubectl apply -k kubernetes/\nkubectl -n {plan.Namespace} get pods -l app.kubernetes.io/instance={plan.Namespace} -w");
    }

    private static string ClientServiceRu(ClientServicePlan service) =>
        service.PinnedPod.Length > 0 ? $"закреплён за подом {service.PinnedPod} — единственным экземпляром для записи при ручном переключении; перенастройте его при смене лидера."
        : service.Name.EndsWith("-router", StringComparison.Ordinal) ? "приложения работают только с роутерами vshard; Service распределяет соединения по всем роутерам."
        : service.Reason.Contains("failover off", StringComparison.Ordinal) ? "запись принимает каждый мастер (failover off), поэтому соединение может обслуживать любой участник."
        : "все участники обслуживают чтение; запись должна попадать на текущего лидера, поэтому подключайтесь с обнаружением лидера: коннектор или пул читает box.info.ro на каждом участнике, пишет туда, где он false, и перечитывает его после ошибки read-only (лидер меняется при failover и переключении).";

    private static void WriteSystemd(NarrativeBuilder n, OrchestrationPlan plan, ClusterTopology topology, string cluster)
    {
        var template = InstanceLayout.UnitTemplate(cluster);
        var target = InstanceLayout.UnitTarget(cluster);
        var app = InstanceLayout.AppDirectory(cluster);
        n.Paragraph(
            $"systemd/{template} is a template unit (Type=notify), the bundle's only unit for instances: the part after @ is the instance name. It runs '{SystemdRenderer.ExecStart(cluster, plan.ConfigDelivery)}' " +
            $"in {app}, where the bundle's tarantool/ directory is installed as the application and its tt environment, so data lands in {InstanceLayout.VmDataRoot(cluster)}/<instance> " +
            $"(mount the data disk at {InstanceLayout.VmDataRoot(cluster)}) and secrets come from {InstanceLayout.SecretsFile(cluster)}. It restarts the instance on failure, " +
            $"waits {Figures.Integer(plan.Probes.StartupPeriodSeconds * plan.Probes.StartupFailureThreshold)} s for recovery and {Figures.Integer(plan.Probes.TerminationGraceSeconds)} s for a graceful stop. " +
            $"The start counts as done when the instance itself notifies systemd (READY=1, after recovery and the config), and the wait is the same recovery-time budget as the startup probe and the deploy scripts' START_TIMEOUT. " +
            $"The unit is hardened: ProtectSystem=strict with only {SystemdRenderer.VarDirectory(cluster)} writable, ProtectHome, PrivateDevices, NoNewPrivileges, RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6. " +
            $"systemd/{target} starts the enabled instances at boot. The deployment phase's playbook installs both" + (plan.ConfigDelivery == ConfigDelivery.ConfigYaml ? "." : $"; 'tt start --interactive' needs {TtRelease.Requirement}, the release setup.md installs."),
            $"systemd/{template} — шаблонная служба (Type=notify), единственная служба экземпляров в комплекте: часть после @ — имя экземпляра. Она запускает '{SystemdRenderer.ExecStart(cluster, plan.ConfigDelivery)}' " +
            $"в {app}, куда папка tarantool/ из комплекта устанавливается как приложение и его окружение tt, поэтому данные попадают в {InstanceLayout.VmDataRoot(cluster)}/<экземпляр> " +
            $"(диск данных монтируйте в {InstanceLayout.VmDataRoot(cluster)}), а секреты берутся из {InstanceLayout.SecretsFile(cluster)}. Служба перезапускает экземпляр при сбое, " +
            $"ждёт восстановления {Figures.Integer(plan.Probes.StartupPeriodSeconds * plan.Probes.StartupFailureThreshold)} с и корректной остановки {Figures.Integer(plan.Probes.TerminationGraceSeconds)} с. " +
            $"Запуск считается завершённым, когда экземпляр сам уведомляет systemd (READY=1, после восстановления и применения конфигурации); ожидание — тот же бюджет времени восстановления, что у startup-пробы и START_TIMEOUT скриптов развёртывания. " +
            $"Служба защищена: ProtectSystem=strict и запись только в {SystemdRenderer.VarDirectory(cluster)}, ProtectHome, PrivateDevices, NoNewPrivileges, RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6. " +
            $"systemd/{target} запускает включённые экземпляры при загрузке. Обе службы устанавливает плейбук фазы развёртывания" + (plan.ConfigDelivery == ConfigDelivery.ConfigYaml ? "." : $"; для 'tt start --interactive' нужна {TtRelease.RequirementRu}, как при установке по setup.md."));
        n.Table(
            [n.T("Host", "Сервер"), n.T("Units", "Службы")],
            topology.Replicasets.SelectMany(r => r.Instances).GroupBy(i => i.Host).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (IReadOnlyList<string>)[g.Key, string.Join(", ", g.Select(i => InstanceLayout.Unit(cluster, i.Name)))]));
        n.Code("bash", $"sudo install -m 0644 systemd/{template} systemd/{target} /etc/systemd/system/\nsudo systemctl daemon-reload\nsudo systemctl enable {target}\nsudo systemctl enable --now {InstanceLayout.Unit(cluster, plan.Endpoints[0].Instance)}");
    }
}
