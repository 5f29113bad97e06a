namespace Tarantool.Agents.Server.Security;

/// <summary>
/// Section <c>Server:Log</c>: the service's own log (one structured line per request, plus what the service
/// components report), written to the error stream. Kept apart from <c>Logging:Level</c>, which suits a CLI run
/// (warnings only) but would hide every request line of a service.
/// </summary>
internal sealed class ServerLogOptions
{
    public const string Text = "text";

    public const string Json = "json";

    /// <summary>Serilog level name: Verbose, Debug, Information (default), Warning, Error, Fatal.</summary>
    public string Level { get; set; } = "Information";

    /// <summary><c>text</c> (one readable line per event) or <c>json</c> (compact JSON, one object per line, for log shippers).</summary>
    public string Format { get; set; } = Text;
}
