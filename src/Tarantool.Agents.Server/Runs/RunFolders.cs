namespace Tarantool.Agents.Server.Runs;

/// <summary>
/// A run's folder in the data dir: <c>runs/&lt;id&gt;/bundle</c> (written by the planner, with its checkpoints in
/// <c>bundle/.tarantool-agents/</c> while incomplete) and <c>runs/&lt;id&gt;/checkpoints</c>, each completed phase's
/// checkpoint kept after the run so a later run can reuse it.
/// </summary>
internal sealed class RunFolders(string dataDirectory, string id)
{
    public string Root { get; } = Path.Combine(Path.GetFullPath(dataDirectory), "runs", RunIds.IsWellFormed(id) ? id : throw new ArgumentException("Not a run id.", nameof(id)));

    public string Bundle => Path.Combine(Root, "bundle");

    /// <summary>Where the planner keeps checkpoints while the run is incomplete (it clears them once it completes).</summary>
    public string WorkingCheckpoints => Path.Combine(Bundle, Tarantool.Agents.Bundle.OutputDirectory.StateFolder, "checkpoints");

    public string KeptCheckpoints => Path.Combine(Root, "checkpoints");

}
