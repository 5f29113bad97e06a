using System.Text.RegularExpressions;

namespace Tarantool.Agents.Phases.Deployment;

/// <summary>Quotes YAML scalars only when YAML would otherwise read them as something else.</summary>
internal static partial class YamlText
{
    public static string Scalar(string value) =>
        Plain().IsMatch(value) && !Reserved().IsMatch(value) ? value : Quote(value);

    /// <summary>Double-quoted, escaping backslashes and quotes.</summary>
    public static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    [GeneratedRegex(@"^[A-Za-z_/][A-Za-z0-9_./-]*$")]
    private static partial Regex Plain();

    [GeneratedRegex(@"^(?i:y|n|yes|no|on|off|true|false|null|~)$")]
    private static partial Regex Reserved();
}
