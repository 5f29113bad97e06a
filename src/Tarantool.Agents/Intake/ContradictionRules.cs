using Tarantool.Agents.Intake.Phrases;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Intake;

/// <summary>
/// Combinations of individually valid parameters that cannot describe one cluster. Each message names both
/// flags, where each value came from, and the change that resolves it.
/// </summary>
internal static class ContradictionRules
{
    public static IEnumerable<string> Check(ResolvedParameters p)
    {
        if (p.ClusterType is { } type)
        {
            foreach (var error in CheckAgainstType(p, type))
                yield return error;
        }

        // The kubernetes "cloud" is a Kubernetes cluster the user already runs: there are no virtual machines to deploy to.
        if (p.CloudProvider is { Value: CloudProvider.Kubernetes } cloud && p.Deployment is { Value: DeploymentForm.Vm } vm && vm.Source != ValueSource.Default)
        {
            yield return $"{Describe(RequestField.Deployment, vm)} contradicts {Describe(RequestField.CloudProvider, cloud)}: " +
                         "that platform is a Kubernetes cluster, with no virtual machines of its own. Use --deployment kubernetes, " +
                         "or name where the machines run (--cloud-provider on-premises, aws, azure or gcp) with --deployment vm.";
        }

        // Applies whatever the type: turning sharding on with a single shard buys nothing but vshard's overhead.
        if (p.EnableSharding.Value && p.ShardCount.Value < 2 && p.ClusterType?.Value is not (ClusterType.SingleInstance or ClusterType.Replicated))
        {
            yield return $"A sharded cluster needs at least 2 shards, but {Describe(RequestField.ShardCount, p.ShardCount)}. " +
                         "Set --shard-count 2 or more, or use --cluster-type replicated without sharding.";
        }
    }

    /// <summary>
    /// A replica count that distributed HA cannot keep its promise with: spread evenly over the sites (or a site's
    /// zones), losing the location with the most members must leave a Raft quorum, which an even count over three
    /// locations, or fewer than three members, never does. Refused here rather than by the topology phase later.
    /// </summary>
    public static IEnumerable<string> CheckAgainstShape(ResolvedParameters p, ClusterRequest request)
    {
        if (p.Replicas is not { } replicas || request.HaStrategy != HaStrategy.DistributedHa || !ClusterShape.UsesElection(request))
            yield break;
        var domains = ClusterShape.FailureDomains(request);
        if (ClusterShape.SurvivesLossOfOneDomain(replicas.Value, domains)) yield break;

        var where = ClusterShape.Sites(request) > 1 ? $"{domains} sites" : $"{domains} zones";
        var largest = (replicas.Value + domains - 1) / domains;
        var counts = Enumerable.Range(ParameterRules.MinReplicas, ParameterRules.MaxReplicas - ParameterRules.MinReplicas + 1)
            .Where(n => ClusterShape.SurvivesLossOfOneDomain(n, domains))
            .OrderBy(n => Math.Abs(n - replicas.Value)).ThenBy(n => n).Take(2).Order().ToList();
        var suggestion = counts.Count switch
        {
            0 => "",
            1 => $"--replicas {counts[0]}",
            _ => $"--replicas {counts[0]} or {counts[1]}",
        };
        yield return $"{Describe(RequestField.Replicas, replicas)} cannot keep a quorum under {Describe(RequestField.HaStrategy, p.HaStrategy)}: " +
                     $"spread over {where}, losing the one with {largest} member(s) leaves {replicas.Value - largest} of {replicas.Value}, " +
                     $"below the quorum of {replicas.Value / 2 + 1}. Use {(suggestion.Length > 0 ? suggestion + ", or " : "")}--ha-strategy active-failover " +
                     "(one site's failure is then survived by failing over, not by a quorum across sites).";
    }

    /// <summary>
    /// A flag that asks for Kubernetes while the description refuses it ("on-premises, no Kubernetes") describes two
    /// different installations; flags normally win over prose silently, but not over an explicit "no".
    /// </summary>
    public static IEnumerable<string> CheckAgainstProse(ResolvedParameters p, DescriptionReading prose)
    {
        if (prose.KubernetesRefused is not { } refusal)
            yield break;
        if (p.Deployment is { Value: DeploymentForm.Kubernetes, Source: ValueSource.Flag })
        {
            yield return $"{Describe(RequestField.Deployment, p.Deployment)} contradicts the description, which says '{refusal}'. " +
                         $"Drop --deployment kubernetes (or use --deployment vm) to deploy to virtual machines, or take '{refusal}' out of the description.";
        }
        else if (p.CloudProvider is { Value: CloudProvider.Kubernetes, Source: ValueSource.Flag })
        {
            yield return $"{Describe(RequestField.CloudProvider, p.CloudProvider)} contradicts the description, which says '{refusal}'. " +
                         $"Use --cloud-provider on-premises (or aws, azure, gcp) with --deployment vm, or take '{refusal}' out of the description.";
        }
    }

