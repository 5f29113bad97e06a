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
            if (RequestParameters.IsParameter(key)) flags[key] = value;
            else if (key == RequestParameters.Description) description = value;
            else if (key == RequestParameters.Language) language = value;
            else throw new UserInputException(RequestParameters.UnknownKey(key, RequestParameters.Description, RequestParameters.Language));
        }

        // The same checks as the runs API and MCP, so a bad field reads the same wherever it came from.
        if (RequestParameters.DescriptionProblem(description) is { } problem) throw new UserInputException(problem);
        return new IntakeInput(flags, description.Trim(), language);
    }
}
