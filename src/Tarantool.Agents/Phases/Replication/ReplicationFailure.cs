using System.ComponentModel;

namespace Tarantool.Agents.Phases.Replication;

public sealed record ReplicationFailure(
    [property: Description("Stable key: upstream-stopped, lag-high, missing-xlog, replication-conflict, no-leader...")] string Key,
    [property: Description("What the operator sees (error text, box.info.replication fields).")] string Symptom,
    [property: Description("How it is detected (alert, command) and with which threshold.")] string Detection,
    [property: Description("Ordered steps with real commands.")] IReadOnlyList<string> Remedy,
    [property: Description("What can go wrong with the remedy.")] string Caveat);
