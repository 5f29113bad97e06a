using Tarantool.Agents.Intake;

namespace Tarantool.Agents.Tests.Intake;

/// <summary>Shorthand for resolving a description with a few command-line flags.</summary>
internal static class IntakeFixture
{
    public static IntakeResult Resolve(string description, params (string Name, string Value)[] flags) =>
        RequestIntake.Resolve(new IntakeInput(flags.ToDictionary(f => f.Name, f => f.Value), description));

    /// <summary>Flags only, as the CLI resolves them when the user gives no description.</summary>
    public static IntakeResult ResolveFlags(params (string Name, string Value)[] flags) => Resolve("", flags);

    /// <summary>The flags that make any description valid, so a test can focus on one field.</summary>
    public static (string, string)[] Required(params (string Name, string Value)[] extra) =>
        new[] { ("cluster-name", "orders"), ("cluster-type", "replicated"), ("environment", "production") }
            .Where(r => extra.All(e => e.Name != r.Item1))
            .Concat(extra)
            .ToArray();
}
