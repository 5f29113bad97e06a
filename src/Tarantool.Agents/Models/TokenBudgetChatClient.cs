using Microsoft.Extensions.AI;

namespace Tarantool.Agents.Models;

/// <summary>Stops a run cleanly once it has spent its token budget: no further model call is made.</summary>
public sealed class TokenBudgetChatClient(IChatClient innerClient, UsageLedger ledger, long budget) : DelegatingChatClient(innerClient)
{
    public override Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (ledger.TotalTokens >= budget) throw new TokenBudgetExceededException(budget, ledger.TotalTokens);
        return base.GetResponseAsync(messages, options, cancellationToken);
    }
}
