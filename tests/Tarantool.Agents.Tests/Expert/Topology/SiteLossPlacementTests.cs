using System.Text.Json;
using Tarantool.Agents.Tests.Support;

namespace Tarantool.Agents.Tests.Expert.Topology;

/// <summary>
/// "Survive the loss of a region" is a placement property: every data replicaset keeps a quorum of voting members
/// after any one site is gone, which takes an odd number of voters over at least three sites (a voter in a third
/// site when the user named two). The site-loss drill then expects only what the placement delivers.
/// </summary>
public sealed class SiteLossPlacementTests
{
    public static TheoryData<string> Requests => new("two-named-regions-ru", "replicated-on-premises", "sharded-kubernetes");

    private static string[] Args(string name) => name switch
    {
        "two-named-regions-ru" => ["--cluster-name", "payments", "--cluster-type", "multi-region", "--environment", "production", "--cloud-provider", "azure", "--ha-strategy", "distributed-ha",
            "Платёжный кластер в двух регионах Azure, должен пережить потерю региона, 200 ГБ данных"],
        "replicated-on-premises" => ["--cluster-name", "kv", "--cluster-type", "replicated", "--environment", "production", "--ha-strategy", "distributed-ha", "Key-value store, 10 GB, survive the loss of a data centre"],
        _ => ["--cluster-name", "profiles", "--cluster-type", "sharded", "--environment", "production", "--cloud-provider", "gcp", "--ha-strategy", "distributed-ha", "--shard-count", "2", "Profiles, 100 GB"],
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Every_replicaset_keeps_a_quorum_after_losing_any_one_site(string name)
    {
        var bundle = await PlannedBundle.PlanAsync(Args(name));
        using var topology = JsonDocument.Parse(bundle["outputs/02-topology.json"]);
        var root = topology.RootElement;
        var quorum = root.GetProperty("election").GetProperty("synchroQuorum").GetInt32();
        // Sites are regions, or the zones (data centres) of a single region.
        var regions = root.GetProperty("regions").EnumerateArray().ToList();
        var byZone = regions.Count == 1;
        var sites = byZone
            ? regions[0].GetProperty("zones").EnumerateArray().Select(z => z.GetString()!).ToList()
            : regions.Select(r => r.GetProperty("name").GetString()!).ToList();
        Assert.True(sites.Count >= 3, string.Join(", ", sites));

        foreach (var rs in root.GetProperty("replicasets").EnumerateArray().Where(r => r.GetProperty("name").GetString()!.StartsWith("db-", StringComparison.Ordinal) || r.GetProperty("name").GetString()!.StartsWith("storage-", StringComparison.Ordinal)))
        {
            var voting = rs.GetProperty("instances").EnumerateArray()
                .Where(i => i.GetProperty("electionMode").GetString() is "candidate" or "voter" or "manual")
                .Select(i => (Region: i.GetProperty(byZone ? "zone" : "region").GetString()!, Candidate: i.GetProperty("electionMode").GetString() != "voter"))
                .ToList();
            Assert.True(voting.Count % 2 == 1, $"{rs.GetProperty("name")}: {voting.Count} voting members");
            Assert.True(voting.Select(v => v.Region).Distinct().Count() >= 3, $"{rs.GetProperty("name")} votes in fewer than three sites");
            foreach (var site in sites)
            {
                Assert.True(voting.Count(v => v.Region != site) >= quorum, $"{rs.GetProperty("name")} loses its quorum with {site}");
                Assert.Contains(voting, v => v.Region != site && v.Candidate);
            }
        }

        // The drill expects what the placement gives: the primary site's loss, survived by election.
        if (!byZone)
        {
            var drill = bundle["dr/drill-site-loss.sh"];
            Assert.Contains("EXPECT=\"${EXPECT:-elect}\"", drill, StringComparison.Ordinal);
            Assert.Contains($"REGION=\"${{1:-{sites[0]}}}\"", drill, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_third_site_member_is_a_voter_in_the_configuration()
    {
        var bundle = await PlannedBundle.PlanAsync(Args("two-named-regions-ru"));
        Assert.Contains("election_mode: voter", bundle["tarantool/config.yaml"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_two_region_cluster_that_cannot_survive_its_primary_drills_the_site_it_can_lose()
    {
        var bundle = await PlannedBundle.PlanAsync("--cluster-name", "mr", "--cluster-type", "multi-region", "--environment", "production", "--cloud-provider", "aws", "--ha-strategy", "active-failover", "Two regions, 20 GB");
        using var topology = JsonDocument.Parse(bundle["outputs/02-topology.json"]);
        var regions = topology.RootElement.GetProperty("regions").EnumerateArray().ToList();
        var primary = regions.First(r => r.GetProperty("primary").GetBoolean()).GetProperty("name").GetString()!;
        var secondary = regions.First(r => r.GetProperty("name").GetString() != primary).GetProperty("name").GetString()!;

        var drill = bundle["dr/drill-site-loss.sh"];
        Assert.Contains($"REGION=\"${{1:-{secondary}}}\"", drill, StringComparison.Ordinal);
        Assert.Contains("EXPECT=\"${EXPECT:-elect}\"", drill, StringComparison.Ordinal);
        Assert.Contains($"Losing {primary} is not survived automatically", bundle["dr/scenarios.yaml"], StringComparison.Ordinal);
    }
}
