namespace Tarantool.Agents.Requests;

/// <summary>The Tarantool edition the design targets; decides which options (iproto TLS among them) exist.</summary>
public enum Edition
{
    /// <summary>Tarantool Community Edition: the public image and packages; no iproto TLS.</summary>
    Community,

    /// <summary>Tarantool Enterprise Edition: iproto TLS and other EE-only options; the image is the user's own.</summary>
    Enterprise,
}
