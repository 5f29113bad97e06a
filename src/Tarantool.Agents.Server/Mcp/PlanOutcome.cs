namespace Tarantool.Agents.Server.Mcp;

/// <summary>
/// Where a plan's bundle is: a folder for a local (stdio) plan, or a run of the service with its links. The bundle
/// folder is what the summary is read from; <see cref="ResourceUri"/> names a bundle file as the client reads it
/// through <c>resources/read</c>.
/// </summary>
/// <param name="BundleRoot">The bundle folder, or null when the run ended without one (failed or cancelled early).</param>
/// <param name="ResourceUri">The resource URI of a file given by its path inside the bundle.</param>
internal sealed record PlanOutcome(string? BundleRoot, Func<string, string> ResourceUri)
{
    /// <summary>The run's id (service runs only).</summary>
    public string? RunId { get; init; }

    /// <summary>The run's status when there is no bundle to read it from.</summary>
    public string? Status { get; init; }

    /// <summary>Links of the run on the service (<c>self</c>, <c>events</c>, <c>bundle</c>, <c>files</c>).</summary>
    public IReadOnlyDictionary<string, string>? Links { get; init; }

    /// <summary>Why the run failed, when it did.</summary>
    public string? Error { get; init; }
}
