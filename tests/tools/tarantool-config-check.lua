-- Runs ../shared/tools/tarantool-config-check.lua (Tarantool 3.7.1's own config code) on an older `tarantool`
-- binary, such as Debian's 2.6, with the same arguments:
--
--   tarantool tests/tools/tarantool-config-check.lua SHARED_RUNNER [--edition community|enterprise] FILE...
--
-- Why this wrapper exists: Tarantool 3.x's configdata:sharding() passes the storage's URI to `uri.parse` as a
-- table, {uri = 'host:port', login = ..., password = ..., params = {...}} (that is how iproto.advertise.sharding is
-- stored). `uri.parse` accepts that form since Tarantool 2.10 (params) and 2.11 (login/password); the 2.6 binary
-- accepts only a string and stops with "cannot convert 'table' to 'const char *'" on every sharded config. This
-- wrapper makes `uri.parse` accept the table form the way src/lua/uri.c of 3.x does — one URI in `uri` or `[1]`, its
-- `params` attached (values as lists of strings), `login`/`password` taken from the table when `login` is given,
-- a password without a login refused — and changes nothing else. No config rule is touched: the checks themselves
-- are the shared runner's and Tarantool's.
local uri = require('uri')
local string_parse = uri.parse

if not pcall(string_parse, {uri = 'localhost:3301'}) then
    uri.parse = function(value)
        if type(value) ~= 'table' then return string_parse(value) end
        local positional = #value
        local count = positional + (value.uri ~= nil and 1 or 0)
        if count ~= 1 then
            return nil, 'Invalid URI table: expected {uri = string, params = table} or {string, params = table}'
        end
        if value.default_params ~= nil then return nil, 'Default URI parameters are not allowed for single URI' end
        local text = positional == 1 and value[1] or value.uri
        if type(text) ~= 'string' and type(text) ~= 'number' then
            return nil, 'Incorrect type for URI in nested table: should be string, number'
        end
        local parsed = string_parse(tostring(text))
        if parsed == nil then return nil, 'Incorrect URI: expected host:service or /unix.socket' end
        if value.login ~= nil then
            if type(value.login) ~= 'string' then return nil, 'Invalid URI table: expected type for login is string' end
            if value.password ~= nil and type(value.password) ~= 'string' then
                return nil, 'Invalid URI table: expected type for password is string'
            end
            parsed.login, parsed.password = value.login, value.password
        elseif value.password ~= nil then
            return nil, 'Invalid URI table: login required if password is set'
        end
        parsed.params = {}
        if value.params ~= nil then
            if type(value.params) ~= 'table' then return nil, 'Incorrect type for URI parameters: should be a table' end
            for name, v in pairs(value.params) do
                if type(name) ~= 'string' then
                    return nil, 'Incorrect type for URI parameter name: should be a string'
                end
                local values = type(v) == 'table' and v or {v}
                parsed.params[name] = {}
                for _, item in ipairs(values) do
                    if type(item) ~= 'string' and type(item) ~= 'number' then
                        return nil, 'Incorrect type for URI parameter value: should be string or number'
                    end
                    table.insert(parsed.params[name], tostring(item))
                end
            end
        end
        return parsed
    end
end

local runner = table.remove(arg, 1)
if runner == nil then
    io.stderr:write('usage: tarantool tarantool-config-check.lua SHARED_RUNNER [--edition E] FILE...\n')
    os.exit(2)
end
-- The shared runner finds its modules relative to its own path (debug.getinfo), which dofile preserves.
dofile(runner)
