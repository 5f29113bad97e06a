namespace Tarantool.Agents.Bundle.Summary;

/// <summary>How <see cref="BundleSummaryText"/> writes a summary.</summary>
internal enum BundleSummaryFormat
{
    /// <summary>Plain text: MCP tool results and the terminal.</summary>
    PlainText,

    /// <summary>Markdown: chat replies, which chat clients render.</summary>
    Markdown,
}
