namespace Tarantool.Agents.Languages;

/// <summary>
/// Latin-script words that Russian-speaking engineers write untranslated. They say nothing about the language
/// of the prose around them, so language detection skips them.
/// </summary>
internal static class TechnicalTerms
{
    private static readonly HashSet<string> Terms = new(StringComparer.OrdinalIgnoreCase)
    {
        // Tarantool and its ecosystem.
        "tarantool", "tarantooldb", "tdg", "tcm", "tt", "cartridge", "vshard", "memtx", "vinyl", "wal", "xlog",
        "snapshot", "snapshots", "failover", "switchover", "raft", "replicaset", "replicasets", "replica", "replicas",
        "router", "routers", "storage", "storages", "shard", "shards", "sharding", "sharded", "bucket", "buckets",
        "lua", "luajit", "cfg", "iproto", "crud", "ddl", "mvcc", "etcd", "multimaster", "synchro",
        // Platforms and tooling.
        "kubernetes", "k8s", "helm", "docker", "podman", "ansible", "terraform", "openshift",
        "aws", "azure", "gcp", "eks", "aks", "gke", "ec2", "s3", "minio", "nginx", "haproxy", "systemd",
        "linux", "ubuntu", "debian", "centos", "rhel", "redhat", "prometheus", "grafana", "zabbix",
        "kafka", "postgres", "postgresql", "mysql", "redis", "oracle", "clickhouse", "elasticsearch", "grpc", "http",
        "https", "api", "json", "yaml", "yml", "sql", "nosql", "ssd", "nvme", "hdd", "ram", "cpu", "vcpu",
        // Units and jargon that appear inside Russian sentences as-is.
        "rps", "qps", "tps", "ops", "gb", "tb", "mb", "kb", "gib", "tib", "mib", "ms", "sla", "slo", "rpo", "rto",
        "ha", "dr", "dc", "prod", "dev", "stage", "staging", "devops", "sre", "oltp", "olap", "onprem", "vs",
    };

    public static bool Contains(string word) => Terms.Contains(word);
}
