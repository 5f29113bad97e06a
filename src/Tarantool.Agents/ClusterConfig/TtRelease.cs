namespace Tarantool.Agents.ClusterConfig;

/// <summary>
/// The one tt release the bundle requires, stated in the setup guide, the systemd units, the orchestration narrative
/// and the point-in-time recovery guide. It is the oldest release that has every tt command and flag the bundle uses
/// (tarantool/tt CHANGELOG): <c>tt start --interactive</c> (2.4.0), <c>tt stop -y</c> (2.5.0) and the
/// <c>--timestamp</c> flag of <c>tt cat</c> and <c>tt play</c> that restore.sh and the PITR steps replay with (2.6.0).
/// </summary>
public static class TtRelease
{
    /// <summary>Oldest tt release line with every command and flag the bundle uses.</summary>
    public const string MinimumVersion = "2.6";

    /// <summary>The requirement as written in English prose.</summary>
    public const string Requirement = "tt " + MinimumVersion + " or newer";

    /// <summary>The requirement as written in Russian prose.</summary>
    public const string RequirementRu = "tt версии " + MinimumVersion + " или новее";
}
