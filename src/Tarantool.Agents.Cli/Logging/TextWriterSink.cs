using System.Globalization;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Tarantool.Agents.Cli.Logging;

/// <summary>Writes log events to the command's error stream (a test captures it like a user's terminal does).</summary>
internal sealed class TextWriterSink(TextWriter writer) : ILogEventSink
{
    private readonly MessageTemplateTextFormatter _formatter = new("[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}", CultureInfo.InvariantCulture);

    public void Emit(LogEvent logEvent)
    {
        lock (writer) _formatter.Format(logEvent, writer);
    }
}
