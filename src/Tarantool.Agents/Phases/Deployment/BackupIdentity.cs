using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.Deployment;

/// <summary>
/// How the Kubernetes backup Jobs reach the backup storage: their own service account, bound to the cloud's workload
/// identity (no stored key, nothing in the database pods), with the bucket permissions the scripts need — put and
/// read backups and WAL, list them, delete those past retention. The values only the user knows are named inputs
/// (<see cref="Inputs"/>): placeholders in capitals in the manifest, replaced as setup.md says, and deploy.sh refuses to
/// apply the manifest while one remains (<see cref="ManifestPlaceholders"/>).
/// </summary>
/// <param name="Mechanism">The identity binding's name (GKE Workload Identity, EKS IRSA, AKS Workload Identity, a Secret, a share).</param>
/// <param name="MechanismRu">The same in Russian.</param>
/// <param name="Annotations">ServiceAccount annotations that bind it to the cloud identity.</param>
/// <param name="PodLabels">Pod labels the cloud's webhook needs (AKS).</param>
/// <param name="Permissions">The permissions on the bucket/container, in English and Russian.</param>
/// <param name="SetupCommands">The commands that create the binding and grant the permissions.</param>
/// <param name="LoginCommand">A shell command the Job runs before the script (az needs a login from the federated token); empty otherwise.</param>
/// <param name="CredentialsSecret">A Secret whose keys become the Job's environment (S3-compatible storage without a cloud identity); empty otherwise.</param>
/// <param name="Inputs">The placeholders of the manifest and the setup commands: what each stands for (English, Russian) and how to look it up.</param>
public sealed record BackupIdentity(
    string Mechanism,
    string MechanismRu,
    IReadOnlyList<(string Key, string Value)> Annotations,
    IReadOnlyList<(string Key, string Value)> PodLabels,
    string Permissions,
    string PermissionsRu,
    IReadOnlyList<string> SetupCommands,
    string LoginCommand,
    string CredentialsSecret,
    IReadOnlyList<BackupIdentityInput> Inputs)
{
    /// <summary>Every placeholder a backup manifest can hold outside comments; deploy.sh refuses to apply it while one
    /// remains, so no Job runs under an identity that does not exist.</summary>
    public static readonly IReadOnlyList<string> ManifestPlaceholders = ["ACCOUNT_ID", "PROJECT_ID", "CLIENT_ID"];

    /// <summary>The backup Jobs' service account.</summary>
    public static string ServiceAccount(string ns) => $"{ns}-backup";

    /// <summary>The ReadWriteMany claim the Jobs mount for an NFS backup share.</summary>
    public static string ShareClaim(string ns) => $"{ns}-backup-share";

    public static BackupIdentity For(ClusterRequest request, string ns, string storageKind, string storageUri)
    {
        var sa = ServiceAccount(ns);
        var subject = $"system:serviceaccount:{ns}:{sa}";
        var bucket = BucketOf(storageUri);
        return (request.CloudProvider, storageKind) switch
        {
            (CloudProvider.Aws, StorageKinds.S3) => new(
                "EKS IAM roles for service accounts (IRSA; EKS Pod Identity works the same with an association instead of the annotation)",
                "роли IAM для сервисных аккаунтов EKS (IRSA; EKS Pod Identity работает так же, с привязкой вместо аннотации)",
                [("eks.amazonaws.com/role-arn", $"arn:aws:iam::ACCOUNT_ID:role/{sa}")], [],
                $"an IAM role `{sa}` trusted by the cluster's OIDC provider for `{subject}`, with s3:ListBucket on `arn:aws:s3:::{bucket}` and s3:GetObject, s3:PutObject, s3:DeleteObject on `arn:aws:s3:::{bucket}/*`",
                $"роль IAM `{sa}`, которой доверяет OIDC-провайдер кластера для `{subject}`, с s3:ListBucket на `arn:aws:s3:::{bucket}` и s3:GetObject, s3:PutObject, s3:DeleteObject на `arn:aws:s3:::{bucket}/*`",
                [
                    $"eksctl create iamserviceaccount --cluster EKS_CLUSTER --namespace {ns} --name {sa} --role-name {sa} --role-only --attach-policy-arn arn:aws:iam::ACCOUNT_ID:policy/{sa}-s3 --approve",
                ], "", "",
                [
                    new("ACCOUNT_ID", "the AWS account id (12 digits)", "идентификатор аккаунта AWS (12 цифр)", "aws sts get-caller-identity --query Account --output text", InManifest: true),
                    new("EKS_CLUSTER", "the EKS cluster's name", "имя кластера EKS", "aws eks list-clusters --query 'clusters' --output text", InManifest: false),
                ]),
            (CloudProvider.Gcp, StorageKinds.Gcs) => new(
                "GKE Workload Identity",
                "GKE Workload Identity",
                [("iam.gke.io/gcp-service-account", $"{sa}@PROJECT_ID.iam.gserviceaccount.com")], [],
                $"a Google service account `{sa}@PROJECT_ID.iam.gserviceaccount.com` with roles/iam.workloadIdentityUser for `PROJECT_ID.svc.id.goog[{ns}/{sa}]` and roles/storage.objectAdmin on `gs://{bucket}` (node pools with the GKE metadata server)",
                $"сервисный аккаунт Google `{sa}@PROJECT_ID.iam.gserviceaccount.com` с ролью roles/iam.workloadIdentityUser для `PROJECT_ID.svc.id.goog[{ns}/{sa}]` и ролью roles/storage.objectAdmin на `gs://{bucket}` (пулы узлов с метаданными GKE)",
                [
                    $"GSA={sa}@PROJECT_ID.iam.gserviceaccount.com",
                    $"gcloud iam service-accounts create {sa} --project PROJECT_ID",
                    $"gcloud storage buckets add-iam-policy-binding gs://{bucket} --member \"serviceAccount:${{GSA}}\" --role roles/storage.objectAdmin",
                    $"gcloud iam service-accounts add-iam-policy-binding \"${{GSA}}\" --role roles/iam.workloadIdentityUser --member \"serviceAccount:PROJECT_ID.svc.id.goog[{ns}/{sa}]\"",
                ], "", "",
                [
                    new("PROJECT_ID", "the Google Cloud project id of the GKE cluster", "идентификатор проекта Google Cloud, в котором кластер GKE", "gcloud config get-value project", InManifest: true),
                ]),
            (CloudProvider.Azure, StorageKinds.AzureBlob) => new(
                "AKS Workload Identity",
                "AKS Workload Identity",
                [("azure.workload.identity/client-id", "CLIENT_ID")], [("azure.workload.identity/use", "true")],
                $"a user-assigned managed identity (client id CLIENT_ID) with a federated credential for `{subject}` from the cluster's OIDC issuer, and the Storage Blob Data Contributor role on the container `{bucket}`",
                $"управляемое удостоверение, назначаемое пользователем (client id CLIENT_ID), с федеративными учётными данными для `{subject}` от OIDC-издателя кластера и ролью Storage Blob Data Contributor на контейнере `{bucket}`",
                [
                    $"az identity create --name {sa} --resource-group RESOURCE_GROUP",
                    $"az identity federated-credential create --name {sa} --identity-name {sa} --resource-group RESOURCE_GROUP --issuer \"$(az aks show --name AKS_CLUSTER --resource-group RESOURCE_GROUP --query oidcIssuerProfile.issuerUrl -o tsv)\" --subject {subject} --audiences api://AzureADTokenExchange",
                    $"az role assignment create --role \"Storage Blob Data Contributor\" --assignee CLIENT_ID --scope \"$(az storage account show --name STORAGE_ACCOUNT --query id -o tsv)/blobServices/default/containers/{bucket}\"",
                ],
                "az login --service-principal --username \"$AZURE_CLIENT_ID\" --tenant \"$AZURE_TENANT_ID\" --federated-token \"$(cat \"$AZURE_FEDERATED_TOKEN_FILE\")\" --output none", "",
                [
                    new("CLIENT_ID", $"the client id of the managed identity `{sa}`", $"client id управляемого удостоверения `{sa}`", $"az identity show --name {sa} --resource-group RESOURCE_GROUP --query clientId -o tsv", InManifest: true),
                    new("RESOURCE_GROUP", "the resource group of the AKS cluster", "группа ресурсов кластера AKS", "az aks list --query '[].resourceGroup' -o tsv", InManifest: false),
                    new("AKS_CLUSTER", "the AKS cluster's name", "имя кластера AKS", "az aks list --query '[].name' -o tsv", InManifest: false),
                    new("STORAGE_ACCOUNT", "the storage account holding the backup container", "аккаунт хранения с контейнером бэкапов", "az storage account list --query '[].name' -o tsv", InManifest: false),
                ]),
            (_, StorageKinds.Nfs) => new(
                "an NFS share bound to a ReadWriteMany claim",
                "общий ресурс NFS, привязанный к заявке ReadWriteMany",
                [], [],
                $"the claim `{ShareClaim(ns)}` bound to a PersistentVolume of the NFS export, writable by uid/gid 1000",
                $"заявка `{ShareClaim(ns)}`, привязанная к PersistentVolume экспорта NFS, с правом записи для uid/gid 1000",
                [$"kubectl -n {ns} get pvc {ShareClaim(ns)}   # Bound to your NFS PersistentVolume"], "", "", []),
            _ => new(
                "a Secret with the S3 keys (no cloud workload identity on this platform)",
                "секрет с ключами S3 (облачной учётной записи для нагрузок на этой платформе нет)",
                [], [],
                $"an access key limited to s3:ListBucket on `{bucket}` and s3:GetObject, s3:PutObject, s3:DeleteObject on its objects, in the Secret `{sa}-storage` (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, and S3_ENDPOINT_URL for an S3-compatible store)",
                $"ключ доступа, ограниченный s3:ListBucket на `{bucket}` и s3:GetObject, s3:PutObject, s3:DeleteObject на его объектах, в секрете `{sa}-storage` (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY и S3_ENDPOINT_URL для S3-совместимого хранилища)",
                [$"kubectl -n {ns} create secret generic {sa}-storage --from-env-file=./backup-storage.env   # a file kept out of git with the three variables"], "", $"{sa}-storage", []),
        };
    }

    /// <summary>The bucket (or Azure container, or NFS path) a storage URI names.</summary>
    private static string BucketOf(string uri)
    {
        if (uri.StartsWith("https://", StringComparison.Ordinal))
        {
            var path = uri["https://".Length..];
            var slash = path.IndexOf('/');
            return slash < 0 ? path : path[(slash + 1)..].Split('/')[0];
        }
        var scheme = uri.IndexOf("://", StringComparison.Ordinal);
        var rest = scheme < 0 ? uri : uri[(scheme + 3)..];
        return rest.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? rest;
    }
}
