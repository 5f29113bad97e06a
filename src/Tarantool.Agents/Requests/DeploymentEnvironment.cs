namespace Tarantool.Agents.Requests;

/// <summary>Where the cluster runs; drives durability, redundancy and alert severity.</summary>
public enum DeploymentEnvironment
{
    Development,
    Staging,
    Production,
}
