using Tarantool.Agents.Expert.Replication;
using Tarantool.Agents.Phases.Replication;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Tests.ClusterConfig;

namespace Tarantool.Agents.Tests.Expert.Replication;

public sealed class ReplicationExpertTests
{
    private static ReplicationPlan Design(ClusterRequest request) => new ReplicationExpert().Design(ClusterFixtures.Context(request));

    [Fact]
    public void Thresholds_follow_the_rpo()
    {
        var prod = Design(ClusterFixtures.ReplicatedMasterSlave());
        Assert.Equal((60, "backup-plan", 6.0, 30.0), (prod.RpoSeconds, prod.RpoSource, prod.LagWarningSeconds, prod.LagCriticalSeconds));
        var dev = Design(ClusterFixtures.SingleInstance());
        Assert.True(dev.LagCriticalSeconds <= 60 && dev.LagWarningSeconds < dev.LagCriticalSeconds);
    }

    [Fact]
    public void Modes_follow_the_topology()
    {
        var sharded = Design(ClusterFixtures.Sharded());
        Assert.All(sharded.Replicasets.Where(r => r.Name.StartsWith("storage")), r => Assert.Equal(("full-mesh", "synchronous", 2), (r.Topology, r.Mode, r.SynchroQuorum)));
        Assert.All(sharded.Replicasets.Where(r => r.Name.StartsWith("router")), r => Assert.Equal(("single", "none"), (r.Topology, r.Mode)));
        Assert.Contains(sharded.Failures, f => f.Key == "no-leader");

        var manual = Design(ClusterFixtures.ReplicatedManual()).Replicasets.Single();
        Assert.Equal(("asynchronous", "db-001-1"), (manual.Mode, manual.Writers.Single()));

        var mm = Design(ClusterFixtures.ReplicatedMasterMaster());
        Assert.Equal(3, mm.Replicasets.Single().Writers.Count);
        Assert.False(mm.SkipConflict);
    }

    [Theory]
    [InlineData(Language.En)]
    [InlineData(Language.Ru)]
    public void Narratives_have_the_required_sections_in_the_request_language(Language language)
    {
        foreach (var (name, request) in ClusterFixtures.Named())
        {
            var answer = new ReplicationExpert().Answer(ClusterFixtures.Context(request, language));
            NarrativeAssert.Shape(answer.Narrative, ReplicationPhase.Sections, language);
            var share = NarrativeAssert.CyrillicShare(answer.Narrative);
            if (language == Language.Ru) Assert.True(share > 0.6, $"{name}: Russian share {share:0.00}");
            else Assert.True(share < 0.01, $"{name}: Cyrillic in English narrative");
        }
    }
}
