using Tarantool.Agents.ClusterConfig;
using Tarantool.Agents.Expert.CloudVms;
using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases.Deployment;
using Tarantool.Agents.Phases.Documentation;

namespace Tarantool.Agents.Expert.Documentation;

/// <summary>docs/setup.md: prerequisites, installation of tt and Tarantool, application layout, secrets, first start, checks.</summary>
internal sealed class SetupGuideWriter(ClusterProfile cluster)
{
    private readonly OpsCommands _ops = new(cluster);

    public GuideDocument Write() =>
        new GuideDocumentBuilder(GuideOutline.SetupFile, cluster.Language)
            .Section(GuideOutline.Prerequisites, Prerequisites)
            .Section(GuideOutline.Installation, Installation)
            .Section(GuideOutline.Layout, Layout)
            .Section(GuideOutline.Secrets, Secrets)
            .Section(GuideOutline.FirstStart, FirstStart)
            .Section(GuideOutline.Checks, Checks)
            .Build();

    private string App => cluster.App;

    private void Prerequisites(SectionText s)
    {
        var capacity = cluster.Capacity;
        s.P($"The `{App}` cluster runs Tarantool {cluster.Version} ({Tooling()}) as {cluster.Instances.Count} instances on {cluster.Hosts.Count} hosts. Failover mode: `{cluster.FailoverMode}`.",
            $"Кластер `{App}` работает на Tarantool {cluster.Version} ({Tooling()}) и состоит из {cluster.Instances.Count} {GuideFigures.RuPlural(cluster.Instances.Count, "инстанса", "инстансов", "инстансов")} на {cluster.Hosts.Count} {GuideFigures.RuPlural(cluster.Hosts.Count, "хосте", "хостах", "хостах")}. Режим failover: `{cluster.FailoverMode}`.");
        s.Table([s.T("Host", "Хост"), s.T("Instances (iproto / metrics port)", "Инстансы (порт iproto / метрик)")],
            cluster.Hosts.Select(h => (IReadOnlyList<string>)[$"`{h}`", string.Join(", ", cluster.Instances.Where(i => i.Host == h).Select(i => $"`{i.Name}` ({i.Port} / {i.MetricsPort})"))]));
        s.P(s.T("Each storage instance needs:", "Каждому инстансу хранения нужно:"));
        s.Bullets(
        [
            s.T($"RAM: {GuideFigures.Bytes(capacity.RamPerStorageInstanceBytes, cluster.Language)} (`memtx.memory` {GuideFigures.Bytes(capacity.MemtxMemoryBytes, cluster.Language)} plus the Lua runtime; snapshots are written from a read view inside the arena, so they need no extra RAM);",
                $"оперативная память: {GuideFigures.Bytes(capacity.RamPerStorageInstanceBytes, cluster.Language)} (`memtx.memory` {GuideFigures.Bytes(capacity.MemtxMemoryBytes, cluster.Language)} плюс среда Lua; снапшот пишется из read view внутри арены и дополнительной памяти не требует);"),
            s.T($"CPU: {capacity.CpuPerStorageInstance} vCPU (the TX thread, WAL, iproto and relay threads);",
                $"процессор: {capacity.CpuPerStorageInstance} vCPU (поток TX, потоки WAL, iproto и relay);"),
            s.T($"disk: {GuideFigures.Gb(capacity.DiskPerStorageInstanceGb, cluster.Language)} of SSD ({capacity.SnapshotCount} snapshots of {GuideFigures.Gb(capacity.SnapshotSizeGb, cluster.Language)}, {GuideFigures.Gb(capacity.WalSizeGb, cluster.Language)} of WAL, room for a local backup); `wal.mode` is `{capacity.WalMode}`, about {capacity.WalIops} write IOPS on the leader.",
                $"диск: {GuideFigures.Gb(capacity.DiskPerStorageInstanceGb, cluster.Language)} SSD ({capacity.SnapshotCount} снапшота по {GuideFigures.Gb(capacity.SnapshotSizeGb, cluster.Language)}, {GuideFigures.Gb(capacity.WalSizeGb, cluster.Language)} WAL, место под локальный бэкап); `wal.mode` — `{capacity.WalMode}`, около {capacity.WalIops} IOPS записи на лидере."),
        ]);
        if (cluster.OnKubernetes)
        {
            s.P($"On {GuideFigures.Cloud(cluster.Request.CloudProvider)}, the instances run on the managed Kubernetes: you need `kubectl` access to the `{App}` namespace, a storage class with SSD volumes of the size above, and nodes with the RAM above per pod.",
                $"В {GuideFigures.Cloud(cluster.Request.CloudProvider)} инстансы работают в управляемом Kubernetes: нужен доступ `kubectl` к пространству имён `{App}`, класс хранения с SSD-томами указанного размера и узлы с указанным объёмом памяти на под.");
            BackupIdentity(s);
        }
        else
        {
            s.P("Hosts run Debian or Ubuntu with time synchronisation (chrony), the iproto and metrics ports above open between the hosts and to the monitoring system, and `ulimit -n` of at least 65535 (the systemd unit sets it).",
                "На хостах — Debian или Ubuntu с синхронизацией времени (chrony); порты iproto и метрик из таблицы открыты между хостами и для системы мониторинга; `ulimit -n` не меньше 65535 (его задаёт unit systemd).");
            CloudVms(s);
        }
    }

