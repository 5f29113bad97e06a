using Microsoft.Extensions.AI;

namespace Tarantool.Agents.Models;

public static class UsageAccountingChatClientBuilderExtensions
{
    /// <summary>Adds per-phase usage accounting into <paramref name="ledger"/>.</summary>
    public static ChatClientBuilder UseUsageAccounting(this ChatClientBuilder builder, UsageLedger ledger) =>
        builder.Use(inner => new UsageAccountingChatClient(inner, ledger));
}
