namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// What the prose of a description says: seed parameters, workload figures, the words refusing Kubernetes (if
/// any, for the contradiction check against flags) and warnings about what could not be placed.
/// </summary>
internal sealed record DescriptionReading(
    RequestDraft Parameters, WorkloadReading Workload, string? KubernetesRefused, IReadOnlyList<string> Warnings);
