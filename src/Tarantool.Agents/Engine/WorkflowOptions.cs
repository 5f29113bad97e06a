using System.ComponentModel.DataAnnotations;

namespace Tarantool.Agents.Engine;

/// <summary>How the engine schedules phases.</summary>
public sealed class WorkflowOptions
{
    public const int DefaultMaxParallel = 4;

    /// <summary>Most phases running at once.</summary>
    [Range(1, 16)]
    public int MaxParallel { get; set; } = DefaultMaxParallel;

    /// <summary>Run phases one after another in the seed's order.</summary>
    public bool Sequential { get; set; }

    /// <summary>Reuse checkpointed phases whose inputs are unchanged.</summary>
    public bool Resume { get; set; }

    /// <summary>Answers a phase may get (the first plus repairs).</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = Models.ModelOptions.DefaultMaxAttempts;
}
