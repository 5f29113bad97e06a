using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Tarantool.Agents.Models;

/// <summary>Records every model call's token usage against the phase in <see cref="PhaseScope"/>.</summary>
public sealed class UsageAccountingChatClient(IChatClient innerClient, UsageLedger ledger) : DelegatingChatClient(innerClient)
{
    private readonly UsageLedger _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));

    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        _ledger.Record(PhaseScope.Current ?? "(none)", response.Usage);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        UsageDetails? usage = null;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            foreach (var content in update.Contents.OfType<UsageContent>())
            {
                usage ??= new UsageDetails();
                usage.Add(content.Details);
            }

            yield return update;
        }

        _ledger.Record(PhaseScope.Current ?? "(none)", usage);
    }
}
