namespace Tarantool.Agents.Server.Mcp;

/// <summary>
/// A tool argument that cannot be used as given. The message names the argument (in the tool's camelCase spelling)
/// and says what is allowed; it becomes a tool result with <c>isError: true</c>, never a protocol error or a crash.
/// </summary>
internal sealed class ToolArgumentException(string field, string message) : Exception(message)
{
    /// <summary>The argument at fault, as the client spelled it (or as the schema names it when it is missing).</summary>
    public string Field { get; } = field;
}
