using System.Globalization;
using System.Text.Json.Nodes;
using Tarantool.Agents.ClusterConfig;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.Tests.ClusterConfig;

/// <summary>YAML → JSON with YAML 1.2 core typing of plain scalars, so the JSON schema sees what Tarantool sees.</summary>
internal static class YamlJson
{
    public static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", Convert(c.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain) return JsonValue.Create(value);
        return YamlText.PlainType(value) switch
        {
            "null" => null,
            "bool" => JsonValue.Create(value.Equals("true", StringComparison.OrdinalIgnoreCase)),
            "int" => JsonValue.Create(long.Parse(value, CultureInfo.InvariantCulture)),
            "float" => JsonValue.Create(double.Parse(value, CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(value),
        };
    }
}
