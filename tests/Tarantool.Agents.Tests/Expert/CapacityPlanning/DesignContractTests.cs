using System.Text.Json;
using Tarantool.Agents.Expert.CapacityPlanning;
using Tarantool.Agents.Expert.Topology;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Serialization;
using Tarantool.Agents.Validation;
using static Tarantool.Agents.Tests.Expert.CapacityPlanning.DesignRequests;

namespace Tarantool.Agents.Tests.Expert.CapacityPlanning;

/// <summary>The experts' answers meet the engine's own checks: the answer schema and the narrative validator.</summary>
public sealed class DesignContractTests
{
    [Fact]
    public void Answers_match_the_schema_and_narratives_pass_the_engine_checks_in_both_languages()
    {
        var problems = new List<string>();
        foreach (var request in Matrix())
        foreach (var language in new[] { Language.En, Language.Ru })
        {
            var capacity = new CapacityPlanningExpert().Answer(Context(request, language));
            var topology = new TopologyExpert().Answer(Context(request, language, capacity.Output));
            var name = $"{request.ClusterType}/{request.Environment}/{request.HaStrategy}/{request.ReplicationMode}/{request.TarantoolVersion}/{language}";
            problems.AddRange(AnswerSchemaValidator.Validate(CapacityPlanPhase.Spec, Answer(capacity.Output, capacity.Narrative)).Select(i => $"{name} capacity schema: {i}"));
            problems.AddRange(AnswerSchemaValidator.Validate(ClusterTopologyPhase.Spec, Answer(topology.Output, topology.Narrative)).Select(i => $"{name} topology schema: {i}"));
            problems.AddRange(NarrativeValidator.Validate(capacity.Narrative, CapacityPlanPhase.Sections, language).Select(i => $"{name} capacity narrative: {i}"));
            problems.AddRange(NarrativeValidator.Validate(topology.Narrative, ClusterTopologyPhase.Sections, language).Select(i => $"{name} topology narrative: {i}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    private static JsonElement Answer(object output, string narrative) =>
        JsonSerializer.SerializeToElement(new { output, narrative }, JsonDefaults.Indented);
}
