using System.ComponentModel;

namespace Tarantool.Agents.Phases.Configuration;

public sealed record MetricsExport(
    [property: Description("How metrics are exported: roles.metrics-export (3.1+, metrics-export-role rock), app.roles.metrics (3.0: a bundled app role over the built-in metrics module and http.server), init-lua (2.11 box.cfg script) or cartridge.roles.metrics (Cartridge)."), OneOf(typeof(MetricsMethods), nameof(MetricsMethods.All))] string Method,
    [property: Description("HTTP path of the Prometheus endpoint, e.g. /metrics.")] string Path,
    [property: Description("Exposition format: prometheus."), OneOf(typeof(ClusterConfigurationValidator), nameof(ClusterConfigurationValidator.MetricsFormats))] string Format,
    [property: Description("Where each instance's port comes from: topology.metricsPort.")] string PortSource);
