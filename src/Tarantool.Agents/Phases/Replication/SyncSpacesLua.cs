namespace Tarantool.Agents.Phases.Replication;

/// <summary>
/// Writes <c>tarantool/replication/sync-spaces.lua</c> for clusters with synchronous replicasets: election alone
/// makes nothing synchronous, only spaces with <c>is_sync = true</c> wait for the quorum. Run on each leader, it
/// makes every user space synchronous except those the operator lists as allowed to stay asynchronous, and prints
/// what it changed; it is idempotent, so it also serves as the check after each schema migration.
/// </summary>
internal static class SyncSpacesLua
{
    public const string Path = "tarantool/replication/sync-spaces.lua";

    /// <summary>True when some replicaset confirms transactions by quorum.</summary>
    public static bool Applies(ReplicationPlan plan) => plan.Replicasets.Any(r => r.Mode == "synchronous");

    public static string Render(ReplicationPlan plan, string app)
    {
        var replicasets = plan.Replicasets.Where(r => r.Mode == "synchronous").ToList();
        var quorum = replicasets.Max(r => r.SynchroQuorum);
        var leaderHint = string.Join(", ", replicasets.Select(r => r.Name));
        return $$"""
            -- Synchronous spaces of '{{app}}': a commit on an is_sync space returns only after
            -- replication.synchro_quorum members ({{quorum}}) wrote it to their WAL, so a failover never loses it.
            -- Election alone does not make a space synchronous: run this on the leader of every synchronous
            -- replicaset ({{leaderHint}}) after each schema migration:
            --   tt connect {{app}}:<leader> -f tarantool/replication/sync-spaces.lua
            -- The application's own space definitions should pass is_sync = true as well, e.g.
            --   box.schema.space.create('payments', {is_sync = true, if_not_exists = true})
            -- Spaces listed in ASYNC_ALLOWED stay asynchronous (caches, sessions: data that may be lost on failover).
            local ASYNC_ALLOWED = {
                -- ['sessions'] = true,
            }

            if box.info.ro then
                error('run sync-spaces.lua on the leader of the replicaset: this instance is read-only')
            end

            local changed, already, kept = {}, {}, {}
            for _, def in box.space._space:pairs(box.schema.SYSTEM_ID_MAX, {iterator = 'GT'}) do
                local space = box.space[def.name]
                -- Local and temporary spaces are not replicated at all, so is_sync does not apply to them.
                if space ~= nil and not space.is_local and not space.temporary and def.name:sub(1, 1) ~= '_' then
                    if ASYNC_ALLOWED[def.name] then
                        table.insert(kept, def.name)
                    elseif space.is_sync then
                        table.insert(already, def.name)
                    else
                        if space.alter ~= nil then
                            space:alter({is_sync = true})
                        else
                            -- Before 2.7 there is no space:alter: set the flag in the space's definition.
                            local flags = def.flags
                            flags.is_sync = true
                            box.space._space:update(def.id, { {'=', 'flags', flags} })
                        end
                        table.insert(changed, def.name)
                    end
                end
            end
            return {
                made_synchronous = changed,
                already_synchronous = already,
                kept_asynchronous = kept,
                synchro_quorum = box.cfg.replication_synchro_quorum,
                synchro_timeout = box.cfg.replication_synchro_timeout,
            }

            """;
    }
}
