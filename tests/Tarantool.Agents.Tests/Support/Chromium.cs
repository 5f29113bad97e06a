using Microsoft.Playwright;

namespace Tarantool.Agents.Tests.Support;

/// <summary>
/// One headless Debian chromium for the browser tests, driven by Playwright. Playwright's own browser downloads are
/// not used: the system browser is named by its path.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>Where screenshots go: <c>TestResults/screenshots</c> in the test output folder.</summary>
    public static string ScreenshotDirectory => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots")).FullName;

    /// <summary>The browser, launched on first use and shared by every test (a launch costs seconds).</summary>
    public static async Task<IBrowser> BrowserAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true }) return _browser;
            if (!IsInstalled) throw new InvalidOperationException($"chromium is required for this test: apt-get install -y chromium ({ExecutablePath} is missing).");
            if (_playwright is null)
            {
                // Assertions wait 5 s by default; a shared two-core machine under a full test run needs more.
                Assertions.SetDefaultExpectTimeout(20_000);
                _playwright = await Playwright.CreateAsync();
                // The test host ends without disposing statics; close the browser so no chromium outlives the run.
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                {
                    try
                    {
                        _browser?.CloseAsync().Wait(TimeSpan.FromSeconds(5));
                        _playwright?.Dispose();
                    }
                    catch (Exception)
                    {
                        // Best effort at process exit.
                    }
                };
            }

            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                // Containers often have a small /dev/shm; chromium then crashes tabs without this.
                Args = ["--disable-dev-shm-usage"],
            });
            return _browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A fresh context (cookies, storage, language) for one test.</summary>
    public static async Task<IBrowserContext> ContextAsync(Uri baseAddress, string locale)
    {
        var browser = await BrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = locale,
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    /// <summary>Saves a full-page screenshot under <see cref="ScreenshotDirectory"/> and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
