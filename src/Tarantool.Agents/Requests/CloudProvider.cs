namespace Tarantool.Agents.Requests;

/// <summary>Where the hosts come from; drives storage classes, backup targets and the deployment form.</summary>
public enum CloudProvider
{
    OnPremises,
    Aws,
    Azure,
    Gcp,
    Kubernetes,
}
