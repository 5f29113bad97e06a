namespace Tarantool.Agents.Phases.Configuration;

/// <summary>iproto TLS (<c>iproto.listen[].params</c> with <c>transport: ssl</c>). Only file paths are configured.</summary>
/// <param name="Enabled">True when client and replication traffic is encrypted.</param>
/// <param name="CertFile">Server certificate path on the host, e.g. <c>/etc/tarantool/tls/server.crt</c>.</param>
/// <param name="KeyFile">Private key path on the host; the key itself is provisioned out of band.</param>
/// <param name="CaFile">CA bundle used to verify peers.</param>
/// <param name="RequiresEnterpriseEdition">True: the ssl transport is a Tarantool Enterprise Edition feature.</param>
public sealed record IprotoTlsSettings(bool Enabled, string CertFile, string KeyFile, string CaFile, bool RequiresEnterpriseEdition);