    /// <summary>On Kubernetes: how the backup Jobs reach the storage (their service account and cloud identity) and the
    /// permissions it needs; the database pods hold no storage credentials and no storage client.</summary>
    private void BackupIdentity(SectionText s)
    {
        var identity = Phases.Deployment.BackupIdentity.For(cluster.Request, _ops.Namespace, cluster.Backup.StorageKind, cluster.Backup.StorageUri);
        var account = Phases.Deployment.BackupIdentity.ServiceAccount(_ops.Namespace);
        s.P($"Backups run as their own Jobs (`deploy/kubernetes/backup-cronjob.yaml`, image `deploy/kubernetes/backup.Dockerfile`) under the service account `{account}` ({identity.Mechanism}). Before the first backup, give it {identity.Permissions}:",
            $"Бэкапы выполняются отдельными Job (`deploy/kubernetes/backup-cronjob.yaml`, образ `deploy/kubernetes/backup.Dockerfile`) от имени сервисного аккаунта `{account}` ({identity.MechanismRu}). До первого бэкапа выдайте ему: {identity.PermissionsRu}:");
        s.Bash(string.Join("\n", identity.SetupCommands));
        if (identity.Inputs.Count == 0) return;
        s.P("The commands above and the manifest name values of your account the bundle cannot know; replace each placeholder with yours:",
            "Команды выше и манифест используют значения вашего аккаунта, которых комплект знать не может; замените каждую заглушку своим значением:");
        s.Bullets(identity.Inputs.Select(i => s.T(
            $"`{i.Name}`: {i.Meaning} (`{i.LookUp}`)" + (i.InManifest ? ", also in `deploy/kubernetes/backup-cronjob.yaml`." : ", in the commands above only."),
            $"`{i.Name}`: {i.MeaningRu} (`{i.LookUp}`)" + (i.InManifest ? ", также в `deploy/kubernetes/backup-cronjob.yaml`." : ", только в командах выше."))));
        var manifest = identity.Inputs.Where(i => i.InManifest).ToList();
        if (manifest.Count == 0) return;
        s.P("Fill them into the manifest; `deploy/scripts/deploy.sh` refuses to apply anything while a placeholder remains in it:",
            "Впишите их в манифест; `deploy/scripts/deploy.sh` ничего не применяет, пока в нём остаётся заглушка:");
        s.Bash(string.Join("\n", manifest.Select(i => $"{i.Name}=\"$({i.LookUp})\"")) + "\n" +
               "sed -i " + string.Join(" ", manifest.Select(i => $"-e \"s/\\b{i.Name}\\b/${{{i.Name}}}/g\"")) + " deploy/kubernetes/backup-cronjob.yaml");
    }

