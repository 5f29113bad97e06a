using System.ComponentModel;

namespace Tarantool.Agents.Phases.Configuration;

public sealed record ConfigDecision(
    [property: Description("What the decision is about, e.g. wal.mode, metrics.")] string Topic,
    [property: Description("The value or approach chosen.")] string Choice,
    [property: Description("Why, in terms of the request and the input plans.")] string Reason);
