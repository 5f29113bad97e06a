using System.ComponentModel;

namespace Tarantool.Agents.Phases.Documentation;

/// <summary>A <c>## </c> section of a guide document.</summary>
public sealed record GuideSection(
    [property: Description("The heading text without the leading ## , in the request's language.")] string Heading,
    [property: Description("The section body in Markdown (may contain ### subsections and fenced code blocks with real tt/Tarantool commands for the targeted version). Never a password: reference environment variables or files.")] string Markdown);