    /// <summary>On a public cloud's VMs: the machine type, data disk, zones and backup access the hosts need.</summary>
    private void CloudVms(SectionText s)
    {
        if (CloudVmFacts.For(cluster.Request, cluster.Capacity, cluster.Topology, cluster.Backup) is not { } vm) return;
        var cloud = GuideFigures.Cloud(vm.Cloud);
        s.P($"On {cloud} the hosts are {vm.Hosts} VMs (no Kubernetes), spread over the zones {string.Join(", ", vm.Zones.Select(z => $"`{z}`"))} as the table above places them:",
            $"В {cloud} хосты — это {vm.Hosts} ВМ (без Kubernetes), распределённые по зонам {string.Join(", ", vm.Zones.Select(z => $"`{z}`"))}, как их размещает таблица выше:");
        s.Bullets(
        [
            s.T($"machine type `{vm.MachineType}` ({vm.Vcpus} vCPU, {vm.MemoryGib} GiB): the smallest that holds the busiest host's instances, {vm.NeededVcpus} vCPU and {vm.NeededMemoryGib.ToString(System.Globalization.CultureInfo.InvariantCulture)} GiB with the OS reserve;",
                $"тип ВМ `{vm.MachineType}` ({vm.Vcpus} vCPU, {vm.MemoryGib} GiB): наименьший, вмещающий экземпляры самого загруженного хоста, — {vm.NeededVcpus} vCPU и {vm.NeededMemoryGib.ToString(System.Globalization.CultureInfo.InvariantCulture)} GiB с резервом для ОС;"),
            s.T($"a separate {vm.DiskType} data disk of {vm.DiskGb} GB per host, mounted at the data directory below; {vm.DiskReason}",
                $"отдельный диск данных {vm.DiskType} на {vm.DiskGb} ГБ на каждом хосте, смонтированный в каталог данных ниже; {vm.DiskReasonRu}"),
            s.T($"backup access: {vm.BackupAccess}.",
                $"доступ к хранилищу бэкапов: {vm.BackupAccessRu}."),
        ]);
    }

    private void Installation(SectionText s)
    {
        var major = cluster.Version.Major;
        s.P($"Install Tarantool {cluster.Version} from the official repository and {TtRelease.Requirement} (the `--timestamp` flag of `tt play` and `tt cat` in point-in-time recovery, the `-y` flag of `tt stop` and `tt start --interactive` need it). Pin the release line so an unattended upgrade never moves the cluster to another line.",
            $"Установите Tarantool {cluster.Version} из официального репозитория и {TtRelease.RequirementRu} (от неё зависят флаг `--timestamp` у `tt play` и `tt cat` при восстановлении на момент времени, флаг `-y` у `tt stop` и `tt start --interactive`). Закрепите линию релизов, чтобы автоматическое обновление не перевело кластер на другую линию.");
        if (cluster.OnKubernetes)
        {
            s.P("On Kubernetes the image carries Tarantool and tt; install only the client tools on the operator machine:",
                "В Kubernetes Tarantool и tt уже есть в образе; на машину оператора ставятся только клиентские утилиты:");
            s.Bash($"kubectl version --client\nkubectl get nodes\nkubectl create namespace {_ops.Namespace}");
            return;
        }
        s.Bash($"curl -L https://tarantool.io/release/{major}/installer.sh | sudo bash\nsudo apt-get install -y 'tarantool={cluster.Version}.*' tt\ntarantool --version\ntt version");
        s.P("With Ansible the same is done on every host by the deployment playbook:",
            "С Ansible то же самое на всех хостах делает плейбук развёртывания:");
        s.Bash("cd deploy/ansible\nansible-playbook deploy.yml --ask-vault-pass");
        if (cluster.Tooling == TarantoolTooling.Cartridge)
        {
            s.P("A Cartridge application carries its rocks: build them once in the application directory.",
                "Приложение Cartridge содержит свои rocks: соберите их один раз в каталоге приложения.");
            s.Bash($"cd {_ops.AppDir}\ntt build");
        }
    }

