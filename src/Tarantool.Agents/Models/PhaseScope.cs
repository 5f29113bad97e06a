namespace Tarantool.Agents.Models;

/// <summary>
/// The phase on whose behalf the current async flow calls the model, so middleware can attribute usage without
/// putting anything into the request that would be sent to a provider.
/// </summary>
public static class PhaseScope
{
    private static readonly AsyncLocal<string?> CurrentKey = new();

    public static string? Current => CurrentKey.Value;

    public static IDisposable Enter(string phaseKey)
    {
        var previous = CurrentKey.Value;
        CurrentKey.Value = phaseKey;
        return new Exit(previous);
    }

    private sealed class Exit(string? previous) : IDisposable
    {
        public void Dispose() => CurrentKey.Value = previous;
    }
}
