namespace Tarantool.Agents.Tests.Intake;

/// <summary>Cluster names stated in prose with a word or two between the noun and the marker, or as an instruction.</summary>
public sealed class ClusterNamePhraseTests
{
    [Theory]
    [InlineData("Нужен кластер Tarantool с именем orders для production", "orders")]
    [InlineData("кластер Tarantool DB под названием billing-prod", "billing-prod")]
    [InlineData("кластер для заказов с именем shop", "shop")]
    [InlineData("назови кластер sessions", "sessions")]
    [InlineData("A Tarantool cluster named geo", "geo")]
    [InlineData("cluster named orders.", "orders")]
    [InlineData("name the cluster ledger", "ledger")]
    [InlineData("call the cluster cache-eu", "cache-eu")]
    public void A_stated_name_is_taken(string description, string name)
    {
        var result = IntakeFixture.Resolve(description, ("cluster-type", "replicated"), ("environment", "production"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(name, result.Request!.ClusterName);
    }

    [Theory]
    [InlineData("кластер Tarantool с именем Orders_1")]
    [InlineData("назови кластер «Мой кластер»")]
    public void A_marked_name_that_is_not_allowed_is_refused_with_the_rule(string description)
    {
        var result = IntakeFixture.Resolve(description, ("cluster-type", "replicated"), ("environment", "production"));

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.StartsWith("--cluster-name", StringComparison.Ordinal) && e.Contains("lowercase", StringComparison.Ordinal));
    }
}
