using Tarantool.Agents.Validation;

namespace Tarantool.Agents.Tests.Validation;

public sealed class AnswerParserTests
{
    [Theory]
    [InlineData("{\"output\": {\"a\": 1}, \"narrative\": \"# T\"}")]
    [InlineData("```json\n{\"output\": {\"a\": 1}, \"narrative\": \"# T\"}\n```")]
    [InlineData("Here is the plan you asked for:\n\n{\"output\": {\"a\": 1}, \"narrative\": \"# T\"}\nHope it helps.")]
    [InlineData("Schema: {\"type\": \"object\", \"properties\": {}}\nAnswer: {\"output\": {\"a\": 1}, \"narrative\": \"# T\"}")]
    public void Finds_the_answer_object_wherever_the_model_put_it(string text)
    {
        Assert.True(AnswerParser.TryParse(text, out var answer, out _));
        Assert.Equal(1, answer.GetProperty("output").GetProperty("a").GetInt32());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("I cannot help with that.", "no complete JSON object")]
    [InlineData("{\"output\": {\"a\": 1}, \"narrative\": \"# T", "no complete JSON object")]
    [InlineData("{\"type\": \"object\"}", "no \"output\" property")]
    public void Explains_why_an_answer_cannot_be_read(string text, string expected)
    {
        Assert.False(AnswerParser.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
    }
}