    private void Layout(SectionText s)
    {
        s.P($"The bundle's `tarantool/` directory is the application `{App}` and its tt environment at once (`tt.yaml` says `instances_enabled: .`, the directory name is the application name). Install it as `{_ops.AppDir}` and run tt commands from there:",
            $"Каталог `tarantool/` из бандла — это одновременно приложение `{App}` и его окружение tt (в `tt.yaml` указано `instances_enabled: .`, имя каталога — имя приложения). Установите его как `{_ops.AppDir}` и запускайте команды tt оттуда:");
        var files = cluster.Tooling switch
        {
            TarantoolTooling.DeclarativeConfig => "config.yaml, instances.yml",
            TarantoolTooling.BoxCfg => "init.lua (box.cfg), instances.yml",
            _ => "init.lua, instances.yml, replicasets.yml, failover.yml",
        };
        var units = cluster.OnKubernetes
            ? ""
            : $"\n/etc/systemd/system/{DeploymentLayout.InstanceUnit(App)}   # bundle systemd/: one unit per instance, with {DeploymentLayout.InstanceTarget(App)}";
        s.Code("text", $"""
            {_ops.AppDir}/                # bundle tarantool/: tt.yaml, {files}
            └── var/
                ├── lib/<instance>/        # snapshots (.snap) and WAL (.xlog); {(cluster.OnKubernetes ? $"in pods the data volume is {Phases.Containers.InstanceLayout.ContainerDataRoot}/<instance>" : "mount the data disk at var/lib")}
                ├── log/<instance>/
                └── run/<instance>/        # console socket used by tt connect
            {DeploymentLayout.BackupToolsDir}/           # bundle backup/: backup.sh, archive-wal.sh, verify-backup.sh, restore.sh
            {DeploymentLayout.OpsToolsDir}/           # bundle deploy/scripts/: health-check.sh, backup-job.sh
            {DeploymentLayout.SecretsFile(App)}   # secrets (root:tarantool, 0640){units}
            """);
        if (!cluster.OnKubernetes)
            s.Bash($"sudo install -d -o tarantool -g tarantool -m 0750 {_ops.AppDir}\nsudo cp -R tarantool/. {_ops.AppDir}/\nsudo chown -R tarantool:tarantool {_ops.AppDir}\ncd {_ops.AppDir}");
        s.P(cluster.Tooling switch
        {
            TarantoolTooling.DeclarativeConfig => s.T($"All instances read the same `config.yaml`; an instance finds its own section by name (`tt start {App}:<instance>` passes it). Never edit the file on one host only: the hosts must stay identical.",
                $"Все инстансы читают один и тот же `config.yaml`; инстанс находит свою секцию по имени (его передаёт `tt start {App}:<instance>`). Не правьте файл только на одном хосте: хосты должны оставаться одинаковыми."),
            TarantoolTooling.BoxCfg => s.T("Each instance has its own Lua file calling `box.cfg{}`; `instances.yml` lists them for tt. Keep the `replication` lists identical on all instances.",
                "У каждого инстанса свой Lua-файл с вызовом `box.cfg{}`; `instances.yml` перечисляет их для tt. Списки `replication` на всех инстансах должны совпадать."),
            _ => s.T("Cartridge keeps the cluster-wide configuration itself; `instances.yml` gives each instance its advertise URI and HTTP port, `replicasets.yml` the replicasets and roles.",
                "Cartridge сам хранит общую конфигурацию кластера; `instances.yml` задаёт каждому инстансу advertise URI и HTTP-порт, `replicasets.yml` — репликасеты и роли."),
        });
        if (cluster.OnKubernetes)
            s.P($"On Kubernetes every replicaset is a StatefulSet named after it and pod names equal instance names (`{cluster.MainReplicaset.Instances[0].Name}`), so every command below addresses the pod with the instance's name.",
                $"В Kubernetes каждый репликасет — это StatefulSet с тем же именем, а имена подов совпадают с именами инстансов (`{cluster.MainReplicaset.Instances[0].Name}`), поэтому все команды ниже обращаются к поду по имени инстанса.");
    }

