namespace Tarantool.Agents.Tests.Support;

/// <summary>
/// A fact that drives Debian's chromium (<see cref="Chromium.ExecutablePath"/>) through Playwright: skipped with the
/// reason when the browser is not installed, a failure under CI=true (like <see cref="ToolFactAttribute"/>).
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!Chromium.IsInstalled && !ExternalTool.IsCi)
            Skip = $"chromium is not installed at {Chromium.ExecutablePath} (apt-get install -y chromium); set CI=true to make this a failure.";
    }
}
