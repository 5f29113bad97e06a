namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>One promtool unit test: input series (selector → values), when to evaluate and the alerts expected.</summary>
/// <param name="Series">Series selectors with promtool value notation (e.g. <c>0+0x30</c>).</param>
/// <param name="Expected">Label sets of the expected alerts (without alertname and severity).</param>
/// <param name="IntervalMinutes">Minutes between input samples: long windows use a coarser step so a range query over
/// a day of samples stays cheap for promtool.</param>
public sealed record AlertTestCase(AlertRule Rule, IReadOnlyList<(string Series, string Values)> Series, int EvalMinutes, IReadOnlyList<IReadOnlyList<(string Name, string Value)>> Expected, int IntervalMinutes = 1);
