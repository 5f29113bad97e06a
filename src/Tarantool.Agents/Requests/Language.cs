namespace Tarantool.Agents.Requests;

/// <summary>The language of every narrative in a bundle.</summary>
public enum Language
{
    En,
    Ru,
}
