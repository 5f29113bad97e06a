using Microsoft.Extensions.Options;
using Serilog.Events;

namespace Tarantool.Agents.Server.Security;

/// <summary>
/// Checks the <c>Server</c> section once, at start-up, and reports every problem together. The listen URLs take
/// part: an anonymous API may listen on loopback only, unless the operator says otherwise.
/// </summary>
internal sealed class ApiSecurityOptionsValidator(IReadOnlyList<string> urls) : IValidateOptions<ApiSecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiSecurityOptions options)
    {
        var errors = new List<string>();
        var keys = options.ApiKeys ?? [];
        for (var i = 0; i < keys.Length; i++)
        {
            // The message names the key by position only: the value is a secret even when it is a bad one.
            var key = keys[i];
            if (string.IsNullOrWhiteSpace(key))
                errors.Add($"Server:ApiKeys:{i} is empty.");
            else if (key.Any(char.IsWhiteSpace) || key.Any(char.IsControl))
                errors.Add($"Server:ApiKeys:{i} contains whitespace or control characters; a bearer key is one token.");
            else if (key.Length < ApiKeyRing.MinimumKeyLength)
                errors.Add($"Server:ApiKeys:{i} is shorter than {ApiKeyRing.MinimumKeyLength} characters; use a random key, e.g. 'openssl rand -hex 32'.");
        }

        if (keys.Where(k => !string.IsNullOrWhiteSpace(k)).GroupBy(k => k, StringComparer.Ordinal).Any(g => g.Count() > 1))
            errors.Add("Server:ApiKeys lists the same key twice; give each client its own key.");

        var exposed = ListenAddresses.Public(urls);
        if (keys.Length == 0 && !options.AllowAnonymous && exposed.Count > 0)
        {
            errors.Add(
                $"Refusing to serve without API keys on {string.Join(", ", exposed)}, which is not a loopback address: " +
                "set Server:ApiKeys (e.g. TARANTOOL_AGENTS_Server__ApiKeys__0=KEY), listen on 127.0.0.1, " +
                "or pass --allow-anonymous if something in front of the service authenticates callers.");
        }

        var limit = options.RateLimit ?? new RateLimitOptions();
        if (limit.PermitLimit is < 1 or > 1_000_000)
            errors.Add($"Server:RateLimit:PermitLimit must be between 1 and 1000000 (is {limit.PermitLimit}).");
        if (limit.WindowSeconds is < 1 or > 86_400)
            errors.Add($"Server:RateLimit:WindowSeconds must be between 1 and 86400 (is {limit.WindowSeconds}).");

        var log = options.Log ?? new ServerLogOptions();
        if (!Enum.TryParse<LogEventLevel>(log.Level, ignoreCase: true, out _) || int.TryParse(log.Level, out _))
            errors.Add($"Server:Log:Level '{log.Level}' is not one of {string.Join(", ", Enum.GetNames<LogEventLevel>())}.");
        if (log.Format is not (ServerLogOptions.Text or ServerLogOptions.Json))
            errors.Add($"Server:Log:Format '{log.Format}' is not '{ServerLogOptions.Text}' or '{ServerLogOptions.Json}'.");

        errors.AddRange(ForwardedHeadersSetup.Errors(options.ForwardedHeaders ?? new ForwardedHeadersSettings()));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
