using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Intake;

public sealed class RussianDescriptionTests
{
    [Fact]
    public void A_russian_description_is_read_as_a_person_would()
    {
        var result = IntakeFixture.Resolve(
            "Продакшн кластер orders на 2 ТБ, 4 шарда, Kubernetes, автоматическое переключение, хранить бэкапы 60 дней, мультимастер");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var r = result.Request!;
        Assert.Equal(Language.Ru, result.Language);
        Assert.Equal("orders", r.ClusterName);
        Assert.Equal(ClusterType.Sharded, r.ClusterType);
        Assert.Equal(DeploymentEnvironment.Production, r.Environment);
        Assert.Equal(CloudProvider.Kubernetes, r.CloudProvider);
        Assert.Equal(HaStrategy.ActiveFailover, r.HaStrategy);
        Assert.Equal(60, r.BackupRetentionDays);
        Assert.True(r.EnableSharding);
        Assert.Equal(4, r.ShardCount);
        Assert.Equal(ReplicationMode.MasterMaster, r.ReplicationMode);
        Assert.Equal(2000, r.Workload.DataSizeGb);
        Assert.Equal("3.7", r.TarantoolVersion);
        foreach (var field in new[] { "clusterName", "clusterType", "environment", "cloudProvider", "haStrategy", "backupRetentionDays", "enableSharding", "shardCount", "replicationMode", "dataSizeGb" })
            Assert.Equal(ValueSource.Text, result.Sources[field]);
        Assert.Equal(ValueSource.Default, result.Sources["tarantoolVersion"]);
    }

    [Fact]
    public void A_long_russian_description_fills_the_workload()
    {
        var result = IntakeFixture.Resolve(
            "Нужен тестовый кластер с именем billing-stage в Яндексе на своих серверах: мастер и две реплики, версия 3.2, " +
            "ручное переключение. 500 ГБ данных, 100 млн записей, средний размер записи 2 КБ, 40 000 RPS на чтение, " +
            "5 тыс. запросов в секунду на запись, рост 30% в год, на 2 года, бэкапы храним 2 недели, движок винил.");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var r = result.Request!;
        Assert.Equal("billing-stage", r.ClusterName);
        Assert.Equal(ClusterType.Replicated, r.ClusterType);
        Assert.Equal(DeploymentEnvironment.Staging, r.Environment);
        Assert.Equal(CloudProvider.OnPremises, r.CloudProvider);
        Assert.Equal(ValueSource.Text, result.Sources["cloudProvider"]);
        Assert.Equal("3.2", r.TarantoolVersion);
        Assert.Equal(HaStrategy.PassiveFailover, r.HaStrategy);
        Assert.Equal(14, r.BackupRetentionDays);
        Assert.Equal(500, r.Workload.DataSizeGb);
        Assert.Equal(100_000_000, r.Workload.RecordCount);
        Assert.Equal(2000, r.Workload.AverageRecordBytes);
        Assert.Equal(40_000, r.Workload.ReadRps);
        Assert.Equal(5_000, r.Workload.WriteRps);
        Assert.Equal(30, r.Workload.GrowthPercentPerYear);
        Assert.Equal(24, r.Workload.HorizonMonths);
        Assert.Equal(StorageEngine.Vinyl, r.Workload.Engine);
    }

    [Theory]
    [InlineData("одиночный инстанс", ClusterType.SingleInstance)]
    [InlineData("один инстанс", ClusterType.SingleInstance)]
    [InlineData("мастер и две реплики", ClusterType.Replicated)]
    [InlineData("с репликой", ClusterType.Replicated)]
    [InlineData("на картридже", ClusterType.Cartridge)]
    [InlineData("шардированный кластер", ClusterType.Sharded)]
    [InlineData("на восьми шардах", ClusterType.Sharded)]
    [InlineData("мультирегиональный кластер", ClusterType.MultiRegion)]
    [InlineData("в нескольких регионах", ClusterType.MultiRegion)]
    [InlineData("два дата-центра", ClusterType.MultiRegion)]
    [InlineData("3 дата-центра, шардирование", ClusterType.MultiRegion)]
    [InlineData("реплики, без шардирования", ClusterType.Replicated)]
    public void Cluster_type_phrases(string description, ClusterType expected) =>
        Assert.Equal(expected, IntakeFixture.Resolve(description, ("cluster-name", "x"), ("environment", "staging")).Request?.ClusterType);

