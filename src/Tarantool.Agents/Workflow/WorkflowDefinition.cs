using Tarantool.Agents.Agents;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Prompts;

namespace Tarantool.Agents.Workflow;

/// <summary>
/// The ten phases as loaded from <c>prompts/</c> and <c>agents/</c>, checked against each other and against the
/// typed outputs the code knows: a phase graph the engine can run.
/// </summary>
public sealed class WorkflowDefinition
{
    private readonly Dictionary<string, AgentDefinition> _agents;
    private readonly Dictionary<string, IPhaseOutputSpec> _outputs;

    public WorkflowDefinition(IEnumerable<PhasePrompt> phases, IEnumerable<AgentDefinition> agents, IEnumerable<IPhaseOutputSpec> outputs)
    {
        Phases = [.. phases.OrderBy(p => p.Id)];
        _agents = agents.ToDictionary(a => a.Name, StringComparer.Ordinal);
        _outputs = outputs.ToDictionary(o => o.Name, StringComparer.Ordinal);
        var errors = Check().ToList();
        if (errors.Count > 0) throw new WorkflowDefinitionException(errors);
    }

    /// <summary>Phases in the seed's order (by id), which is also a valid topological order.</summary>
    public IReadOnlyList<PhasePrompt> Phases { get; }

    public IReadOnlyCollection<AgentDefinition> Agents => _agents.Values;

    public PhasePrompt Phase(int id) => Phases.FirstOrDefault(p => p.Id == id)
        ?? throw new ArgumentOutOfRangeException(nameof(id), id, $"There is no phase {id}; phases are {Phases[0].Id}–{Phases[^1].Id}.");

    public AgentDefinition AgentOf(PhasePrompt phase) => _agents[phase.Agent];

    public IPhaseOutputSpec OutputOf(PhasePrompt phase) => _outputs[phase.Output];

    public IPhaseOutputSpec? FindOutput(string name) => _outputs.GetValueOrDefault(name);

    /// <summary>The phase and every phase it transitively depends on, in id order.</summary>
    public IReadOnlyList<PhasePrompt> Closure(int id)
    {
        var seen = new SortedSet<int>();
        var stack = new Stack<int>([id]);
        while (stack.Count > 0)
        {
            var next = stack.Pop();
            if (!seen.Add(next)) continue;
            foreach (var dep in Phase(next).DependsOn) stack.Push(dep);
        }

        return [.. seen.Select(Phase)];
    }

    /// <summary>A split phase declares exactly the parts its output assembles from, and a template for them.</summary>
    private IEnumerable<string> CheckParts(PhasePrompt phase)
    {
        if (phase.Parts.Count == 0 || !_outputs.TryGetValue(phase.Output, out var output)) yield break;
        if (output is not ISplitOutputSpec split)
        {
            yield return $"Phase {phase.Id} ({phase.Key}) declares parts, but its output {phase.Output} is not assembled from parts.";
            yield break;
        }
        if (string.IsNullOrWhiteSpace(phase.PartTemplate))
            yield return $"Phase {phase.Id} ({phase.Key}) declares parts but no partTemplate.";
        foreach (var duplicate in phase.Parts.GroupBy(p => p.Key).Where(g => g.Count() > 1))
            yield return $"Phase {phase.Id} ({phase.Key}) declares part '{duplicate.Key}' more than once.";
        var known = split.Parts.Select(p => p.Key).ToList();
        foreach (var unknown in phase.Parts.Select(p => p.Key).Except(known))
            yield return $"Phase {phase.Id} ({phase.Key}) declares part '{unknown}'; {phase.Output} has parts {string.Join(", ", known)}.";
        // The whole output is assembled from every part, so a part left out would leave a hole no validator forgives.
        foreach (var missing in known.Except(phase.Parts.Select(p => p.Key)))
            yield return $"Phase {phase.Id} ({phase.Key}) does not declare part '{missing}' of {phase.Output}.";
    }

    private IEnumerable<string> Check()
    {
        if (Phases.Count == 0) yield return "prompts/ holds no phase.";
        foreach (var duplicate in Phases.GroupBy(p => p.Id).Where(g => g.Count() > 1))
            yield return $"Phase id {duplicate.Key} is declared more than once.";
        foreach (var duplicate in Phases.GroupBy(p => p.Key).Where(g => g.Count() > 1))
            yield return $"Phase key '{duplicate.Key}' is declared more than once.";
        // Inputs reach a phase keyed by output name, so each output belongs to one phase.
        foreach (var duplicate in Phases.GroupBy(p => p.Output).Where(g => g.Count() > 1))
            yield return $"Output '{duplicate.Key}' is produced by more than one phase ({string.Join(", ", duplicate.Select(p => p.Key))}).";
        var ids = Phases.Select(p => p.Id).ToHashSet();
        foreach (var phase in Phases)
        {
            if (!_agents.ContainsKey(phase.Agent))
                yield return $"Phase {phase.Id} ({phase.Key}) names agent '{phase.Agent}', which agents/ does not define.";
            if (!_outputs.ContainsKey(phase.Output))
                yield return $"Phase {phase.Id} ({phase.Key}) names output '{phase.Output}'; known outputs: {string.Join(", ", _outputs.Keys.Order())}.";
            foreach (var tool in phase.Tools.Where(t => !Plugins.DomainPlugins.Names.Contains(t)))
                yield return $"Phase {phase.Id} ({phase.Key}) declares tool '{tool}'; known tools: {string.Join(", ", Plugins.DomainPlugins.Names)}.";
            foreach (var name in (phase.Request ?? []).Where(n => Requests.RequestFieldNames.Parse(n) is null))
                yield return $"Phase {phase.Id} ({phase.Key}) declares request field '{name}'; known fields: {string.Join(", ", Requests.RequestFieldNames.Names)}.";
            foreach (var error in CheckParts(phase)) yield return error;
            foreach (var dep in phase.DependsOn)
            {
                // Depending only on earlier ids keeps the graph acyclic and the seed's order a valid sequential order.
                if (!ids.Contains(dep)) yield return $"Phase {phase.Id} ({phase.Key}) depends on phase {dep}, which does not exist.";
                else if (dep >= phase.Id) yield return $"Phase {phase.Id} ({phase.Key}) depends on phase {dep}; a phase may depend only on earlier phases.";
            }
        }
    }
}
