namespace Tarantool.Agents.Phases.Documentation;

/// <summary>A <c>## </c> section of a guide document.</summary>
/// <param name="Heading">The heading text without the leading <c>## </c>, in the request's language.</param>
/// <param name="Markdown">The section body in Markdown (may contain <c>### </c> subsections and fenced code blocks with
/// real tt/Tarantool commands for the targeted version). Never a password: reference environment variables or files.</param>
public sealed record GuideSection(string Heading, string Markdown);
