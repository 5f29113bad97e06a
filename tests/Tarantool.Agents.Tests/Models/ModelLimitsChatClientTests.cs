using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Tarantool.Agents.Models;
using Tarantool.Agents.Tests.Support;

namespace Tarantool.Agents.Tests.Models;

public sealed class ModelLimitsChatClientTests
{
    private static readonly ModelProfile Gpt4o = ModelProfileResolver.Resolve(new ModelOptions { Provider = ModelProviders.OpenAI, Model = "gpt-4o", ApiKey = "k" });

    private static (TestChatClient Inner, List<ChatOptions?> Seen) Recording()
    {
        var seen = new List<ChatOptions?>();
        var inner = new TestChatClient
        {
            Respond = (_, options, _) =>
            {
                seen.Add(options);
                return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "{}")));
            },
        };
        return (inner, seen);
    }

    [Fact]
    public async Task An_answer_larger_than_the_model_allows_is_capped_at_its_maximum()
    {
        var (inner, seen) = Recording();
        var client = new ModelLimitsChatClient(inner, Gpt4o, ModelProviders.OpenAI);

        // The docs-architect persona asks for 32,000; gpt-4o answers HTTP 400 above 16,384.
        await client.GetResponseAsync("write the guides", new ChatOptions { MaxOutputTokens = 32_000, Temperature = 0.3f });

        Assert.Equal(16_384, seen.Single()!.MaxOutputTokens);
        Assert.Equal(0.3f, seen.Single()!.Temperature);
    }

    [Fact]
    public async Task The_answer_shrinks_to_what_the_window_leaves_after_the_prompt()
    {
        var (inner, seen) = Recording();
        var profile = new ModelProfile(32_768, 16_000, true, false, true, "test");
        var client = new ModelLimitsChatClient(inner, profile, ModelProviders.OpenAICompatible);
        var prompt = string.Join(' ', Enumerable.Repeat("tarantool replicaset", 4_000));

        await client.GetResponseAsync(prompt, new ChatOptions { MaxOutputTokens = 16_000 });

        var promptTokens = PromptTokens.Count([new ChatMessage(ChatRole.User, prompt)], null);
        var asked = seen.Single()!.MaxOutputTokens!.Value;
        Assert.InRange(asked, ModelProfile.MinimumAnswerTokens, 15_999);
        Assert.True(promptTokens + asked + ModelProfile.MarginFor(promptTokens) <= 32_768);
    }

    [Fact]
    public async Task A_prompt_that_cannot_fit_is_refused_before_it_is_sent_and_is_not_retried()
    {
        var (inner, _) = Recording();
        var options = new ModelOptions { Provider = ModelProviders.OpenAICompatible, Model = "small", Endpoint = "http://x/v1", ContextWindow = 4_096, MaxOutputTokens = 1_024 };
        var client = ChatClientFactory.Wrap(inner, options, new UsageLedger(), NullLoggerFactory.Instance);

        var error = await Assert.ThrowsAsync<RequestTooLargeException>(() => client.GetResponseAsync(string.Join(' ', Enumerable.Repeat("shard", 5_000))));

        Assert.Contains("4096-token context window", error.Message);
        Assert.Equal(0, inner.Calls);
    }

    [Fact]
    public async Task The_schema_and_the_tools_count_as_prompt()
    {
        var schema = AIJsonUtilities.CreateJsonSchema(typeof(Tarantool.Agents.Phases.PhaseAnswer<Tarantool.Agents.Phases.CapacityPlanning.CapacityPlan>));
        var bare = PromptTokens.Count([new ChatMessage(ChatRole.User, "hi")], null);
        var withSchema = PromptTokens.Count([new ChatMessage(ChatRole.User, "hi")], new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "CapacityPlan") });
        var withTools = PromptTokens.Count([new ChatMessage(ChatRole.User, "hi")], new ChatOptions
        {
            Tools = [AIFunctionFactory.Create((int shards) => shards * 2, "double_shards", "Doubles the shard count.")],
        });

        Assert.True(withSchema > bare + 500, $"{withSchema} vs {bare}");
        Assert.True(withTools > bare + 10, $"{withTools} vs {bare}");
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Reasoning_models_get_no_sampling_settings()
    {
        var (inner, seen) = Recording();
        var o3 = ModelProfileResolver.Resolve(new ModelOptions { Provider = ModelProviders.OpenAI, Model = "o3", ApiKey = "k" });
        var client = new ModelLimitsChatClient(inner, o3, ModelProviders.OpenAI);

        await client.GetResponseAsync("hi", new ChatOptions { Temperature = 0.2f, TopP = 0.9f });

        Assert.Null(seen.Single()!.Temperature);
        Assert.Null(seen.Single()!.TopP);
    }

    [Fact]
    public async Task Ollama_gets_a_num_ctx_that_holds_prompt_and_answer()
    {
        var (inner, seen) = Recording();
        var profile = new ModelProfile(32_768, 8_192, true, false, true, "test");
        var client = new ModelLimitsChatClient(inner, profile, ModelProviders.Ollama);
        var prompt = string.Join(' ', Enumerable.Repeat("vshard bucket", 3_000));

        await client.GetResponseAsync(prompt, new ChatOptions { MaxOutputTokens = 16_000 });

        var numCtx = Assert.IsType<int>(seen.Single()!.AdditionalProperties![ModelLimitsChatClient.NumCtxKey]);
        var promptTokens = PromptTokens.Count([new ChatMessage(ChatRole.User, prompt)], null);
        Assert.InRange(numCtx, promptTokens + 8_192, 32_768);
        Assert.Equal(0, numCtx % 2_048);
    }

    [Fact]
    public async Task Strict_structured_outputs_are_asked_for_where_the_profile_says_so()
    {
        var (inner, seen) = Recording();
        var client = new ModelLimitsChatClient(inner, Gpt4o, ModelProviders.OpenAI);
        var format = ChatResponseFormat.ForJsonSchema(AIJsonUtilities.CreateJsonSchema(typeof(int[])), "numbers");

        await client.GetResponseAsync("hi", new ChatOptions { ResponseFormat = format });
        await client.GetResponseAsync("hi", new ChatOptions());

        Assert.Equal(true, seen[0]!.AdditionalProperties![ModelLimitsChatClient.StrictKey]);
        Assert.Null(seen[1]!.AdditionalProperties);
    }

    [Fact]
    public async Task A_provider_that_reports_no_usage_is_charged_what_was_sent()
    {
        var (inner, _) = Recording();
        var ledger = new UsageLedger();
        var options = new ModelOptions { Provider = ModelProviders.OpenAICompatible, Model = "m", Endpoint = "http://x/v1" };
        var client = ChatClientFactory.Wrap(inner, options, ledger, NullLoggerFactory.Instance);
        var format = ChatResponseFormat.ForJsonSchema(AIJsonUtilities.CreateJsonSchema(typeof(Tarantool.Agents.Phases.PhaseAnswer<Tarantool.Agents.Phases.CapacityPlanning.CapacityPlan>)), "CapacityPlan");

        using (PhaseScope.Enter("capacity-planning"))
            await client.GetResponseAsync("hi", new ChatOptions { ResponseFormat = format });

        var usage = ledger.For("capacity-planning");
        Assert.Equal(PromptTokens.Count([new ChatMessage(ChatRole.User, "hi")], new ChatOptions { ResponseFormat = format }), usage.InputTokens);
        Assert.Equal(1, usage.OutputTokens);
    }

    [Fact]
    public void A_request_larger_than_the_per_minute_allowance_is_not_transient()
    {
        var tooLarge = new ClientResultException("Request too large for gpt-4o on tokens per min (TPM): Limit 30000, Requested 45000.", new StubResponse(429));
        var busy = new ClientResultException("Rate limit reached", new StubResponse(429));

        Assert.False(TransientFaults.IsTransient(tooLarge, CancellationToken.None));
        Assert.True(TransientFaults.IsTransient(busy, CancellationToken.None));
        Assert.False(TransientFaults.IsTransient(new RequestTooLargeException("x"), CancellationToken.None));
    }

    private sealed class StubResponse(int status) : PipelineResponse
    {
        public override int Status => status;
        public override string ReasonPhrase => "";
        public override Stream? ContentStream { get; set; }
        public override BinaryData Content => BinaryData.FromString("");
        protected override PipelineResponseHeaders HeadersCore => throw new NotSupportedException();
        public override BinaryData BufferContent(CancellationToken cancellationToken = default) => Content;
        public override ValueTask<BinaryData> BufferContentAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Content);
        public override void Dispose()
        {
        }
    }
}
