namespace Tarantool.Agents.Phases;

/// <summary>
/// The frame of a split output has no checks of its own: its fields are checked where they have meaning, by the
/// whole output's validator once the frame and the parts are assembled (the engine runs it on every frame answer).
/// </summary>
internal sealed class FrameChecks<TFrame> : IPhaseValidator<TFrame> where TFrame : class
{
    public IEnumerable<ValidationIssue> Validate(TFrame output, PhaseContext context) => [];
}
