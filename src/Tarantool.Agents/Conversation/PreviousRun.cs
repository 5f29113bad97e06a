using System.Text.RegularExpressions;

namespace Tarantool.Agents.Conversation;

/// <summary>
/// The run an earlier reply reported. Replies link the bundle as <c>/v1/runs/{id}/bundle.zip</c>; that link survives
/// any client (it is plain text in the assistant message the client resends), so it is what a follow-up reads.
/// </summary>
public static partial class PreviousRun
{
    /// <summary>The id in the latest assistant message that links a run's bundle, or null.</summary>
    public static string? Find(IReadOnlyList<ConversationMessage> messages)
    {
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].Role != ConversationRole.Assistant) continue;
            var match = BundleLink().Match(messages[i].Text);
            if (match.Success) return match.Groups["id"].Value;
        }

        return null;
    }

    /// <summary>The link a reply writes for a run's bundle.</summary>
    public static string BundlePath(string runId) => $"/v1/runs/{runId}/bundle.zip";

    [GeneratedRegex(@"/v1/runs/(?<id>[A-Za-z0-9][A-Za-z0-9_.-]{0,127})/bundle\.zip", RegexOptions.CultureInvariant)]
    private static partial Regex BundleLink();
}
