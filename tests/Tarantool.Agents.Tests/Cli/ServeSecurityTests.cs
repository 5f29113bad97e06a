using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Tarantool.Agents.Cli;

namespace Tarantool.Agents.Tests.Cli;

/// <summary>
/// <c>serve</c>'s start-up rules, run as a user runs it: an anonymous API is refused on a non-loopback address unless
/// <c>--allow-anonymous</c>; keys come from the documented environment variable; bad settings exit 2 before binding.
/// </summary>
[Collection(EnvironmentVariables.Collection)]
public sealed partial class ServeSecurityTests
{
    private const string Key = "ta-serve-key-0123456789abcdef";

    [Fact]
    public async Task A_non_loopback_address_without_keys_is_refused_with_exit_2_and_the_way_out()
    {
        using var data = new TempDirectory();
        var result = await CliRunner.RunAsync(["serve", "--urls", "http://0.0.0.0:0", "--data-dir", data.Path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("http://0.0.0.0:0", result.Error);
        Assert.Contains("not a loopback address", result.Error);
        Assert.Contains("TARANTOOL_AGENTS_Server__ApiKeys__0", result.Error);
        Assert.Contains("--allow-anonymous", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.DoesNotContain("Serving", result.Out);
    }

    [Fact]
    public async Task Allow_anonymous_serves_a_non_loopback_address_without_keys()
    {
        await using var serve = await RunningServe.StartAsync(["serve", "--urls", "http://0.0.0.0:0", "--allow-anonymous"]);
        using var http = new HttpClient();
        using var response = await http.GetAsync($"http://127.0.0.1:{serve.Port}/v1/models");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("API keys: none configured", serve.Out);
        // The banner names every endpoint at the address it listens on.
        Assert.Contains($":{serve.Port}/mcp", serve.Out);
        Assert.Contains("'tarantool-agents' (the planner) and 'tarantool-expert'", serve.Out);
        Assert.Equal(0, await serve.StopAsync());
    }

    [Fact]
    public async Task Keys_from_the_environment_variable_protect_a_public_address_and_never_reach_the_output()
    {
        Environment.SetEnvironmentVariable("TARANTOOL_AGENTS_Server__ApiKeys__0", Key);
        try
        {
            await using var serve = await RunningServe.StartAsync(["serve", "--urls", "http://0.0.0.0:0"]);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{serve.Port}") };
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/v1/models")).StatusCode);
            using var keyed = new HttpRequestMessage(HttpMethod.Get, "/v1/models");
            keyed.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(keyed)).StatusCode);

            Assert.Equal(0, await serve.StopAsync());
            Assert.Contains("API keys: 1 configured", serve.Out);
            Assert.Matches("HTTP GET /v1/models responded 200 .*key [0-9a-f]{12}", serve.Error);
            Assert.DoesNotContain(Key, serve.Out + serve.Error);
        }
        finally
        {
            Environment.SetEnvironmentVariable("TARANTOOL_AGENTS_Server__ApiKeys__0", null);
        }
    }

    [Fact]
    public async Task Unusable_settings_exit_2_naming_each_setting_but_not_the_key()
    {
        using var data = new TempDirectory();
        var result = await CliRunner.RunAsync(
            ["serve", "--urls", "http://127.0.0.1:0", "--data-dir", data.Path],
            settings: new Dictionary<string, string?>
            {
                ["Server:ApiKeys:0"] = "short-SECRET",
                ["Server:RateLimit:PermitLimit"] = "0",
                ["Server:Log:Format"] = "xml",
                ["Server:ForwardedHeaders:KnownProxies:0"] = "balancer.internal",
                ["Server:RunRetentionDays"] = "-1",
            });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Server:ApiKeys:0 is shorter than 16 characters", result.Error);
        Assert.Contains("Server:RateLimit:PermitLimit", result.Error);
        Assert.Contains("Server:Log:Format 'xml'", result.Error);
        Assert.Contains("Server:ForwardedHeaders:KnownProxies:0 'balancer.internal' is not an IP address", result.Error);
        Assert.Contains("Server:RunRetentionDays must be between 0 (keep every run) and 36500", result.Error);
        Assert.DoesNotContain("SECRET", result.Error);
        Assert.DoesNotContain("Serving", result.Out);
    }

    [GeneratedRegex(@"Serving at http://[^:]+:(\d+)")]
    private static partial Regex ServingLine();

    /// <summary>The CLI's <c>serve</c> running in-process until stopped, its streams captured.</summary>
    private sealed class RunningServe : IAsyncDisposable
    {
        private readonly StringWriter _outText = new();
        private readonly StringWriter _errorText = new();
        private readonly TextWriter _out;
        private readonly TextWriter _error;

        private RunningServe()
        {
            // Synchronized writers lock themselves; the getters take the same lock to read a consistent text.
            _out = TextWriter.Synchronized(_outText);
            _error = TextWriter.Synchronized(_errorText);
        }
        private readonly CancellationTokenSource _stop = new();
        private readonly TempDirectory _data = new();
        private Task<int> _run = Task.FromResult(0);

        public int Port { get; private set; }

        public string Out
        {
            get
            {
                lock (_out) return _outText.ToString();
            }
        }

        public string Error
        {
            get
            {
                lock (_error) return _errorText.ToString();
            }
        }

        public static async Task<RunningServe> StartAsync(string[] args)
        {
            var serve = new RunningServe();
            var environment = new CliEnvironment(serve._out, serve._error, new StringReader(""), RichOutput: false);
            serve._run = Task.Run(() => CliApp.RunAsync([.. args, "--data-dir", serve._data.Path], environment, serve._stop.Token));
            for (var i = 0; i < 200 && !serve._run.IsCompleted; i++)
            {
                if (ServingLine().Match(serve.Out) is { Success: true } match)
                {
                    serve.Port = int.Parse(match.Groups[1].Value);
                    return serve;
                }

                await Task.Delay(50);
            }

            throw new InvalidOperationException($"serve did not start (exit {(serve._run.IsCompleted ? serve._run.Result : -1)}): {serve.Out}{serve.Error}");
        }

        public async Task<int> StopAsync()
        {
            await _stop.CancelAsync();
            return await _run;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_run.IsCompleted) await StopAsync();
            _stop.Dispose();
            _data.Dispose();
        }
    }
}
