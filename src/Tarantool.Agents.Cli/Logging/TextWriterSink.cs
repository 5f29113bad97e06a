using System.Globalization;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Tarantool.Agents.Cli.Logging;

/// <summary>
/// Writes log events to the command's error stream (a test captures it like a user's terminal does). A stack trace
/// helps whoever debugs the product, not whoever runs it: it is written only at Debug level or below; otherwise an
/// exception is its messages on the same line.
/// </summary>
internal sealed class TextWriterSink(TextWriter writer, bool stackTraces) : ILogEventSink
{
    private readonly MessageTemplateTextFormatter _formatter = new(
        stackTraces
            ? "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"
            : "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}",
        CultureInfo.InvariantCulture);

    public void Emit(LogEvent logEvent)
    {
        lock (writer)
        {
            _formatter.Format(logEvent, writer);
            if (stackTraces) return;
            if (logEvent.Exception is { } exception) writer.Write($" ({Messages(exception)})");
            writer.WriteLine();
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