    private static IEnumerable<string> CheckAgainstType(ResolvedParameters p, Sourced<ClusterType> type)
    {
        var typeText = Describe(RequestField.ClusterType, type);
        switch (type.Value)
        {
            case ClusterType.SingleInstance or ClusterType.Replicated when p.EnableSharding.Value:
                yield return $"{Describe(RequestField.EnableSharding, p.EnableSharding)} contradicts {typeText}: " +
                             $"a {SeedSpellings.Spell(type.Value)} cluster has a single replicaset and nothing to shard. " +
                             "Use --cluster-type sharded (or cartridge, or multi-region with vshard), or set --enable-sharding false.";
                break;
            case ClusterType.Sharded when !p.EnableSharding.Value:
                yield return $"{typeText} contradicts {Describe(RequestField.EnableSharding, p.EnableSharding)}: " +
                             "a sharded cluster splits its data with vshard. Drop --enable-sharding false, " +
                             "or use --cluster-type replicated for a single replicaset.";
                break;
        }

        if (type.Value == ClusterType.SingleInstance && p.ReplicationMode.Value == ReplicationMode.MasterMaster)
        {
            yield return $"{Describe(RequestField.ReplicationMode, p.ReplicationMode)} contradicts {typeText}: " +
                         "master-master needs at least two instances. Use --cluster-type replicated, or --replication-mode master-slave.";
        }

        if (type.Value == ClusterType.SingleInstance && p.Replicas is { Value: > 1 } replicas)
        {
            yield return $"{Describe(RequestField.Replicas, replicas)} contradicts {typeText}: " +
                         "a single instance has no replicas. Use --cluster-type replicated (or sharded) for a replicaset of " +
                         $"{replicas.Value}, or drop --replicas.";
        }

        if (type.Value == ClusterType.SingleInstance && p.HaStrategy.Value == HaStrategy.DistributedHa)
        {
            yield return $"{Describe(RequestField.HaStrategy, p.HaStrategy)} contradicts {typeText}: " +
                         "a single instance has nothing to fail over to. Use --cluster-type replicated or multi-region, " +
                         "or drop --ha-strategy distributed-ha.";
        }

        // A count the user stated but nothing will use is a misunderstanding worth surfacing, not a harmless extra.
        if (p.ShardCount.Source != ValueSource.Default && p.ShardCount.Value > 1 && !p.EnableSharding.Value && type.Value != ClusterType.Sharded)
        {
            yield return $"{Describe(RequestField.ShardCount, p.ShardCount)} has no effect: sharding is off " +
                         $"({Describe(RequestField.EnableSharding, p.EnableSharding)}, {typeText}). " +
                         "Use --cluster-type sharded (or --enable-sharding true), or drop --shard-count.";
        }

        if (type.Value == ClusterType.Cartridge && Requests.TarantoolVersion.Parse(p.TarantoolVersion.Value).Major >= 3)
        {
            yield return $"{Describe(RequestField.TarantoolVersion, p.TarantoolVersion)} contradicts {typeText}: " +
                         $"Cartridge does not run on Tarantool 3.x. Set --tarantool-version {ImpliedDefaults.CartridgeVersion}, " +
                         "or use --cluster-type sharded or replicated, which Tarantool 3.x configures natively.";
        }
    }

    /// <summary>"--cluster-type replicated (from the command line)": the flag, its value and where it came from.</summary>
    private static string Describe<T>(RequestField field, Sourced<T> value)
    {
        var shown = value.Value switch
        {
            bool b => b ? "true" : "false",
            Enum e => SeedSpellings.Spell(e),
            var other => other?.ToString(),
        };
        var origin = value.Source switch
        {
            ValueSource.Flag => "from the command line",
            ValueSource.Text => "from the description",
            ValueSource.Model => "from the model's reading of the description",
            _ => "the default",
        };
        return $"{RequestFields.Flag(field)} {shown} ({origin})";
    }
}
