using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Requests;
using static Tarantool.Agents.Phases.Topology.TopologyVocabulary;

namespace Tarantool.Agents.Phases.Topology;

/// <summary>Users, secrets, TLS, the decisions and the diagram.</summary>
internal static class TopologySecurityRules
{
    /// <summary>Words a secret's name carries; a "secret" without any of them is most likely the password itself.</summary>
    private static readonly string[] SecretWords = ["password", "passwd", "secret", "token", "cred", "key", "pass"];

    /// <summary>Words a decision about network protection carries, in English or Russian.</summary>
    private static readonly string[] NetworkProtectionWords = ["private network", "security group", "NetworkPolicy", "firewall", "закрыт", "групп безопасности", "межсетев"];

    public static void Check(ClusterTopology topology, ClusterRequest request, List<ValidationIssue> issues)
    {
        CheckUsers(topology, request, issues);
        if (topology.IprotoTls && !IprotoTlsPolicy.Available(request))
            issues.Add(ValidationIssue.Error("topology.tls-edition",
                "iproto TLS (the ssl transport) exists only in Tarantool Enterprise Edition and Community Edition refuses a config that uses it; set iprotoTls false and protect the network instead, or target --edition enterprise.", "$.iprotoTls"));
        if (request.Environment == DeploymentEnvironment.Production && !topology.IprotoTls && IprotoTlsPolicy.Available(request))
            issues.Add(ValidationIssue.Warning("topology.tls",
                "Production traffic (clients and replication) should use iproto TLS on Enterprise Edition; if it is off, say how the network is protected instead.", "$.iprotoTls"));
        if (request.Environment != DeploymentEnvironment.Development && !topology.IprotoTls
            && !topology.Decisions.Any(d => NetworkProtectionWords.Any(w => d.Contains(w, StringComparison.OrdinalIgnoreCase))))
            issues.Add(ValidationIssue.Warning("topology.network-protection",
                "iproto is not encrypted: state how the network is protected (private network, security groups or firewall, NetworkPolicy on Kubernetes, a tunnel between sites).", "$.decisions"));
        CheckDecisions(topology, request, issues);
        CheckDiagram(topology, issues);
    }

    private static void CheckUsers(ClusterTopology topology, ClusterRequest request, List<ValidationIssue> issues)
    {
        foreach (var duplicate in topology.Users.GroupBy(u => u.Name).Where(g => g.Count() > 1))
            issues.Add(ValidationIssue.Error("topology.users", $"User '{duplicate.Key}' is listed twice.", "$.users"));
        for (var i = 0; i < topology.Users.Count; i++)
        {
            var user = topology.Users[i];
            var path = $"$.users[{i}]";
            if (!ValidName().IsMatch(user.Name.Replace('_', '-')))
                issues.Add(ValidationIssue.Error("topology.users", $"User name '{user.Name}' is invalid.", path + ".name"));
            if (user.Roles.Count == 0)
                issues.Add(ValidationIssue.Error("topology.users", $"User '{user.Name}' has no roles; grant the least it needs.", path + ".roles"));
            if (user.Roles.Any(r => r == "super") && user.Name != "admin")
                issues.Add(ValidationIssue.Error("topology.users", $"User '{user.Name}' has the 'super' role; grant only what it needs (least privilege).", path + ".roles"));
            var secret = user.PasswordSecret;
            if (string.IsNullOrWhiteSpace(secret) || !SecretName().IsMatch(secret)
                || !SecretWords.Any(w => secret.Contains(w, StringComparison.OrdinalIgnoreCase)))
                issues.Add(ValidationIssue.Error("topology.password-secret",
                    $"passwordSecret of '{user.Name}' must name the secret that holds the password (e.g. '{user.Name}_password', a config.context entry), never the password itself.",
                    path + ".passwordSecret"));
        }

        if (ClusterShape.IsCartridge(request)) return;
        if (topology.Replicasets.Any(r => r.Instances.Count > 1) && !topology.Users.Any(u => u.Roles.Contains("replication")))
            issues.Add(ValidationIssue.Error("topology.users", "Replicas authenticate as a user with the 'replication' role (replicator); add it.", "$.users"));
        // The 'sharding' role exists since 3.0; on 2.11 vshard authenticates with a replication-role user.
        if (ClusterShape.UsesVshard(request) && request.IsDeclarativeConfig && !topology.Users.Any(u => u.Roles.Contains("sharding")))
            issues.Add(ValidationIssue.Error("topology.users", "vshard routers and storages authenticate as a user with the 'sharding' role (storage); add it.", "$.users"));
    }

    private static void CheckDecisions(ClusterTopology topology, ClusterRequest request, List<ValidationIssue> issues)
    {
        if (topology.Decisions.Count == 0)
            issues.Add(ValidationIssue.Warning("topology.decisions", "State the design decisions (failover, placement, interpretation of the request).", "$.decisions"));
        else if (request.ReplicationMode == ReplicationMode.MasterMaster
                 && !topology.Decisions.Any(d => d.Contains("master", StringComparison.OrdinalIgnoreCase) || d.Contains("мастер", StringComparison.OrdinalIgnoreCase)))
            issues.Add(ValidationIssue.Warning("topology.decisions", "The request asks for master-master; state how it was interpreted and its conflict caveats.", "$.decisions"));
    }

    private static void CheckDiagram(ClusterTopology topology, List<ValidationIssue> issues)
    {
        var diagram = topology.MermaidDiagram ?? "";
        var first = diagram.TrimStart().Split('\n', 2)[0].Trim();
        if (diagram.Contains("```", StringComparison.Ordinal))
            issues.Add(ValidationIssue.Error("topology.diagram", "mermaidDiagram must be the bare diagram, without ``` fences.", "$.mermaidDiagram"));
        else if (!(first.StartsWith("flowchart", StringComparison.Ordinal) || first.StartsWith("graph", StringComparison.Ordinal)))
            issues.Add(ValidationIssue.Error("topology.diagram", "mermaidDiagram must be a Mermaid flowchart starting with 'flowchart TB' (or LR).", "$.mermaidDiagram"));
        else
        {
            var missing = topology.Replicasets.SelectMany(r => r.Instances).Where(n => !diagram.Contains(n.Name, StringComparison.Ordinal)).Select(n => n.Name).ToList();
            if (missing.Count > 0)
                issues.Add(ValidationIssue.Warning("topology.diagram", $"The diagram does not show {string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? "…" : "")}.", "$.mermaidDiagram"));
        }
    }
}
