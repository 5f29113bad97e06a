using System.Diagnostics;

namespace Tarantool.Agents.Tests.Expert.Topology;

/// <summary>
/// Parses a diagram with the real Mermaid library (Node + mermaid + jsdom), installed with the other test tools by
/// <c>npm ci --prefix tests/tools</c>; MERMAID_CHECK_DIR overrides the location.
/// </summary>
internal static class MermaidCheck
{
    private const string Script = """
        import { pathToFileURL } from 'node:url';
        import { createRequire } from 'node:module';
        const req = createRequire(process.argv[2] + '/package.json');
        const { JSDOM } = req('jsdom');
        const dom = new JSDOM('<!DOCTYPE html><body></body>');
        globalThis.window = dom.window;
        globalThis.document = dom.window.document;
        const { default: mermaid } = await import(pathToFileURL(req.resolve('mermaid')).href);
        mermaid.initialize({ startOnLoad: false });
        let text = '';
        for await (const chunk of process.stdin) text += chunk;
        try { await mermaid.parse(text); console.log('OK'); } catch (e) { console.log('ERR ' + e.message); process.exit(1); }
        """;

    public static string Directory => Environment.GetEnvironmentVariable("MERMAID_CHECK_DIR") is { Length: > 0 } dir ? dir : Path.Combine(Support.RepositoryPaths.Root, "tests", "tools");

    public static bool Available =>
        OnPath("node")
        && System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "mermaid"))
        && System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "jsdom"));

    public static (bool Ok, string Output) Parse(string diagram)
    {
        var script = Path.Combine(Path.GetTempPath(), $"mermaid-check-{Environment.ProcessId}.mjs");
        File.WriteAllText(script, Script);
        var start = new ProcessStartInfo("node", [script, Directory])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(diagram);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode == 0 && output.StartsWith("OK", StringComparison.Ordinal), output);
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, tool)));
}
