using System.ComponentModel;

namespace Tarantool.Agents.Phases.Configuration;

/// <summary>iproto TLS (<c>iproto.listen[].params</c> with <c>transport: ssl</c>). Only file paths are configured.</summary>
public sealed record IprotoTlsSettings(
    [property: Description("True when client and replication traffic is encrypted.")] bool Enabled,
    [property: Description("Server certificate path on the host, e.g. /etc/tarantool/tls/server.crt.")] string CertFile,
    [property: Description("Private key path on the host; the key itself is provisioned out of band.")] string KeyFile,
    [property: Description("CA bundle used to verify peers.")] string CaFile,
    [property: Description("True: the ssl transport is a Tarantool Enterprise Edition feature.")] bool RequiresEnterpriseEdition);
