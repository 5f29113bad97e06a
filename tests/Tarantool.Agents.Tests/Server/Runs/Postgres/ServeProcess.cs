using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Tarantool.Agents.Tests.Server.Runs.Postgres;

/// <summary>
/// <c>tarantool-agents serve</c> as a real process (so it can be SIGKILLed), on a free loopback port, with settings
/// passed as <c>TARANTOOL_AGENTS_*</c> environment variables as an operator would.
/// </summary>
internal sealed partial class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServeProcess(Process process) => _process = process;

    public string Name { get; private init; } = "";

    public Uri BaseAddress => _address.Task.Result;

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public static async Task<ServeProcess> StartAsync(string name, string dataDirectory, string modelEndpoint, IReadOnlyDictionary<string, string> settings)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments =
        [
            Path.Combine(AppContext.BaseDirectory, "tarantool-agents.dll"), "serve", "--urls", "http://127.0.0.1:0", "--data-dir", dataDirectory,
            "--provider", "openai-compatible", "--endpoint", modelEndpoint, "--model", "tarantool-expert",
        ];
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.Environment["TARANTOOL_AGENTS_HOME"] = RepositoryPaths.Root;
        info.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in settings) info.Environment["TARANTOOL_AGENTS_" + key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var serve = new ServeProcess(Process.Start(info)!) { Name = name };
        serve._process.OutputDataReceived += (_, e) => serve.Received(e.Data);
        serve._process.ErrorDataReceived += (_, e) => serve.Received(e.Data);
        serve._process.BeginOutputReadLine();
        serve._process.BeginErrorReadLine();
        var started = await Task.WhenAny(serve._address.Task, serve._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(2)));
        if (started != serve._address.Task)
        {
            if (!serve._process.HasExited) serve._process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"serve '{name}' did not start: {serve.Output}");
        }

        return serve;
    }

    public HttpClient Client() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>SIGKILL: no shutdown, no lease handed back; the run's lease has to expire.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Received(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (ServingLine().Match(line) is { Success: true } match) _address.TrySetResult(new Uri(match.Groups[1].Value));
    }

    [GeneratedRegex(@"^Serving at (http://[^/, ]+)")]
    private static partial Regex ServingLine();
}
