namespace Tarantool.Agents.Intake;

/// <summary>
/// A value offered by one source for one field: either usable, or rejected with a message saying what to change.
/// A rejected candidate still blocks nothing by itself; the merger reports it and falls through to lower sources.
/// </summary>
internal sealed record Candidate<T>(T Value, string? Error)
{
    public bool IsValid => Error is null;

    public static Candidate<T> Ok(T value) => new(value, null);

    public static Candidate<T> Rejected(string error) => new(default!, error);
}
