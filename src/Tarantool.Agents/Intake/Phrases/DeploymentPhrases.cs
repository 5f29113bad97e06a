using System.Text.RegularExpressions;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// How the instances run: "EKS", "GKE", "AKS", "Kubernetes", "k8s" are kubernetes; "EC2", "Compute Engine",
/// "virtual machines", "bare metal", "виртуальные машины" and a refused Kubernetes ("без Kubernetes") are vm.
/// A Kubernetes mention beats a VM one ("EKS on EC2 nodes" is Kubernetes); an explicit refusal beats both.
/// </summary>
internal static partial class DeploymentPhrases
{
    /// <param name="kubernetesRefused">The user's words refusing Kubernetes, already taken out of <paramref name="prose"/>.</param>
    public static Candidate<DeploymentForm>? Read(string prose, string? kubernetesRefused, ProseNotes notes)
    {
        var kubernetes = Kubernetes().Match(prose);
        if (kubernetesRefused is not null)
        {
            if (kubernetes.Success)
                notes.Warn($"The description both refuses Kubernetes ('{kubernetesRefused}') and names it ('{kubernetes.Value}'); " +
                           "intake chose vm. Pass --deployment kubernetes if you mean Kubernetes.");
            return Candidate<DeploymentForm>.Ok(DeploymentForm.Vm);
        }

        if (kubernetes.Success)
            return Candidate<DeploymentForm>.Ok(DeploymentForm.Kubernetes);
        return VirtualMachines().IsMatch(prose) ? Candidate<DeploymentForm>.Ok(DeploymentForm.Vm) : null;
    }

    [GeneratedRegex(@"\b(?:kubernetes|k8s|eks|gke|aks|openshift|кубернетес\w*|кубер(?:е|а|ом)?)\b", Phrase.Options)]
    private static partial Regex Kubernetes();

    [GeneratedRegex(
        @"\bec2\b|\bcompute\s+engine\b|\bgce\b|\bvirtual\s+machines?\b|\bvms?\b|\bbare[\s-]?metal\b|\bphysical\s+(?:servers|hosts|machines)\b" +
        @"|\bвиртуальн\w+\s+машин\w*|\bвиртуалк\w*|\bфизическ\w+\s+сервер\w*|\bжелез(?:е|о)\b",
        Phrase.Options)]
    private static partial Regex VirtualMachines();
}
