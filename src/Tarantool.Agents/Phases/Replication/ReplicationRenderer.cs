namespace Tarantool.Agents.Phases.Replication;

/// <summary>Writes the replication verification scripts under <c>tarantool/replication/</c>.</summary>
public sealed class ReplicationRenderer : IArtifactRenderer<ReplicationPlan>
{
    public const string LuaPath = "tarantool/replication/verify-replication.lua";
    public const string ShellPath = "tarantool/replication/verify-replication.sh";

    public IEnumerable<BundleFile> Render(ReplicationPlan output, PhaseContext context)
    {
        var app = context.Request.ClusterName;
        yield return new BundleFile(LuaPath, "lua", VerifyReplicationLua.Render(output, app)) { Executable = true };
        yield return new BundleFile(ShellPath, "shell-script", VerifyReplicationSh.Render(output, app)) { Executable = true };
        if (SyncSpacesLua.Applies(output))
            yield return new BundleFile(SyncSpacesLua.Path, "lua", SyncSpacesLua.Render(output, app));
    }
}
