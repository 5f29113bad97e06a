using Microsoft.Extensions.AI;
using Tarantool.Agents.Cli;

namespace Tarantool.Agents.Tests.Support;

/// <summary>Runs the CLI in-process with captured streams.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static async Task<Result> RunAsync(string[] args, IChatClient? model = null, string stdin = "", IReadOnlyDictionary<string, string?>? settings = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment(output, error, new StringReader(stdin), RichOutput: false)
        {
            ChatClientOverride = model is null ? null : _ => model,
            SettingOverrides = settings ?? new Dictionary<string, string?>(),
        };
        var code = await CliApp.RunAsync(args, environment);
        return new Result(code, output.ToString(), error.ToString());
    }
}
