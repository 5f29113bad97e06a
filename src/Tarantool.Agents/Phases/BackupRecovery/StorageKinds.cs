using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.BackupRecovery;

/// <summary>Off-host backup targets, which clouds they fit and the URI form each takes.</summary>
public static class StorageKinds
{
    public const string S3 = "s3";
    public const string AzureBlob = "azure-blob";
    public const string Gcs = "gcs";
    public const string Nfs = "nfs";

    /// <summary>Every kind; <see cref="AllowedFor"/> says which fit a cloud.</summary>
    public static readonly IReadOnlyList<string> All = [S3, AzureBlob, Gcs, Nfs];

    /// <summary>
    /// Kinds that fit a cloud: its own object storage; on premises a mounted NFS share or an S3-compatible store
    /// (MinIO, Ceph RGW); on plain Kubernetes an S3-compatible object store, since pods have no shared host mount.
    /// </summary>
    public static IReadOnlyList<string> AllowedFor(CloudProvider cloud) => cloud switch
    {
        CloudProvider.Aws => [S3],
        CloudProvider.Azure => [AzureBlob],
        CloudProvider.Gcp => [Gcs],
        CloudProvider.Kubernetes => [S3],
        _ => [Nfs, S3],
    };

    /// <summary>Whether a URI has the form its kind needs.</summary>
    public static bool UriFits(string kind, string uri) => kind switch
    {
        S3 => uri.StartsWith("s3://", StringComparison.Ordinal),
        Gcs => uri.StartsWith("gs://", StringComparison.Ordinal),
        AzureBlob => uri.StartsWith("https://", StringComparison.Ordinal) && uri.Contains(".blob.core.windows.net/", StringComparison.Ordinal),
        Nfs => uri.StartsWith("file:///", StringComparison.Ordinal),
        _ => false,
    };

    public static string ExampleUri(string kind) => kind switch
    {
        S3 => "s3://bucket/prefix/{instance}/",
        Gcs => "gs://bucket/prefix/{instance}/",
        AzureBlob => "https://account.blob.core.windows.net/container/prefix/{instance}/",
        _ => "file:///mnt/tarantool-backups/cluster/{instance}/",
    };
}
