using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>The workload figures found in a description, and the request field names of those found.</summary>
internal sealed record WorkloadReading(Workload Workload, IReadOnlyList<string> FoundFields);
