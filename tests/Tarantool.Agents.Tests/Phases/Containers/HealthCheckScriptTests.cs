using System.Diagnostics;
using Tarantool.Agents.Phases.Containers;

namespace Tarantool.Agents.Tests.Phases.Containers;

/// <summary>
/// containers/healthcheck.lua against real Tarantool instances: ready when the instance runs, not ready when it is
/// an orphan (its replication quorum is unreachable) or when its console does not answer.
/// </summary>
public sealed class HealthCheckScriptTests
{
    [ToolFact("tarantool")]
    public void A_running_instance_is_ready()
    {
        using var instance = Instance.Start("box.cfg{work_dir = DIR, log = DIR .. '/t.log'}");
        var (code, output) = instance.Health();
        Assert.True(code == 0, output);
    }

    [ToolFact("tarantool")]
    public void An_orphan_that_cannot_reach_its_replicaset_is_not_ready()
    {
        // Bootstrapped alone, then pointed at a peer that never answers: Tarantool keeps running as an orphan.
        using var instance = Instance.Start(
            "box.cfg{work_dir = DIR, log = DIR .. '/t.log'}\n" +
            "pcall(box.cfg, {read_only = true, replication = {'127.0.0.1:1'}, replication_connect_timeout = 0.2, " +
            "replication_connect_quorum = 1, replication_sync_timeout = 0.2})");
        var (code, output) = instance.Health();
        Assert.Equal(1, code);
        Assert.Contains("box.info.status is orphan", output);
    }

    [ToolFact("tarantool")]
    public void No_console_is_not_ready_and_no_instance_name_is_a_misuse()
    {
        var dir = ExternalTool.TempDirectory("health");
        try
        {
            var script = Path.Combine(dir, "health.lua");
            File.WriteAllText(script, HealthCheckScript.Render(PlatformNaming.ContainerIprotoPort));
            var (code, output) = ExternalTool.Run("tarantool", [script, "ready"], dir,
                new Dictionary<string, string> { ["TT_INSTANCE_NAME"] = "db-001-1", ["TT_CONSOLE_SOCKET"] = Path.Combine(dir, "none.control") });
            Assert.Equal(1, code);
            Assert.Contains("does not answer", output);
            (code, _) = ExternalTool.Run("tarantool", [script, "ready"], dir, new Dictionary<string, string> { ["TT_INSTANCE_NAME"] = "" });
            Assert.Equal(2, code);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    /// <summary>A Tarantool process configured by a Lua snippet (DIR is its folder) with a console on a unix socket.</summary>
    private sealed class Instance : IDisposable
    {
        private readonly Process _process;
        private readonly string _dir;
        private readonly string _socket;

        private Instance(Process process, string dir, string socket)
        {
            _process = process;
            _dir = dir;
            _socket = socket;
        }

        public static Instance Start(string cfg)
        {
            var dir = ExternalTool.TempDirectory("health");
            var socket = Path.Combine(dir, "tarantool.control");
            var init = Path.Combine(dir, "init.lua");
            File.WriteAllText(init, $"local DIR = '{dir}'\n{cfg}\nrequire('console').listen('unix/:' .. DIR .. '/tarantool.control')\n");
            var info = new ProcessStartInfo(ExternalTool.Find("tarantool")!, init) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            var process = Process.Start(info)!;
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (!File.Exists(socket) && !process.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(50);
            Assert.True(File.Exists(socket), $"the instance opened no console: {(process.HasExited ? process.StandardError.ReadToEnd() : "timeout")}");
            return new Instance(process, dir, socket);
        }

        public (int Code, string Output) Health()
        {
            var script = Path.Combine(_dir, "health.lua");
            File.WriteAllText(script, HealthCheckScript.Render(PlatformNaming.ContainerIprotoPort));
            return ExternalTool.Run("tarantool", [script, "ready"], _dir,
                new Dictionary<string, string> { ["TT_INSTANCE_NAME"] = "db-001-1", ["TT_CONSOLE_SOCKET"] = _socket });
        }

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill();
            _process.WaitForExit();
            _process.Dispose();
            Directory.Delete(_dir, true);
        }
    }
}
