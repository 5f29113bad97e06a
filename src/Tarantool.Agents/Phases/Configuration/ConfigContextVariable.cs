using System.ComponentModel;

namespace Tarantool.Agents.Phases.Configuration;

public sealed record ConfigContextVariable(
    [property: Description("The config.context name, e.g. replicator_password.")] string Name,
    [property: Description("env or file."), OneOf(typeof(ClusterConfigurationValidator), nameof(ClusterConfigurationValidator.ContextSources))] string From,
    [property: Description("The environment variable (e.g. TT_REPLICATOR_PASSWORD) or the file path.")] string Source);
