using Tarantool.Agents.Expert.Replication;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.Replication;
using Tarantool.Agents.Tests.ClusterConfig;

namespace Tarantool.Agents.Tests.Phases.Replication;

public sealed class ReplicationRendererTests
{
    private static IReadOnlyList<BundleFile> Render(Requests.ClusterRequest request)
    {
        var context = ClusterFixtures.Context(request);
        return ReplicationPhase.Spec.Render(new ReplicationExpert().Design(context), context);
    }

    [Fact]
    public void Renders_the_verification_scripts_as_executables()
    {
        var files = Render(ClusterFixtures.Sharded());
        // The sharded fixture elects leaders, so its storages are synchronous and get the is_sync schema script too.
        Assert.Equal([ReplicationRenderer.LuaPath, ReplicationRenderer.ShellPath, "tarantool/replication/sync-spaces.lua"], files.Select(f => f.Path));
        Assert.All(files.Take(2), f => Assert.True(f.Executable));
        var lua = files[0].Content;
        Assert.Contains("local LAG_CRITICAL = 30", lua);
        Assert.Contains("{ name = 'storage-001-1', uri = 'orders-node-1:3301', upstreams = {'storage-001-2', 'storage-001-3'}, anonymous = false }", lua);
        Assert.Contains("os.exit(failures == 0 and 0 or 1)", lua);
        Assert.StartsWith("#!/usr/bin/env bash\n", files[1].Content);
        Assert.Contains("set -euo pipefail", files[1].Content);
        Assert.DoesNotContain("password =", files[1].Content);
    }

    [Fact]
    public void Rendering_is_deterministic()
    {
        foreach (var (_, request) in ClusterFixtures.Named())
            Assert.Equal(Render(request).Select(f => f.Content), Render(request).Select(f => f.Content));
    }

    [ToolFact("shellcheck", "apt-get install -y shellcheck")]
    public void Shell_script_is_shellcheck_clean()
    {
        var shellcheck = ExternalTool.Require("shellcheck", "apt-get install -y shellcheck");
        foreach (var (name, request) in ClusterFixtures.Named())
        {
            var script = Render(request).Single(f => f.Path == ReplicationRenderer.ShellPath).Content;
            var (exit, output) = ExternalTool.Run(shellcheck, ["-s", "bash", "-"], stdin: script);
            Assert.True(exit == 0, $"{name}: {output}");
        }
    }

    [ToolFact("tarantool", "apt-get install -y tarantool")]
    public void Lua_script_compiles_and_refuses_to_run_without_credentials()
    {
        var dir = Directory.CreateTempSubdirectory("tta-repl-");
        try
        {
            var path = Path.Combine(dir.FullName, "verify-replication.lua");
            File.WriteAllText(path, Render(ClusterFixtures.MultiRegion()).Single(f => f.Path == ReplicationRenderer.LuaPath).Content);
            var tarantool = ExternalTool.Require("tarantool", "apt-get install -y tarantool");
            var (syntax, syntaxOutput) = ExternalTool.Run(tarantool, ["-e", $"local f, e = loadfile('{path}') if f == nil then io.stderr:write(e) os.exit(1) end os.exit(0)"]);
            Assert.True(syntax == 0, syntaxOutput);
            var (exit, output) = ExternalTool.Run("/usr/bin/env", ["-u", "TT_VERIFY_USER", "-u", "TT_VERIFY_PASSWORD", tarantool, path]);
            Assert.Equal(2, exit);
            Assert.Contains("TT_VERIFY_USER", output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
