using Tarantool.Agents.Intake;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.Cli.Input;

/// <summary>
/// A request file for <c>batch</c> (and the samples): YAML with the seed's parameter names and a description.
/// <code>
/// cluster-name: billing
/// cluster-type: replicated
/// environment: production
/// description: |
///   Billing database, master and two replicas, automated failover...
/// </code>
/// </summary>
internal static class RequestFile
{
    public const int MaxBytes = DescriptionReader.MaxBytes;

    private static readonly HashSet<string> Parameters =
    [
        "cluster-name", "cluster-type", "environment", "cloud-provider", "ha-strategy", "backup-retention-days",
        "enable-sharding", "replication-mode", "shard-count", "tarantool-version", "edition", "deployment", "rpo", "rto",
    ];

    public static IntakeInput Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new UserInputException($"the request file does not exist.");
        if (info.Length > MaxBytes) throw new UserInputException($"the request file is larger than {MaxBytes / 1024} KiB.");

        var stream = new YamlStream();
        try
        {
            // No byte-order-mark sniffing: a request file is UTF-8, and binary junk must not pass as UTF-16.
            using var reader = new StreamReader(info.FullName, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
            stream.Load(reader);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new UserInputException("not a YAML request file: it is not UTF-8 text.");
        }
        catch (YamlException e)
        {
            throw new UserInputException($"not a YAML request file ({e.Message.Split('\n')[0]}).");
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new UserInputException($"a request file is one YAML mapping of parameters and a description.");

        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        string description = "";
        string? language = null;
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (valueNode is not YamlScalarNode { Value: { } value })
                throw new UserInputException($"'{key}' must be a single value.");
            if (Parameters.Contains(key)) flags[key] = value;
            else if (key == "description") description = value;
            else if (key == "language") language = value;
            else throw new UserInputException($"unknown key '{key}'; known keys: {string.Join(", ", Parameters.Order())}, description, language.");
        }

        if (description.Any(c => c == '\0' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))))
            throw new UserInputException($"the description contains binary or control characters.");
        return new IntakeInput(flags, description.Trim(), language);
    }
}
