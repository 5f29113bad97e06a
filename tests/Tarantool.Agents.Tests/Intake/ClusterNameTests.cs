namespace Tarantool.Agents.Tests.Intake;

public sealed class ClusterNameTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("orders")]
    [InlineData("orders-prod-2")]
    [InlineData("  billing  ")]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890123")]
    public void Lowercase_dns_label_names_are_accepted_and_only_trimmed(string name)
    {
        var result = IntakeFixture.ResolveFlags(IntakeFixture.Required(("cluster-name", name)));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(name.Trim(), result.Request!.ClusterName);
    }

    [Theory]
    [InlineData("Orders")]
    [InlineData("../x")]
    [InlineData("/etc")]
    [InlineData("a b")]
    [InlineData("x;rm")]
    [InlineData("name: y")]
    [InlineData("$(x)")]
    [InlineData("orders-")]
    [InlineData("1orders")]
    [InlineData("-orders")]
    [InlineData("orders_prod")]
    [InlineData("orders.prod")]
    [InlineData("заказы")]
    [InlineData("")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void Anything_else_is_an_error_that_says_the_allowed_form(string name)
    {
        var result = IntakeFixture.ResolveFlags(IntakeFixture.Required(("cluster-name", name)));

        Assert.Null(result.Request);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("--cluster-name:", error);
        Assert.Contains("lowercase Latin letters, digits and '-'", error);
        Assert.Contains("starting with a letter", error);
    }

    [Theory]
    [InlineData("a cluster named orders", "orders")]
    [InlineData("cluster called payments-eu", "payments-eu")]
    [InlineData("cluster name: orders.", "orders")]
    [InlineData("The cluster name is \"billing\"", "billing")]
    [InlineData("cluster name orders", "orders")]
    public void English_name_phrases(string description, string name)
    {
        var result = IntakeFixture.Resolve(description, ("cluster-type", "replicated"), ("environment", "staging"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(name, result.Request!.ClusterName);
    }

    [Theory]
    [InlineData("a cluster named Orders", "'Orders'")]
    [InlineData("cluster name: ../etc", "'../etc'")]
    [InlineData("cluster named \"my cluster\"", "'my cluster'")]
    [InlineData("кластер с именем заказы", "'заказы'")]
    public void A_bad_name_in_the_text_is_reported_not_normalised(string description, string shown)
    {
        var result = IntakeFixture.Resolve(description, ("cluster-type", "replicated"), ("environment", "staging"));

        Assert.Null(result.Request);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("--cluster-name (read from the description):", error);
        Assert.Contains(shown, error);
    }

    [Theory]
    [InlineData("Orders DB for the billing team")]
    [InlineData("the cluster name must be short")]
    [InlineData("a cluster for orders")]
    public void Names_are_not_guessed_from_ordinary_prose(string description)
    {
        var result = IntakeFixture.Resolve(description, ("cluster-type", "replicated"), ("environment", "staging"));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("--cluster-name is required", error);
    }
}