    private void Secrets(SectionText s)
    {
        s.P("Passwords are never written in configuration files. `config.yaml` reads them from `config.context` and they reach the process from the environment:",
            "Пароли никогда не записываются в конфигурационные файлы. `config.yaml` берёт их из `config.context`, а в процесс они попадают из окружения:");
        s.Table([s.T("Variable", "Переменная"), "config.context", s.T("User", "Пользователь")],
            cluster.Secrets.Select(x => (IReadOnlyList<string>)[$"`{x.Variable}`", $"`{x.ContextName}`", $"`{x.User}`"]));
        if (cluster.OnKubernetes)
        {
            s.P($"Create the Secret `{_ops.Namespace}-credentials` from files (never from literals on the command line, they stay in the shell history):",
                $"Создайте Secret `{_ops.Namespace}-credentials` из файлов (не из литералов в командной строке — они остаются в истории оболочки):");
            s.Bash($"kubectl create secret generic {_ops.Namespace}-credentials -n {_ops.Namespace} \\\n" + string.Join(" \\\n", cluster.Secrets.Select(x => $"  --from-file={x.ContextName.Replace('_', '-')}=./{x.ContextName.Replace('_', '-')}.txt")));
            return;
        }
        s.P($"On hosts the systemd unit loads `{DeploymentLayout.SecretsFile(App)}` (owner root, group tarantool, mode 0640). The deployment playbook writes it from ansible-vault; by hand:",
            $"На хостах unit systemd загружает `{DeploymentLayout.SecretsFile(App)}` (владелец root, группа tarantool, режим 0640). Плейбук развёртывания пишет его из ansible-vault; вручную:");
        s.Bash($"sudo install -m 0640 -o root -g tarantool /dev/null {DeploymentLayout.SecretsFile(App)}\nsudoedit {DeploymentLayout.SecretsFile(App)}\n# one line per variable:\n" + string.Join("\n", cluster.Secrets.Select(x => $"# {x.Variable}=<password>")));
        s.P("Store the values in ansible-vault (`ansible-vault edit group_vars/all/vault.yml`, variables `vault_tt_*`), rotate them by changing the vault, re-running `deploy.yml` and a rolling restart.",
            "Значения храните в ansible-vault (`ansible-vault edit group_vars/all/vault.yml`, переменные `vault_tt_*`); для смены пароля измените vault, повторно запустите `deploy.yml` и выполните поэтапный перезапуск.");
        HostTlsCertificates(s);
    }

    /// <summary>Enterprise iproto TLS on hosts: where the operator puts the files the config names and how they reach the hosts.</summary>
    private void HostTlsCertificates(SectionText s)
    {
        var tls = HostTlsFiles.Of(cluster.ConfigYaml, cluster.Configuration);
        if (!tls.Any) return;
        s.P($"iproto TLS (Tarantool Enterprise Edition) reads the certificate, private key and CA from the paths the config names. Put the files in `deploy/ansible/{HostTlsFiles.SourceDir}/` under these names and encrypt the private key with ansible-vault; `deploy.yml` copies them to every host (owner tarantool, private key mode 0400, certificates 0444) before it starts the instances:",
            $"TLS для iproto (Tarantool Enterprise Edition) читает сертификат, закрытый ключ и CA по путям из конфигурации. Положите файлы в `deploy/ansible/{HostTlsFiles.SourceDir}/` под этими именами и зашифруйте закрытый ключ ansible-vault; `deploy.yml` копирует их на каждый хост (владелец tarantool, режим закрытого ключа 0400, сертификатов 0444) до запуска инстансов:");
        s.Table([s.T("File in the bundle", "Файл в бандле"), s.T("Path on the host", "Путь на хосте")],
            tls.Files.Select(f => (IReadOnlyList<string>)[$"`deploy/ansible/{HostTlsFiles.SourceDir}/{HostTlsFiles.SourceName(f)}`", $"`{f}`"]));
        s.Bash(string.Join("\n", tls.Files.Where(tls.PrivateKeys.Contains).Select(f => $"ansible-vault encrypt deploy/ansible/{HostTlsFiles.SourceDir}/{HostTlsFiles.SourceName(f)}")));
    }

