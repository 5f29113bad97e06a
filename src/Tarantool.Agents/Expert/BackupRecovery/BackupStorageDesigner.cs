using System.Text;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.BackupRecovery;

/// <summary>Picks the off-host target native to the cloud and names it after the cluster and environment.</summary>
public static class BackupStorageDesigner
{
    public static string KindFor(CloudProvider cloud) => StorageKinds.AllowedFor(cloud)[0];

    public static string UriFor(string kind, ClusterRequest request)
    {
        var cluster = Slug(request.ClusterName);
        var environment = request.Environment.ToString().ToLowerInvariant();
        return kind switch
        {
            StorageKinds.S3 => $"s3://{Trim($"{cluster}-{environment}-tarantool-backups", 63)}/{{instance}}/",
            StorageKinds.Gcs => $"gs://{Trim($"{cluster}-{environment}-tarantool-backups", 63)}/{{instance}}/",
            // Storage account names are 3-24 lowercase letters and digits.
            StorageKinds.AzureBlob => $"https://{Trim(cluster.Replace("-", "", StringComparison.Ordinal) + "bkp", 24)}.blob.core.windows.net/tarantool-backups/{environment}/{{instance}}/",
            _ => $"file:///mnt/tarantool-backups/{cluster}/{environment}/{{instance}}/",
        };
    }

    private static string Slug(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
            text.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-');
        var slug = text.ToString().Trim('-');
        return slug.Length == 0 ? "tarantool" : slug;
    }

    private static string Trim(string value, int max) => value.Length <= max ? value : value[..max].TrimEnd('-');
}
