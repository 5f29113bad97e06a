using System.Globalization;

namespace Tarantool.Agents.Phases.Deployment.Scripts;

/// <summary>The variables every script starts with; each can be overridden from the environment.</summary>
internal static class ScriptHeader
{
    public static string Variables(DeploymentPlan plan, bool withAppDir = true) =>
        Default("APP", "TT_APP", plan.AppName)
        + (withAppDir
            ? Default("APP_DIR", "TT_APP_DIR", DeploymentLayout.AppDir(plan.InstallDir, plan.AppName)) + "TT_CFG=\"${TT_CFG:-${APP_DIR}/tt.yaml}\"\n"
            : "")
        + Default("MAX_LAG", "MAX_LAG", plan.MaxReplicationLagSeconds.ToString("0.###", CultureInfo.InvariantCulture))
        + Default("START_TIMEOUT", "START_TIMEOUT", plan.StartTimeoutSeconds.ToString(CultureInfo.InvariantCulture));

    public static string Default(string name, string variable, string value) => $"{name}=\"${{{variable}:-{value}}}\"\n";
}
