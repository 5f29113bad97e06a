namespace Tarantool.Agents.Server.Mcp;

/// <summary>Sizes an MCP client may send or read; anything larger is a mistake (or an attack), not a request.</summary>
internal static class McpLimits
{
    /// <summary>A config.yaml given to <c>validate_config</c>; a real cluster config is a few kilobytes.</summary>
    public const int MaxConfigBytes = 1024 * 1024;

    /// <summary>A single string argument other than the description and the config (names, enum values, durations).</summary>
    public const int MaxValueChars = 256;

    /// <summary>The largest bundle file a resource read returns; bundle files are text of at most a few hundred KiB.</summary>
    public const long MaxResourceBytes = 8 * 1024 * 1024;
}
