using System.Text;

namespace Tarantool.Agents.Cli.Input;

/// <summary>Reads the description ($ARGUMENTS) from trailing words, a file, or standard input, with sane limits.</summary>
internal static class DescriptionReader
{
    /// <summary>A description is prose; anything larger is a mistake (or an attack), not a request.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Read(IReadOnlyList<string>? words, string? file, TextReader stdin)
    {
        var inline = string.Join(' ', words ?? []).Trim();
        if (file is null) return Check(inline, "the description");
        if (inline.Length > 0)
            throw new UserInputException("Give the description either as trailing words or with --description-file, not both.");
        if (file == "-") return Check(ReadLimited(stdin), "standard input");

        var info = new FileInfo(file);
        if (!info.Exists) throw new UserInputException($"The description file '{file}' does not exist.");
        if (info.Length > MaxBytes) throw new UserInputException($"The description file '{file}' is larger than {MaxBytes / 1024} KiB; a description is prose, not data.");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(info.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"The description file '{file}' cannot be read: {e.Message}");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new UserInputException($"The description file '{file}' is not UTF-8 text.");
        }

        return Check(text.TrimStart('\uFEFF'), $"the description file '{file}'");
    }

    private static string ReadLimited(TextReader reader)
    {
        var buffer = new char[MaxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = reader.Read(buffer, total, buffer.Length - total)) > 0) total += read;
        if (total > MaxBytes) throw new UserInputException($"The description on standard input is larger than {MaxBytes / 1024} KiB.");
        return new string(buffer, 0, total);
    }

    private static string Check(string text, string what)
    {
        if (Encoding.UTF8.GetByteCount(text) > MaxBytes)
            throw new UserInputException($"{Capitalize(what)} is larger than {MaxBytes / 1024} KiB; a description is prose, not data.");
        if (text.Any(c => c == '\0' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))))
            throw new UserInputException($"{Capitalize(what)} contains binary or control characters; give plain text.");
        return text.Trim();
    }

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
