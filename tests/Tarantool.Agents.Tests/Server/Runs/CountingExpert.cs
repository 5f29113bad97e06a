using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Tarantool.Agents.Expert;

namespace Tarantool.Agents.Tests.Server.Runs;

/// <summary>
/// The embedded expert behind a counter of calls per phase key (and an optional delay per call, so that a run is
/// still under way when a test stops or cancels it).
/// </summary>
internal static partial class CountingExpert
{
    public static (TestChatClient Client, ConcurrentDictionary<string, int> Calls) Create(TimeSpan delay = default)
    {
        var expert = new TarantoolExpertChatClient();
        var calls = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var client = new TestChatClient
        {
            Respond = async (messages, options, cancellationToken) =>
            {
                calls.AddOrUpdate(PhaseOf(messages), 1, (_, n) => n + 1);
                if (delay > TimeSpan.Zero) await Task.Delay(delay, cancellationToken);
                return await expert.GetResponseAsync(messages, options, cancellationToken);
            },
        };
        return (client, calls);
    }

    /// <summary>
    /// The phase a call is for: the key in the prompt's phase marker; a part of a phase asked in parts counts as
    /// <c>key/part</c>, so the phase's own key counts its frame call only.
    /// </summary>
    public static string PhaseOf(IEnumerable<ChatMessage> messages) =>
        messages.Select(m => Marker().Match(m.Text)).FirstOrDefault(m => m.Success) is { } match
            ? match.Groups[2].Success ? $"{match.Groups[1].Value}/{match.Groups[2].Value}" : match.Groups[1].Value
            : "?";

    [GeneratedRegex("<phase\\b[^>]*\\bkey=\"([a-z-]+)\"(?:[^>]*\\bpart=\"([a-z-]+)\")?")]
    private static partial Regex Marker();
}
