using System.Net;
using Tarantool.Agents.Models;
using Tarantool.Agents.Tests.Support;

namespace Tarantool.Agents.Tests.Models;

public sealed class ModelProfileResolverTests
{
    private static ModelOptions OpenAI(string model) => new() { Provider = ModelProviders.OpenAI, Model = model, ApiKey = "k" };

    private static ModelOptions Compatible(string model = "qwen") => new() { Provider = ModelProviders.OpenAICompatible, Model = model, Endpoint = "http://vllm:8000/v1" };

    [Theory]
    [InlineData("gpt-4o", 128_000, 16_384, true)]
    [InlineData("gpt-4o-2024-08-06", 128_000, 16_384, true)]
    [InlineData("gpt-4o-mini", 128_000, 16_384, true)]
    [InlineData("gpt-4.1-mini", 1_047_576, 32_768, true)]
    [InlineData("o3-mini", 200_000, 100_000, false)]
    [InlineData("o1-mini", 128_000, 65_536, false)]
    [InlineData("gpt-5", 400_000, 128_000, false)]
    [InlineData("gpt-5-mini-2025-08-07", 400_000, 128_000, false)]
    public void Well_known_hosted_models_get_their_published_limits(string model, int context, int output, bool sampling)
    {
        var profile = ModelProfileResolver.Resolve(OpenAI(model));

        Assert.Equal((context, output, sampling), (profile.ContextWindow, profile.MaxOutputTokens, profile.Sampling));
        Assert.True(profile.StrictSchemas);
        Assert.Equal("context: table, output: table", profile.Source);
    }

    [Fact]
    public void An_unknown_model_gets_conservative_defaults_and_no_strict_schemas_off_openai()
    {
        var profile = ModelProfileResolver.Resolve(Compatible("my-finetune"));

        Assert.Equal(ModelProfileResolver.DefaultContextWindow, profile.ContextWindow);
        Assert.Equal(ModelProfileResolver.DefaultMaxOutputTokens, profile.MaxOutputTokens);
        Assert.False(profile.StrictSchemas);
        Assert.Equal("context: default, output: default", profile.Source);
    }

    [Fact]
    public void Configuration_wins_over_the_table()
    {
        var options = OpenAI("gpt-4o");
        options.ContextWindow = 64_000;
        options.MaxOutputTokens = 4_000;
        options.Sampling = false;
        options.Tools = false;

        var profile = ModelProfileResolver.Resolve(options);

        Assert.Equal((64_000, 4_000, false, false), (profile.ContextWindow, profile.MaxOutputTokens, profile.Sampling, profile.Tools));
        Assert.Equal("context: configuration, output: configuration", profile.Source);
    }

    [Fact]
    public async Task vLLM_reports_its_context_in_max_model_len()
    {
        var handler = StubHttpHandler.Json(HttpStatusCode.OK, """{"object":"list","data":[{"id":"other","max_model_len":4096},{"id":"qwen","object":"model","max_model_len":32768}]}""");

        var profile = await ModelProfileResolver.ResolveAsync(Compatible(), handler);

        Assert.Equal(32_768, profile.ContextWindow);
        Assert.Equal(32_768, profile.MaxOutputTokens);
        Assert.Equal("context: endpoint, output: endpoint", profile.Source);
        Assert.Equal(["GET /v1/models"], handler.Requests);
    }

    [Fact]
    public async Task A_window_the_endpoint_reports_wins_over_the_table_and_bounds_the_answer()
    {
        var handler = StubHttpHandler.Json(HttpStatusCode.OK, """{"data":[{"id":"gpt-4o","max_model_len":8192}]}""");

        var profile = await ModelProfileResolver.ResolveAsync(Compatible("gpt-4o"), handler);

        Assert.Equal(8_192, profile.ContextWindow);
        Assert.Equal(8_192, profile.MaxOutputTokens);
    }

    [Fact]
    public async Task Ollama_reports_the_models_context_length_in_api_show()
    {
        var handler = StubHttpHandler.Json(HttpStatusCode.OK, """{"modelfile":"...","model_info":{"general.architecture":"qwen2","qwen2.context_length":32768}}""");
        var options = new ModelOptions { Provider = ModelProviders.Ollama, Model = "qwen2.5:14b", Endpoint = "http://localhost:11434" };

        var profile = await ModelProfileResolver.ResolveAsync(options, handler);

        Assert.Equal(32_768, profile.ContextWindow);
        Assert.Equal(["POST /api/show"], handler.Requests);
    }

    [Theory]
    [InlineData("<html>502 Bad Gateway</html>", "not JSON")]
    [InlineData("""{"models":[]}""", "not a model list")]
    [InlineData("""{"data":[{"name":"qwen"}]}""", "without a string 'id'")]
    [InlineData("""{"data":[{"id":"qwen","max_model_len":"lots"}]}""", "not a positive number")]
    [InlineData("""{"data":[{"id":"qwen","max_model_len":-1}]}""", "not a positive number")]
    public async Task A_model_list_that_is_garbage_is_refused_with_a_clear_message(string body, string expected)
    {
        var error = await Assert.ThrowsAsync<ModelEndpointException>(() => ModelProfileResolver.ResolveAsync(Compatible(), StubHttpHandler.Json(HttpStatusCode.OK, body)));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task A_configured_maximum_above_the_reported_window_contradicts_the_model()
    {
        var options = Compatible();
        options.MaxOutputTokens = 40_000;

        var error = await Assert.ThrowsAsync<ModelEndpointException>(() =>
            ModelProfileResolver.ResolveAsync(options, StubHttpHandler.Json(HttpStatusCode.OK, """{"data":[{"id":"qwen","max_model_len":32768}]}""")));

        Assert.Contains("larger than the context window", error.Message);
    }

    [Fact]
    public async Task An_endpoint_without_a_model_list_leaves_the_limits_to_the_other_sources()
    {
        var profile = await ModelProfileResolver.ResolveAsync(Compatible("gpt-4o-mini"), StubHttpHandler.Json(HttpStatusCode.NotFound, "{}"));

        Assert.Equal("context: table, output: table", profile.Source);
    }

    [Fact]
    public async Task Ollama_without_the_model_says_how_to_get_it()
    {
        var options = new ModelOptions { Provider = ModelProviders.Ollama, Model = "qwen2.5:14b", Endpoint = "http://localhost:11434" };

        var error = await Assert.ThrowsAsync<ModelEndpointException>(() =>
            ModelProfileResolver.ResolveAsync(options, StubHttpHandler.Json(HttpStatusCode.NotFound, """{"error":"model 'qwen2.5:14b' not found"}""")));

        Assert.Contains("ollama pull qwen2.5:14b", error.Message);
    }
}
