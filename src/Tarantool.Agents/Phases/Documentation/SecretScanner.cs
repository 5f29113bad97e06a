using System.Text.RegularExpressions;

namespace Tarantool.Agents.Phases.Documentation;

/// <summary>
/// Finds secret literals in generated text: a password/token/key assigned a literal value, credentials inside a URI,
/// a password passed on a command line, private key blocks and cloud access keys. References are fine: environment
/// variables (<c>$TT_APP_PASSWORD</c>), templates (<c>{{ context.app_password }}</c>, <c>${{ secrets.X }}</c>),
/// placeholders (<c>&lt;password&gt;</c>) and names of secrets (<c>replicator_password</c>, <c>TT_APP_PASSWORD</c>).
/// </summary>
internal static partial class SecretScanner
{
    /// <summary>One finding per offending line, with the line trimmed to a short excerpt.</summary>
    public static IReadOnlyList<string> Find(string text)
    {
        var findings = new List<string>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0) continue;
            if (IsLiteralAssignment(line) || IsLiteralUriCredential(line) || IsLiteralFlag(line)
                || PrivateKey().IsMatch(line) || AwsKey().IsMatch(line) || LuaPasswd().IsMatch(line))
                findings.Add(line.Length > 120 ? line[..120] + "…" : line);
        }
        return findings;
    }

    private static bool IsLiteralAssignment(string line)
    {
        foreach (Match match in Assignment().Matches(line))
            if (IsLiteral(match.Groups["value"].Value)) return true;
        return false;
    }

    private static bool IsLiteralUriCredential(string line)
    {
        foreach (Match match in UriCredential().Matches(line).Concat(BareCredential().Matches(line)))
            if (IsLiteral(match.Groups["value"].Value)) return true;
        return false;
    }

    private static bool IsLiteralFlag(string line)
    {
        foreach (Match match in PasswordFlag().Matches(line))
            if (IsLiteral(match.Groups["value"].Value)) return true;
        return false;
    }

    /// <summary>True when a value is a literal secret rather than a reference, placeholder or secret name.</summary>
    internal static bool IsLiteral(string value)
    {
        var v = value.Trim().TrimStart('\\').Trim('"', '\'', '\\', ',', ';').Trim();
        if (v.Length == 0) return false;
        if (v[0] is '$' or '<' or '%' or '{' or '*' or '(' or '[') return false;
        // A path names the file that holds the secret (from: file, --from-file, *_FILE variables).
        if (v.StartsWith('/') || v.StartsWith("./", StringComparison.Ordinal) || v.StartsWith("~/", StringComparison.Ordinal)) return false;
        if (v.Contains("{{", StringComparison.Ordinal) || v.Contains("${", StringComparison.Ordinal)) return false;
        if (v is "null" or "nil" or "none" or "true" or "false" or "env" or "file" or "prompt" or "required") return false;
        if (SecretName().IsMatch(v) || EnvName().IsMatch(v) || Reference().IsMatch(v)) return false;
        return true;
    }

    // key = value / key: value, with an optional closing quote after the key ("password": "...").
    [GeneratedRegex(@"(?i)\b[a-z0-9_]*(?:password|passwd|secret|token|api_key|apikey|access_key|private_key)\b[""']?\s*(?::|=)(?!=)\s*(?<value>""[^""]*""|'[^']*'|[^\s,;}]+)")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"\b[a-z][a-z0-9+.-]*://[^\s/:@""']+:(?<value>[^\s@/""']+)@")]
    private static partial Regex UriCredential();

    /// <summary>tt-style URIs without a scheme: <c>user:password@host:port</c>.</summary>
    [GeneratedRegex(@"(?<![\w/:.-])[A-Za-z_][\w.-]*:(?<value>[^\s@/:'""]+)@[A-Za-z0-9][\w.-]*(?::\d+)?\b")]
    private static partial Regex BareCredential();

    [GeneratedRegex(@"(?:--password|--vault-password)(?:\s+|=)(?<value>""[^""]*""|'[^']*'|\S+)")]
    private static partial Regex PasswordFlag();

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b")]
    private static partial Regex AwsKey();

    [GeneratedRegex(@"passwd\(\s*'[^']*'\s*,\s*'[^']+'")]
    private static partial Regex LuaPasswd();

    /// <summary>Names of secrets such as <c>replicator_password</c> or <c>vault_tt_app_password</c>.</summary>
    [GeneratedRegex(@"^[a-z][a-z0-9_.-]*(?:password|passwd|secret|token|key|credentials)$")]
    private static partial Regex SecretName();

    /// <summary>Environment variable names such as <c>TT_APP_PASSWORD</c>.</summary>
    [GeneratedRegex(@"^[A-Z][A-Z0-9_]*$")]
    private static partial Regex EnvName();

    /// <summary>Lookups and references: <c>lookup(...)</c>, <c>os.getenv(...)</c>, <c>secretKeyRef</c>, <c>context.x</c>.</summary>
    [GeneratedRegex(@"^(?:lookup|os\.getenv|secretKeyRef|secretRef|context\.|vault_|env\.|secrets\.)")]
    private static partial Regex Reference();
}
