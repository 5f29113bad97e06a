namespace Tarantool.Agents.Expert.Documentation;

/// <summary>The runbook of one alert for this cluster: what it means, whether it can fire here, how to diagnose and fix it.</summary>
/// <param name="Relevant">False when the alert cannot fire in this cluster's shape; the runbook then says when it would.</param>
internal sealed record AlertRunbook(
    string Name,
    string Meaning,
    string Signal,
    bool Relevant,
    string Applies,
    IReadOnlyList<string> Diagnosis,
    string? DiagnosisCode,
    IReadOnlyList<string> Fix);