    [Theory]
    [InlineData("продакшн", DeploymentEnvironment.Production)]
    [InlineData("для продакшена", DeploymentEnvironment.Production)]
    [InlineData("промышленная эксплуатация", DeploymentEnvironment.Production)]
    [InlineData("боевой кластер", DeploymentEnvironment.Production)]
    [InlineData("тестовый стенд", DeploymentEnvironment.Staging)]
    [InlineData("стейджинг", DeploymentEnvironment.Staging)]
    [InlineData("для разработки", DeploymentEnvironment.Development)]
    [InlineData("локальный стенд", DeploymentEnvironment.Development)]
    public void Environment_phrases(string description, DeploymentEnvironment expected) =>
        Assert.Equal(expected, IntakeFixture.Resolve(description, ("cluster-name", "x"), ("cluster-type", "replicated")).Request?.Environment);

    [Theory]
    [InlineData("в Кубернетесе", CloudProvider.Kubernetes)]
    [InlineData("на своих серверах", CloudProvider.OnPremises)]
    [InlineData("в собственном ЦОД", CloudProvider.OnPremises)]
    [InlineData("он-прем", CloudProvider.OnPremises)]
    public void Cloud_phrases(string description, CloudProvider expected) =>
        Assert.Equal(expected, IntakeFixture.Resolve(description, IntakeFixture.Required()).Request!.CloudProvider);

    [Theory]
    [InlineData("автоматическое переключение", HaStrategy.ActiveFailover)]
    [InlineData("автоматический failover", HaStrategy.ActiveFailover)]
    [InlineData("выборы лидера", HaStrategy.ActiveFailover)]
    [InlineData("ручное переключение", HaStrategy.PassiveFailover)]
    [InlineData("мастер переключаем вручную", HaStrategy.PassiveFailover)]
    [InlineData("распределённая отказоустойчивость", HaStrategy.DistributedHa)]
    [InlineData("должен переживать потерю региона", HaStrategy.DistributedHa)]
    public void Ha_phrases(string description, HaStrategy expected) =>
        Assert.Equal(expected, IntakeFixture.Resolve(description, IntakeFixture.Required(("cluster-type", "multi-region"))).Request!.HaStrategy);

    [Theory]
    [InlineData("хранить бэкапы 60 дней", 60)]
    [InlineData("хранение резервных копий 30 дней", 30)]
    [InlineData("бэкапы храним 2 недели", 14)]
    [InlineData("храним бэкапы три месяца", 90)]
    [InlineData("срок хранения: 10 дней", 10)]
    public void Retention_phrases(string description, int days) =>
        Assert.Equal(days, IntakeFixture.Resolve(description, IntakeFixture.Required()).Request!.BackupRetentionDays);

    [Theory]
    [InlineData("4 шарда", 4)]
    [InlineData("8 шардов", 8)]
    [InlineData("на 6 шардов", 6)]
    [InlineData("пять шардов", 5)]
    [InlineData("на три шарда", 3)]
    public void Shard_count_phrases(string description, int count)
    {
        var result = IntakeFixture.Resolve(description, ("cluster-name", "x"), ("environment", "production"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(count, result.Request!.ShardCount);
        Assert.True(result.Request.EnableSharding);
        Assert.Equal(ClusterType.Sharded, result.Request.ClusterType);
    }

    [Theory]
    [InlineData("мультимастер", ReplicationMode.MasterMaster)]
    [InlineData("мастер-мастер", ReplicationMode.MasterMaster)]
    [InlineData("мастер-реплика", ReplicationMode.MasterSlave)]
    public void Replication_mode_phrases(string description, ReplicationMode expected) =>
        Assert.Equal(expected, IntakeFixture.Resolve(description, IntakeFixture.Required()).Request!.ReplicationMode);

    [Theory]
    [InlineData("кластер с именем orders", "orders")]
    [InlineData("название кластера: orders-ru", "orders-ru")]
    [InlineData("имя кластера — payments2", "payments2")]
    [InlineData("нужен кластер billing на AWS", "billing")]
    public void Cluster_name_phrases(string description, string name)
    {
        var result = IntakeFixture.Resolve(description, ("cluster-type", "replicated"), ("environment", "production"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(name, result.Request!.ClusterName);
        Assert.Equal(ValueSource.Text, result.Sources["clusterName"]);
    }

    [Theory]
    [InlineData("Нужен кластер Tarantool на 2 ТБ")]
    [InlineData("кластер на Kubernetes")]
    [InlineData("имя кластера должно быть коротким")]
    [InlineData("кластер production")]
    [InlineData("кластер для заказов")]
    public void Words_after_kluster_that_are_not_names_are_not_taken(string description)
    {
        var result = IntakeFixture.Resolve(description, ("cluster-type", "replicated"), ("environment", "production"));

        Assert.Null(result.Request);
        Assert.Equal(["--cluster-name is required"], result.Errors.Select(e => e.Split(':')[0]));
    }
}