    private void FirstStart(SectionText s)
    {
        if (cluster.OnKubernetes)
        {
            s.P("Apply the manifests and wait until every StatefulSet is ready:", "Примените манифесты и дождитесь готовности всех StatefulSet:");
            s.Bash($"NAMESPACE={_ops.Namespace} deploy/scripts/deploy.sh");
        }
        else
        {
            s.P("On every host, the deployment starts the instances of that host as systemd units; to do it without Ansible run the script on each host:",
                "Развёртывание запускает инстансы каждого хоста как unit'ы systemd; без Ansible запустите скрипт на каждом хосте:");
            s.Bash("sudo deploy/scripts/deploy.sh");
            s.P($"On a single machine (a developer laptop, a test box) tt starts the whole application by itself:",
                $"На одной машине (ноутбук разработчика, тестовый стенд) tt сам запускает всё приложение:");
            s.Bash($"cd {_ops.AppDir}\ntt start {App}\ntt status {App}");
        }
        if (cluster.Tooling == TarantoolTooling.Cartridge)
        {
            if (cluster.Topology.FailoverStateProvider == "etcd2")
            {
                s.P("Then assemble the Cartridge cluster once: join the replicasets, bootstrap vshard and enable stateful failover with etcd2 as the state provider (put your etcd cluster's endpoints in place of the placeholders `etcd-1..3`; ETCD_USERNAME and ETCD_PASSWORD come from your secret store):",
                    "Затем один раз соберите кластер Cartridge: объедините репликасеты, инициализируйте vshard и включите stateful failover с etcd2 в роли хранилища состояния (замените заглушки `etcd-1..3` адресами своего кластера etcd; ETCD_USERNAME и ETCD_PASSWORD берутся из хранилища секретов):");
                s.Bash($"tt cartridge replicasets setup --bootstrap-vshard --file {_ops.AppDir}/replicasets.yml --name {App}\ntt cartridge failover set stateful --state-provider etcd2 \\\n  --provider-params \"{ClusterConfig.CartridgeLayout.Etcd2ProviderParamsJson(App)}\" \\\n  --params '{ClusterConfig.CartridgeLayout.FailoverParamsJson}' --name {App}");
                return;
            }

            s.P("Then assemble the Cartridge cluster once: join the replicasets, bootstrap vshard and enable stateful failover with the stateboard:",
                "Затем один раз соберите кластер Cartridge: объедините репликасеты, инициализируйте vshard и включите stateful failover со stateboard:");
            var stateboard = cluster.Stateboard is { } sb ? $"{sb.Host}:{sb.Port}" : "<stateboard-host>:<port>";
            s.Bash($"tt cartridge replicasets setup --bootstrap-vshard --file {_ops.AppDir}/replicasets.yml --name {App}\ntt cartridge failover set stateful --state-provider stateboard \\\n  --provider-params \"{{\\\"uri\\\": \\\"{stateboard}\\\", \\\"password\\\": \\\"${{TARANTOOL_STATEBOARD_PASSWORD}}\\\"}}\" \\\n  --params '{ClusterConfig.CartridgeLayout.FailoverParamsJson}' --name {App}");
        }
        else if (cluster.Sharded)
        {
            s.P($"When all storages and routers run, distribute the {cluster.Capacity.BucketCount} buckets once (repeating is harmless):",
                $"Когда все хранилища и роутеры запущены, один раз распределите {cluster.Capacity.BucketCount} бакетов (повтор безопасен):");
            s.Bash(_ops.Lua(cluster.Routers[0].Instances[0].Name, "return vshard.router.bootstrap({if_not_bootstrapped = true})"));
        }
    }

    private void Checks(SectionText s)
    {
        var leader = cluster.Leader(cluster.MainReplicaset) ?? cluster.MainReplicaset.Instances[0].Name;
        s.P("After the first start and after every change, check:", "После первого запуска и после каждого изменения проверьте:");
        s.Steps(
        [
            s.T("every instance runs and is healthy (running, upstreams follow, lag under 1 s):", "все инстансы запущены и здоровы (running, апстримы в состоянии follow, отставание меньше 1 с):") + $" `{_ops.HealthCheck}`",
            s.T("the replicaset view:", "состояние репликасетов:") + $" `{_ops.ReplicasetStatus(leader)}`",
            s.T($"the leader `{leader}` is writable and its replicas follow it:", $"лидер `{leader}` принимает запись, а реплики следуют за ним:"),
        ]);
        var lua = "return {status = box.info.status, ro = box.info.ro, election = box.info.election, replication = box.info.replication}";
        if (cluster.Tooling == TarantoolTooling.DeclarativeConfig) lua = "return {config = require('config'):info().status, status = box.info.status, ro = box.info.ro, replication = box.info.replication}";
        s.Bash(_ops.Lua(leader, lua));
        if (cluster.Sharded && cluster.Tooling != TarantoolTooling.Cartridge)
        {
            s.P("the router sees every storage and all buckets are available for writes:", "роутер видит все хранилища, и все бакеты доступны для записи:");
            s.Bash(_ops.Lua(cluster.Routers[0].Instances[0].Name, "local info = vshard.router.info() return {status = info.status, bucket = info.bucket}"));
        }
        var first = cluster.Instances[0];
        s.P(s.T("metrics are exported:", "метрики отдаются:"));
        s.Bash($"curl -s http://{first.Host}:{first.MetricsPort}/metrics | grep -c '^tnt_'");
    }

    private string Tooling() => cluster.Tooling switch
    {
        TarantoolTooling.DeclarativeConfig => "config.yaml + tt",
        TarantoolTooling.BoxCfg => "box.cfg + tt",
        _ => "Cartridge + tt",
    };
}
