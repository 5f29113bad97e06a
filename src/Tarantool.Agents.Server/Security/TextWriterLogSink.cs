using System.Globalization;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace Tarantool.Agents.Server.Security;

/// <summary>
/// Writes log events to a stream the caller owns (stderr for <c>serve</c>, a buffer in tests). In text form a stack
/// trace is written only at Debug level or below, as the CLI does; otherwise an exception is its messages on the
/// event's line. JSON keeps the whole exception: log shippers index it.
/// </summary>
internal sealed class TextWriterLogSink : ILogEventSink
{
    private const string TextTemplate = "[{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} {Level:u3}] {Message:lj}";

    private readonly TextWriter _writer;
    private readonly ITextFormatter _formatter;
    private readonly bool _json;
    private readonly bool _stackTraces;

    public TextWriterLogSink(TextWriter writer, ITextFormatter? json, bool stackTraces)
    {
        _writer = writer;
        _json = json is not null;
        _formatter = json ?? new MessageTemplateTextFormatter(TextTemplate + (stackTraces ? "{NewLine}{Exception}" : ""), CultureInfo.InvariantCulture);
        _stackTraces = stackTraces;
    }

    public void Emit(LogEvent logEvent)
    {
        lock (_writer)
        {
            _formatter.Format(logEvent, _writer);
            if (!_json && !_stackTraces)
            {
                if (logEvent.Exception is { } exception) _writer.Write($" ({Messages(exception)})");
                _writer.WriteLine();
            }

            _writer.Flush();
        }
    }

    private static string Messages(Exception exception)
    {
        var messages = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var message = string.Join(' ', e.Message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (!messages.Contains(message)) messages.Add(message);
        }

        return string.Join(": ", messages);
    }
}
