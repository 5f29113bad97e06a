using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Intake;

/// <summary>The lines a run prints about its intake before it starts: the deployment form and why, and the warnings.</summary>
public static class IntakeSummary
{
    /// <summary>
    /// "Deployment: kubernetes — not stated; the default for cloud aws is its managed Kubernetes (EKS). Pass
    /// --deployment vm for virtual machines." The form changes every file of the bundle, so a defaulted one is
    /// always said, with the flag that changes it. Null when the request could not be built.
    /// </summary>
    public static string? DeploymentLine(IntakeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Request is not { } request)
            return null;
        var form = SeedSpellings.Spell(request.Deployment);
        var other = request.Deployment == DeploymentForm.Kubernetes ? "--deployment vm for virtual machines" : "--deployment kubernetes to run in Kubernetes";
        if (!result.Sources.TryGetValue(RequestFields.JsonName(RequestField.Deployment), out var source) || source != ValueSource.Default)
            return $"Deployment: {form} ({source switch { ValueSource.Flag => "from the command line", ValueSource.Model => "from the model's reading of the description", _ => "from the description" }}).";

        var cloud = SeedSpellings.Spell(request.CloudProvider);
        var why = request.CloudProvider switch
        {
            CloudProvider.Aws => "the default for cloud aws is its managed Kubernetes (EKS)",
            CloudProvider.Azure => "the default for cloud azure is its managed Kubernetes (AKS)",
            CloudProvider.Gcp => "the default for cloud gcp is its managed Kubernetes (GKE)",
            CloudProvider.Kubernetes => "the default for cloud kubernetes",
            _ => $"the default for {cloud} hosts",
        };
        return $"Deployment: {form} — not stated; {why}. Pass {other}.";
    }

    /// <summary>Each intake warning as one labelled line.</summary>
    public static IEnumerable<string> WarningLines(IntakeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        // An endpoint that could not be used at all ends the run with one error line of its own; the intake warning
        // saying the same stays in bundle.json.
        return result.Warnings
            .Where(w => result.ModelEndpointFailure is null || !result.ModelWarnings.Contains(w))
            .Select(w => "Intake warning: " + w);
    }
}
