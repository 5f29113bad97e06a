using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Tarantool.Agents.Phases.Replication;
using Tarantool.Agents.Tests.ClusterConfig;

namespace Tarantool.Agents.Tests.Phases.Replication;

/// <summary>
/// Runs the generated verify-replication.lua against a real two-instance replicaset on 127.0.0.1 (the Debian
/// tarantool package is enough: box.info.replication, net.box and spaces behave the same for this check).
/// </summary>
public sealed class VerifyReplicationLiveTests
{
    private const string User = "ops";
    private const string Secret = "test-only-secret";

    [ToolFact("tarantool", "apt-get install -y tarantool")]
    public void Healthy_replicaset_passes_and_a_dead_replica_fails()
    {
        var tarantool = ExternalTool.Require("tarantool", "apt-get install -y tarantool");
        var dir = Directory.CreateTempSubdirectory("tta-live-");
        var processes = new List<Process>();
        try
        {
            var ports = new[] { FreePort(), FreePort() };
            var names = new[] { "db-001-1", "db-001-2" };
            for (var i = 0; i < 2; i++)
            {
                var work = Directory.CreateDirectory(Path.Combine(dir.FullName, names[i])).FullName;
                var peers = string.Join(", ", ports.Select(p => $"'{User}:{Secret}@127.0.0.1:{p}'"));
                var script = Path.Combine(work, "instance.lua");
                File.WriteAllText(script, $$"""
                    box.cfg{ listen = '127.0.0.1:{{ports[i]}}', replication = { {{peers}} }, read_only = {{(i == 0 ? "false" : "true")}},
                             work_dir = '{{work}}', replication_timeout = 0.2, log = 'tarantool.log' }
                    box.once('ops', function()
                        box.schema.user.create('{{User}}', { password = '{{Secret}}' })
                        box.schema.user.grant('{{User}}', 'super')
                    end)
                    """);
                processes.Add(Process.Start(new ProcessStartInfo(tarantool, script) { WorkingDirectory = work, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true })!);
            }

            var plan = new ReplicationPlan
            {
                Failover = "manual", ReplicationTimeoutSeconds = 0.2, RpoSeconds = 60, RpoSource = "backup-plan",
                LagWarningSeconds = 1, LagCriticalSeconds = 5, MarkerTimeoutSeconds = 10, SkipConflict = false,
                Replicasets =
                [
                    new ReplicasetReplication("db-001", "full-mesh", "asynchronous", 0, false, ["db-001-1"],
                    [
                        new InstanceUpstreams(names[0], $"127.0.0.1:{ports[0]}", [names[1]]),
                        new InstanceUpstreams(names[1], $"127.0.0.1:{ports[1]}", [names[0]]),
                    ], []),
                ],
                JoinProcedure = [], RebuildProcedure = [], Failures = [], Decisions = [],
            };
            var lua = Path.Combine(dir.FullName, "verify-replication.lua");
            File.WriteAllText(lua, VerifyReplicationLua.Render(plan, "orders"));

            var (exit, output) = (1, "");
            for (var attempt = 0; attempt < 40 && exit != 0; attempt++)
            {
                Thread.Sleep(500);
                (exit, output) = Verify(tarantool, lua);
            }
            Assert.True(exit == 0, output);
            Assert.Contains("marker from db-001-1 reached db-001-2", output);

            processes[1].Kill(entireProcessTree: true);
            processes[1].WaitForExit();
            Thread.Sleep(1000);
            var (deadExit, deadOutput) = Verify(tarantool, lua);
            Assert.Equal(1, deadExit);
            Assert.Contains("FAIL", deadOutput);
        }
        finally
        {
            foreach (var process in processes.Where(p => !p.HasExited))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
            dir.Delete(recursive: true);
        }
    }

    private static (int, string) Verify(string tarantool, string lua) =>
        ExternalTool.Run("/usr/bin/env", [$"TT_VERIFY_USER={User}", $"TT_VERIFY_PASSWORD={Secret}", tarantool, lua]);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
