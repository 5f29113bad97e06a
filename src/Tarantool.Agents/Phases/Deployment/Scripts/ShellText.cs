using System.Text;

namespace Tarantool.Agents.Phases.Deployment.Scripts;

/// <summary>Small helpers for writing bash: single-quoting and <c>case</c> tables generated from the plan.</summary>
internal static class ShellText
{
    /// <summary>Single-quotes a value for bash (no expansion inside).</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";

    /// <summary>A bash function that maps a key to a value with a <c>case</c> statement and fails on unknown keys.</summary>
    public static string CaseFunction(string name, string comment, IEnumerable<(string Key, string Value)> rows, string unknownMessage, bool failOnUnknown = true)
    {
        var text = new StringBuilder();
        text.Append($"# {comment}\n{name}() {{\n  case \"$1\" in\n");
        foreach (var (key, value) in rows) text.Append($"    {key}) echo {Quote(value)} ;;\n");
        text.Append(failOnUnknown
            ? $"    *) echo \"{unknownMessage}: $1\" >&2; return 1 ;;\n"
            : "    *) echo '' ;;\n");
        text.Append("  esac\n}\n");
        return text.ToString();
    }

    /// <summary>A bash array literal, one quoted element per line.</summary>
    public static string Array(string name, IEnumerable<string> items)
    {
        var text = new StringBuilder($"{name}=(\n");
        foreach (var item in items) text.Append("  ").Append(Quote(item)).Append('\n');
        return text.Append(")\n").ToString();
    }
}
