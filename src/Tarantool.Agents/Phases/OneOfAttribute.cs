using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Tarantool.Agents.Phases;

/// <summary>
/// Restricts a string field of a phase output to the list a validator checks it against, named by the static member
/// that holds the list. The answer schema turns it into an <c>enum</c> (the schema builder reads
/// <see cref="AllowedValuesAttribute"/>), so the model sees exactly the values the validator accepts, and both read
/// one list: changing the list changes the contract and the check together.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class OneOfAttribute : AllowedValuesAttribute
{
    /// <param name="holder">The type declaring the list.</param>
    /// <param name="member">A static field or property of <paramref name="holder"/> holding the strings.</param>
    public OneOfAttribute(Type holder, string member)
        : base(Read(holder, member))
    {
        Holder = holder;
        Member = member;
    }

    /// <summary>The type declaring the list.</summary>
    public Type Holder { get; }

    /// <summary>The static member holding the list.</summary>
    public string Member { get; }

    /// <summary>The allowed strings, in the list's order.</summary>
    public IReadOnlyList<string> Strings => [.. Values.Cast<string>()];

    private static object?[] Read(Type holder, string member)
    {
        const BindingFlags Static = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
        var value = holder.GetField(member, Static)?.GetValue(null) ?? holder.GetProperty(member, Static)?.GetValue(null)
            ?? throw new InvalidOperationException($"{holder.Name}.{member} is not a static list of strings.");
        return [.. ((IEnumerable<string>)value).Cast<object?>()];
    }
}
