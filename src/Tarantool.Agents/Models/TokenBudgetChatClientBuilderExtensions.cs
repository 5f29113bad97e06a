using Microsoft.Extensions.AI;

namespace Tarantool.Agents.Models;

public static class TokenBudgetChatClientBuilderExtensions
{
    /// <summary>Refuses model calls once <paramref name="ledger"/> shows <paramref name="budget"/> tokens spent.</summary>
    public static ChatClientBuilder UseTokenBudget(this ChatClientBuilder builder, UsageLedger ledger, long budget) =>
        builder.Use(inner => new TokenBudgetChatClient(inner, ledger, budget));
}
