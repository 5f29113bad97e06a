using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases;

/// <summary>
/// What a phase's validator, renderer or expert sees: the request, the narrative language, the typed outputs of
/// the phases it declared as inputs (and only those) and the files those phases rendered.
/// </summary>
public sealed class PhaseContext
{
    private readonly IReadOnlyDictionary<string, object> _inputs;
    private readonly IReadOnlyDictionary<string, string> _inputFiles;

    public PhaseContext(
        ClusterRequest request,
        Language language,
        IReadOnlyDictionary<string, object> inputs,
        IReadOnlyDictionary<string, string>? inputFiles = null)
    {
        Request = request;
        Language = language;
        _inputs = inputs;
        _inputFiles = inputFiles ?? new Dictionary<string, string>();
    }

    public ClusterRequest Request { get; }

    public Language Language { get; }

    /// <summary>Output type names of the inputs available (e.g. <c>CapacityPlan</c>).</summary>
    public IEnumerable<string> InputNames => _inputs.Keys;

    /// <summary>Paths (relative to the bundle) of the files rendered by the input phases.</summary>
    public IEnumerable<string> InputFilePaths => _inputFiles.Keys;

    /// <summary>The typed output of an input phase; throws when the phase did not declare it.</summary>
    public T Get<T>() where T : class =>
        Find<T>() ?? throw new InvalidOperationException($"This phase has no input of type {typeof(T).Name}; declare its phase in dependsOn.");

    /// <summary>The typed output of an input phase, or null when it was not declared.</summary>
    public T? Find<T>() where T : class => _inputs.Values.OfType<T>().FirstOrDefault();

    /// <summary>A file rendered by an input phase (e.g. <c>tarantool/config.yaml</c>), or null.</summary>
    public string? FindFile(string path) => _inputFiles.TryGetValue(path, out var content) ? content : null;
}
