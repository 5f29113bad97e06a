namespace Tarantool.Agents.Phases.Containers;

/// <summary>
/// <c>containers/healthcheck.lua</c>, installed in the image as <see cref="ImagePath"/>: the one health check the
/// Kubernetes readiness probe, the image's HEALTHCHECK and Compose run. In <c>ready</c> mode it asks the instance
/// itself through its control socket (no credentials, no network): <c>box.info.status</c> is <c>running</c>, the
/// config status is <c>ready</c> or <c>check_warnings</c>, and a read-only member follows at least one upstream (a
/// replica that follows nobody serves stale reads). The writable member stays ready when its replicas are gone: it
/// still takes writes (a 2.x or Cartridge instance has no config module: its status counts as none). <c>greeting</c>
/// mode only checks the iproto greeting, for a look by hand when the console is in doubt.
/// </summary>
public static class HealthCheckScript
{
    /// <summary>Where the bundle keeps the script (the image build copies it from there).</summary>
    public const string BundlePath = "containers/healthcheck.lua";

    /// <summary>Where the image installs it, executable, on PATH.</summary>
    public const string ImagePath = "/usr/local/bin/tarantool-health";

    /// <summary>The probe command of every image: the instance's own state through its console, which every container
    /// form opens in the data directory (<see cref="InstanceLayout.ContainerConsoleSocket"/>).</summary>
    public static IReadOnlyList<string> Command() => [ImagePath, "ready"];

    public static string Render(int iprotoPort) => Template.Replace("{{PORT}}", iprotoPort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) + "\n";

    private const string Template = """
#!/usr/bin/env tarantool
-- Health of the local Tarantool instance, from the instance's own state. Used by the Kubernetes readiness probe, the
-- image's HEALTHCHECK and Docker Compose.
--   tarantool-health ready     the instance answers on its control socket, box.info.status is running, the config
--                              status is ready or check_warnings, and a read-only member follows an upstream
--   tarantool-health greeting  the iproto port answers with the Tarantool greeting (a check by hand)
-- The instance is TT_INSTANCE_NAME; its control socket TT_CONSOLE_SOCKET, by default the one every container form opens:
-- /var/lib/tarantool/<instance>/tarantool.control. Exit 0 healthy, 1 unhealthy (the reason on stderr), 2 misused.
local socket = require('socket')
local yaml = require('yaml')

local mode = arg[1] or 'ready'
local name = os.getenv('TT_INSTANCE_NAME') or ''

local function fail(reason)
    io.stderr:write(string.format('%s: %s\n', name, reason))
    os.exit(1)
end

if mode == 'greeting' then
    local s = socket.tcp_connect('127.0.0.1', {{PORT}}, 2)
    if s == nil then fail('iproto port {{PORT}} does not answer') end
    local greeting = s:read(64, 2)
    s:close()
    if greeting == nil or greeting:find('Tarantool', 1, true) == nil then fail('no Tarantool greeting on port {{PORT}}') end
    os.exit(0)
end

if mode ~= 'ready' then
    io.stderr:write('usage: tarantool-health ready|greeting\n')
    os.exit(2)
end
if name == '' then
    io.stderr:write('TT_INSTANCE_NAME is not set\n')
    os.exit(2)
end

local path = os.getenv('TT_CONSOLE_SOCKET') or ('/var/lib/tarantool/' .. name .. '/tarantool.control')
local s = socket.tcp_connect('unix/', path, 2)
if s == nil then fail('the console ' .. path .. ' does not answer (starting, or stopped)') end
-- The console greets with two lines, then answers each line of Lua with a YAML document ending in "...".
if s:read({delimiter = '\n'}, 2) == nil or s:read({delimiter = '\n'}, 2) == nil then fail('no console greeting') end

local probe = "local i = box.info " ..
    "local ok, config = pcall(require, 'config') " ..
    "local cs = (ok and type(config) == 'table' and config.info ~= nil) and config:info().status or 'none' " ..
    "local peers, following = 0, 0 " ..
    "for _, r in pairs(i.replication) do if r.id ~= i.id and r.upstream ~= nil then " ..
    "peers = peers + 1 if r.upstream.status == 'follow' then following = following + 1 end end end " ..
    "return {status = i.status, ro = i.ro, config = cs, peers = peers, following = following}\n"
if s:write(probe, 2) == nil then fail('cannot write to the console') end
local answer = s:read({delimiter = '\n...\n'}, 3)
s:close()
if answer == nil then fail('the console did not answer within 3 s') end
local ok, decoded = pcall(yaml.decode, answer)
if not ok or type(decoded) ~= 'table' or type(decoded[1]) ~= 'table' then fail('unexpected console answer: ' .. answer) end
local state = decoded[1]

if state.status ~= 'running' then fail('box.info.status is ' .. tostring(state.status)) end
if state.config ~= 'none' and state.config ~= 'ready' and state.config ~= 'check_warnings' then
    fail('config status is ' .. tostring(state.config))
end
if state.ro and state.peers > 0 and state.following == 0 then
    fail(string.format('read-only and following none of its %d upstreams', state.peers))
end
os.exit(0)
""";
}
