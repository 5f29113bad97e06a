using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Prompts;

/// <summary>A phase as declared in <c>prompts/NN-key.yaml</c>: its place in the graph and its template.</summary>
public sealed record PhasePrompt
{
    /// <summary>1–10, the seed's order.</summary>
    public required int Id { get; init; }

    /// <summary>Stable key such as <c>capacity-planning</c>; file names derive from it.</summary>
    public required string Key { get; init; }

    public required string Name { get; init; }

    /// <summary>Name of the agent (persona) that runs the phase.</summary>
    public required string Agent { get; init; }

    /// <summary>Ids of the phases whose typed outputs this phase consumes.</summary>
    public List<int> DependsOn { get; init; } = [];

    /// <summary>
    /// Names of the domain plugins (<c>capacity</c>, <c>topology</c>) whose functions this phase's agent may call as
    /// tools; a phase that declares none is sent none (every tool costs prompt tokens, and some endpoints refuse tools).
    /// </summary>
    public List<string> Tools { get; init; } = [];

    /// <summary>
    /// The request fields the phase's answer depends on, by the seed's names (<c>cluster-name</c>,
    /// <c>backup-retention-days</c>, <c>description</c>; see <see cref="RequestFieldNames"/>). The prompt's request
    /// block carries only these (and the language), so a change to another field leaves the prompt unchanged and the
    /// phase's earlier answer reusable; a model reading the block back cannot read any other. Null carries the whole
    /// request.
    /// </summary>
    public List<string>? Request { get; init; }

    /// <summary>The typed output's name, e.g. <c>CapacityPlan</c>.</summary>
    public required string Output { get; init; }

    /// <summary>
    /// A Semantic Kernel prompt template: the phase's one prompt, or, when the phase declares <see cref="Parts"/>,
    /// the prompt of its frame call (the output's remaining fields and the narrative, asked after the parts with their
    /// digest in the <c>parts</c> variable).
    /// </summary>
    public required string Template { get; init; }

    /// <summary>
    /// The parts the phase's output is asked in, one call each, run concurrently (see
    /// <see cref="Phases.ISplitOutputSpec"/>); empty for a phase asked in one call.
    /// </summary>
    public List<PhasePartPrompt> Parts { get; init; } = [];

    /// <summary>The template every part's prompt is rendered from (with the part's own variables); required with <see cref="Parts"/>.</summary>
    public string? PartTemplate { get; init; }

    /// <summary>The fields <see cref="Request"/> names (every field when it is null); names no field knows are ignored
    /// here and refused when the workflow loads.</summary>
    public CarriedFields DeclaredRequestFields() =>
        Request is null ? CarriedFields.All : Request.Aggregate(CarriedFields.None, (all, name) => all | (RequestFieldNames.Parse(name) ?? CarriedFields.None));

    /// <summary>File name of the phase's narrative and output: <c>01-capacity-planning</c>.</summary>
    public string FileStem => $"{Id:00}-{Key}";
}
