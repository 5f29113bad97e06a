namespace Tarantool.Agents.Intake.Phrases;

/// <summary>What the prose of a description says: seed parameters and workload figures.</summary>
internal sealed record DescriptionReading(RequestDraft Parameters, WorkloadReading Workload);
