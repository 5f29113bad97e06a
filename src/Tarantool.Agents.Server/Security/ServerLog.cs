using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Tarantool.Agents.Server.Security;

/// <summary>
/// The service's Serilog logger: what <c>Server:Log</c> asks for, written to the given stream. ASP.NET Core's own
/// per-request lines stay at Warning (the request log replaces them, and they would print query strings).
/// </summary>
internal static class ServerLog
{
    public static Serilog.Core.Logger Create(ServerLogOptions options, TextWriter? writer)
    {
        var level = Enum.TryParse<LogEventLevel>(options.Level, ignoreCase: true, out var parsed) ? parsed : LogEventLevel.Information;
        var debugging = level <= LogEventLevel.Debug;
        var framework = debugging ? level : LogEventLevel.Warning;
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .MinimumLevel.Override("Microsoft", framework)
            .MinimumLevel.Override("System", framework)
            // A host that fails to start (invalid settings, a port in use) throws to its caller, which reports it in
            // one line; the host's own log of the same failure would only repeat it with a stack trace.
            .MinimumLevel.Override("Microsoft.Extensions.Hosting", debugging ? level : LogEventLevel.Fatal)
            .Enrich.FromLogContext();
        if (writer is null) return configuration.CreateLogger();
        var json = options.Format == ServerLogOptions.Json ? new CompactJsonFormatter() : null;
        return configuration.WriteTo.Sink(new TextWriterLogSink(writer, json, stackTraces: debugging)).CreateLogger();
    }
}
