using System.Text;

namespace Tarantool.Agents.ClusterConfig;

/// <summary>The application rockspec: <c>tt build</c> (or <c>cartridge build</c>) installs its dependencies into
/// <c>.rocks</c> of the application directory, where roles such as <c>roles.metrics-export</c> are found.</summary>
public static class Rockspec
{
    public static string FileName(string appName) => $"{appName}-scm-1.rockspec";

    public static string Render(string appName, IEnumerable<string> dependencies)
    {
        var text = new StringBuilder();
        text.Append("-- Dependencies of the ").Append(appName).Append(" application; installed by `tt build`.\n");
        text.Append("package = ").Append(LuaText.Str(appName)).Append('\n');
        text.Append("version = 'scm-1'\n");
        text.Append("source = {\n    url = '/dev/null',\n}\n");
        text.Append("dependencies = {\n");
        foreach (var dependency in dependencies) text.Append("    ").Append(LuaText.Str(dependency)).Append(",\n");
        text.Append("}\n");
        text.Append("build = {\n    type = 'none',\n}\n");
        return text.ToString();
    }
}
