namespace Tarantool.Agents.Phases.Configuration;

/// <param name="Method">How metrics are exported: <c>roles.metrics-export</c> (3.1+, metrics-export-role rock),
/// <c>app.roles.metrics</c> (3.0: a bundled app role over the built-in metrics module and http.server),
/// <c>init-lua</c> (2.11 box.cfg script) or <c>cartridge.roles.metrics</c> (Cartridge).</param>
/// <param name="Path">HTTP path of the Prometheus endpoint, e.g. <c>/metrics</c>.</param>
/// <param name="Format">Exposition format: <c>prometheus</c>.</param>
/// <param name="PortSource">Where each instance's port comes from: <c>topology.metricsPort</c>.</param>
public sealed record MetricsExport(string Method, string Path, string Format, string PortSource);
