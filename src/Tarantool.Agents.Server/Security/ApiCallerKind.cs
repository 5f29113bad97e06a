namespace Tarantool.Agents.Server.Security;

internal enum ApiCallerKind
{
    /// <summary>No keys are configured: everyone may call.</summary>
    Anonymous,

    /// <summary>An accepted key.</summary>
    Key,

    /// <summary>Keys are configured and the request carries none.</summary>
    MissingKey,

    /// <summary>Keys are configured and the request carries another key or another scheme.</summary>
    WrongKey,
}
