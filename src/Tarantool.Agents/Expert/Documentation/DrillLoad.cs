namespace Tarantool.Agents.Expert.Documentation;

/// <summary>
/// The small write load the training exercises run: one insert every 100 ms into a <c>drill</c> space on whichever
/// member of a replicaset accepts writes, printing every failure and a summary every 10 s, so an exercise's downtime
/// and lost writes are measured rather than guessed. It is plain Lua for the <c>tarantool</c> binary (net.box), so it
/// runs wherever the cluster's image or packages run.
/// </summary>
internal static class DrillLoad
{
    public const string FileName = "drill-load.lua";

    public const string Script = """
        -- drill-load.lua: one insert every 100 ms into the writable member of DRILL_URIS (comma-separated
        -- host:port), as DRILL_USER / DRILL_PASSWORD. Prints each failure and, every 10 s, ok/failed counts.
        local netbox = require('net.box')
        local fiber = require('fiber')
        local uris = {}
        for uri in (os.getenv('DRILL_URIS') or ''):gmatch('[^,%s]+') do table.insert(uris, uri) end
        assert(#uris > 0, 'set DRILL_URIS to the members, e.g. host1:3301,host2:3301')
        local opts = {user = os.getenv('DRILL_USER'), password = os.getenv('DRILL_PASSWORD'), connect_timeout = 1, wait_connected = 1}
        local current, conn = 0, nil
        local ok, failed, last_report = 0, 0, fiber.clock()
        local function next_member()
            if conn ~= nil then pcall(conn.close, conn) end
            current = current % #uris + 1
            conn = netbox.connect(uris[current], opts)
        end
        next_member()
        while true do
            local key = tonumber(fiber.time64())
            local done, err = pcall(function()
                return conn.space.drill:insert({key, os.date('!%Y-%m-%dT%H:%M:%SZ')}, {timeout = 1})
            end)
            if done then
                ok = ok + 1
            else
                failed = failed + 1
                print(('%s FAIL %s: %s'):format(os.date('!%H:%M:%S'), uris[current], tostring(err)))
                next_member()
            end
            if fiber.clock() - last_report >= 10 then
                print(('%s ok=%d failed=%d writer=%s'):format(os.date('!%H:%M:%S'), ok, failed, uris[current]))
                last_report = fiber.clock()
            end
            fiber.sleep(0.1)
        end
        """;

    /// <summary>Creates the drill space on the leader (it replicates) and lets the load's user write to it.</summary>
    public static string Setup(string user) =>
        "box.schema.space.create('drill', {if_not_exists = true})\n" +
        "box.space.drill:create_index('pk', {parts = {1, 'unsigned'}, if_not_exists = true})\n" +
        $"box.schema.user.grant('{user}', 'read,write', 'space', 'drill', nil, {{if_not_exists = true}})\n" +
        "return box.space.drill:count()";
}
