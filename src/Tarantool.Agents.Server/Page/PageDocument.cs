using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Server.Page;

/// <summary>
/// Fills the page's HTML template: <c>{{lang}}</c>, <c>{{t:key}}</c> (a text in the chosen language, HTML-encoded),
/// <c>{{options:field}}</c> (a select's values, from the request model itself so the page offers exactly what the
/// service accepts) and <c>{{texts}}</c> (both languages as JSON for the script).
/// </summary>
internal static partial class PageDocument
{
    // The default encoder escapes '<', '>' and '&' as \u003C..., so the JSON cannot close its <script> element.
    private static readonly JsonSerializerOptions ScriptJson = new() { Encoder = JavaScriptEncoder.Default };

    public static string Render(string language)
    {
        var template = PageAssets.Text("index.html");
        return Placeholder().Replace(template, match =>
        {
            var (kind, argument) = (match.Groups["kind"].Value, match.Groups["arg"].Value);
            return kind switch
            {
                "lang" => language,
                "t" => WebUtility.HtmlEncode(PageTexts.Get(language, argument)),
                "options" => Options(argument),
                "texts" => JsonSerializer.Serialize(PageTexts.Languages, ScriptJson),
                _ => throw new InvalidOperationException($"Unknown placeholder '{match.Value}' in index.html."),
            };
        });
    }

    /// <summary>The allowed values of a request parameter, in the seed's spelling.</summary>
    public static IReadOnlyList<string> Values(string field) => field switch
    {
        "cluster-type" => Spell<ClusterType>(),
        "environment" => Spell<DeploymentEnvironment>(),
        "cloud-provider" => Spell<CloudProvider>(),
        "ha-strategy" => Spell<HaStrategy>(),
        "replication-mode" => Spell<ReplicationMode>(),
        "edition" => Spell<Edition>(),
        "deployment" => Spell<DeploymentForm>(),
        "enable-sharding" => ["true", "false"],
        "tarantool-version" => TarantoolVersion.Supported.Select(v => $"{v.Major}.{v.Minor}").ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a parameter with a fixed set of values."),
    };

    private static string Options(string field)
    {
        var html = new StringBuilder();
        foreach (var value in Values(field))
        {
            var encoded = WebUtility.HtmlEncode(value);
            html.Append("<option value=\"").Append(encoded).Append("\">").Append(encoded).Append("</option>");
        }

        return html.ToString();
    }

    // The same naming policy the request model's JSON and the CLI's flags use.
    private static string[] Spell<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString())).ToArray();

    [GeneratedRegex(@"\{\{(?<kind>lang|t|options|texts)(?::(?<arg>[a-z0-9.\-]+))?\}\}")]
    private static partial Regex Placeholder();
}
