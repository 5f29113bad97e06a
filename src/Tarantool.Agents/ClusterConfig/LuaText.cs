using System.Globalization;
using System.Text;

namespace Tarantool.Agents.ClusterConfig;

/// <summary>Lua literals for generated scripts.</summary>
public static class LuaText
{
    /// <summary>A single-quoted Lua string with escapes.</summary>
    public static string Str(string value)
    {
        var text = new StringBuilder("'");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\{(int)c}",
                _ => c.ToString(),
            });
        }
        return text.Append('\'').ToString();
    }

    public static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    public static string StrList(IEnumerable<string> values) => "{" + string.Join(", ", values.Select(Str)) + "}";

    /// <summary>A table key: bare when it is a Lua identifier, bracketed otherwise.</summary>
    public static string Key(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? name
            : $"[{Str(name)}]";
}
