using YamlDotNet.RepresentationModel;
using static Tarantool.Agents.Phases.Containers.YamlText;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>The labels every object carries and the selectors built from them.</summary>
public static class KubernetesLabels
{
    public const string Replicaset = "tarantool.io/replicaset";
    public const string Role = "tarantool.io/role";
    public const string PodName = "statefulset.kubernetes.io/pod-name";

    public static YamlMappingNode Common(string ns) => Map(
        ("app.kubernetes.io/name", Str("tarantool")),
        ("app.kubernetes.io/instance", Str(ns)),
        ("app.kubernetes.io/managed-by", Str("kustomize")));

    public static YamlMappingNode ForWorkload(string ns, WorkloadPlan workload) => Map(
        ("app.kubernetes.io/name", Str("tarantool")),
        ("app.kubernetes.io/instance", Str(ns)),
        ("app.kubernetes.io/component", Str(workload.Role)),
        (Replicaset, Str(workload.Replicaset)),
        (Role, Str(workload.Role)));

    /// <summary>Every pod of one role across replicasets (all routers): one disruption budget and one spread rule for them.</summary>
    public static YamlMappingNode RoleSelector(string ns, string role) => Map(
        ("app.kubernetes.io/name", Str("tarantool")),
        ("app.kubernetes.io/instance", Str(ns)),
        (Role, Str(role)));

    /// <summary>Pods of one replicaset; immutable in a StatefulSet, so it never includes mutable labels.</summary>
    public static YamlMappingNode Selector(string ns, string replicaset) => Map(
        ("app.kubernetes.io/name", Str("tarantool")),
        ("app.kubernetes.io/instance", Str(ns)),
        (Replicaset, Str(replicaset)));
}
