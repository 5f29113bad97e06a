namespace Tarantool.Agents.ClusterConfig;

/// <summary>
/// <c>app/roles/metrics.lua</c>: a Tarantool 3 application role for targets where the metrics-export-role rock is
/// not usable (it needs 3.0.2+). It serves the built-in <c>metrics</c> module in Prometheus format through
/// <c>http.server</c>, with the same <c>roles_cfg</c> shape as roles.metrics-export
/// (<c>http: [{listen, endpoints: [{path, format}]}]</c>), so moving to the rock later changes only the role name.
/// </summary>
public static class MetricsAppRoleLua
{
    public const string FilePath = "app/roles/metrics.lua";

    public static string Render() => """
        -- Application role app.roles.metrics: Prometheus metrics over HTTP for Tarantool 3.0.
        -- Config (roles_cfg['app.roles.metrics']): http: [{listen: <port|host:port>, endpoints: [{path, format}]}]
        local metrics = require('metrics')
        local prometheus = require('metrics.plugins.prometheus')

        local servers = {}

        local function parse_listen(listen)
            if type(listen) == 'number' then
                return '0.0.0.0', listen
            end
            local host, port = tostring(listen):match('^(.*):(%d+)$')
            if host == nil then
                error(('app.roles.metrics: bad listen value %q'):format(tostring(listen)), 0)
            end
            return host, tonumber(port)
        end

        local function validate(cfg)
            if type(cfg) ~= 'table' or type(cfg.http) ~= 'table' then
                error('app.roles.metrics: roles_cfg must contain an "http" array', 0)
            end
            for _, server in ipairs(cfg.http) do
                parse_listen(server.listen)
                for _, endpoint in ipairs(server.endpoints or {}) do
                    if endpoint.format ~= nil and endpoint.format ~= 'prometheus' then
                        error('app.roles.metrics: only the prometheus format is supported', 0)
                    end
                end
            end
        end

        local function stop()
            for _, server in ipairs(servers) do
                server:stop()
            end
            servers = {}
        end

        local function apply(cfg)
            stop()
            metrics.enable_default_metrics()
            for _, server in ipairs(cfg.http) do
                local host, port = parse_listen(server.listen)
                local httpd = require('http.server').new(host, port, {log_requests = false})
                for _, endpoint in ipairs(server.endpoints or {{path = '/metrics'}}) do
                    httpd:route({path = endpoint.path or '/metrics', method = 'GET'}, prometheus.collect_http)
                end
                httpd:start()
                table.insert(servers, httpd)
            end
        end

        return {
            validate = validate,
            apply = apply,
            stop = stop,
        }

        """;
}
