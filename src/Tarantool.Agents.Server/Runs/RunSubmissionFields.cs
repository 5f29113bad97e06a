using Tarantool.Agents.Intake;

namespace Tarantool.Agents.Server.Runs;

/// <summary>The keys a run submission has beside the request parameters.</summary>
internal static class RunSubmissionFields
{
    public const string ReuseFrom = "reuse-from";

    public static readonly string[] Extra = [RequestParameters.Description, RequestParameters.Language, ReuseFrom];
}
