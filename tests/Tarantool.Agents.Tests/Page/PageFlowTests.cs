using System.IO.Compression;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tarantool.Agents.Tests.Page;

/// <summary>
/// The whole flow in headless chromium, as a person does it: describe, start, watch the ten phases succeed live,
/// read a narrative and a file, download the zip; in English and in Russian.
/// </summary>
public sealed class PageFlowTests : IAsyncLifetime
{
    /// <summary>A run of the ten phases on a shared two-core machine takes seconds to a minute or two.</summary>
    private const float RunTimeout = 240_000;

    private static readonly string[] PhaseKeys =
    [
        "capacity-planning", "topology", "backup-recovery", "configuration", "replication",
        "containers-orchestration", "monitoring", "dr-testing", "documentation", "deployment-automation",
    ];

    private ServedService _server = null!;

    public async Task InitializeAsync() => _server = await ServedService.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [ChromiumFact]
    public async Task An_English_description_is_planned_watched_browsed_and_downloaded()
    {
        await using var context = await Chromium.ContextAsync(_server.BaseAddress, "en-US");
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-ready", "true");

        await page.GetByLabel("Description", new() { Exact = true }).FillAsync(
            "Orders database for an online shop: 300 GB of data, 40k reads and 5k writes per second, on AWS, with backups kept for 14 days.");
        await page.GetByText("Parameters (optional)").ClickAsync();
        await page.GetByLabel("Cluster name", new() { Exact = true }).FillAsync("orders");
        await page.GetByLabel("Cluster type", new() { Exact = true }).SelectOptionAsync("sharded");
        await page.GetByLabel("Environment", new() { Exact = true }).SelectOptionAsync("production");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the cluster" }).ClickAsync();

        var runId = await WatchTheTenPhasesAsync(page, "flow-en");
        await Expect(page.Locator("#run-status")).ToHaveTextAsync("succeeded");

        // Browse: warnings, success criteria, a narrative rendered as HTML, a file's contents as text.
        await Expect(page.Locator("#criteria tbody tr").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Topology", Exact = true }).ClickAsync();
        await Expect(page.Locator("#narrative h1")).ToContainTextAsync("Cluster topology: orders");
        await Expect(page.Locator("#narrative table").First).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "flow-en-narrative");
        await page.Locator("#file-tree summary", new() { HasTextString = "tarantool/" }).ClickAsync();
        await page.Locator("#file-tree button.file[data-path='tarantool/config.yaml']").ClickAsync();
        await Expect(page.Locator("#file-path")).ToHaveTextAsync("tarantool/config.yaml");
        await Expect(page.Locator("#file-content")).ToContainTextAsync("replicasets:");
        await Chromium.ScreenshotAsync(page, "flow-en-file");

        await DownloadAndCheckAsync(page, "succeeded");
        await Expect(page.Locator($"#runs li[data-run='{runId}']")).ToHaveAttributeAsync("data-status", "succeeded");
        Assert.Empty(errors);
    }

    [ChromiumFact]
    public async Task A_Russian_description_turns_the_page_Russian_and_completes_the_same_flow()
    {
        // The browser prefers English: the run's language comes from the description.
        await using var context = await Chromium.ContextAsync(_server.BaseAddress, "en-US");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-ready", "true");

        await page.GetByLabel("Description", new() { Exact = true }).FillAsync(
            "Кластер для хранения пользовательских сессий интернет-магазина: 40 ГБ данных, чтение 20 тыс. RPS, запись 3 тыс. RPS, "
            + "своё железо, автоматическое переключение мастера, бэкапы храним 10 дней.");
        await page.GetByText("Parameters (optional)").ClickAsync();
        await page.GetByLabel("Cluster name", new() { Exact = true }).FillAsync("sessions");
        await page.GetByLabel("Cluster type", new() { Exact = true }).SelectOptionAsync("replicated");
        await page.GetByLabel("Environment", new() { Exact = true }).SelectOptionAsync("production");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the cluster" }).ClickAsync();

        await WatchTheTenPhasesAsync(page, "flow-ru");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await Expect(page.Locator("#run-status")).ToHaveTextAsync("готово");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Фазы" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Топология", Exact = true }).ClickAsync();
        await Expect(page.Locator("#narrative h1")).ToContainTextAsync("Топология кластера");
        await Chromium.ScreenshotAsync(page, "flow-ru-narrative");

        await DownloadAndCheckAsync(page, "succeeded", expectedLanguage: "ru");
    }

    /// <summary>Waits for the run to show its ten phases, all succeeded, and returns the run's id.</summary>
    private static async Task<string> WatchTheTenPhasesAsync(IPage page, string screenshot)
    {
        await Expect(page.Locator("#run")).ToBeVisibleAsync();
        await Expect(page.Locator("#phases li")).ToHaveCountAsync(PhaseKeys.Length);
        Assert.Equal(PhaseKeys, await page.Locator("#phases li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.key)"));
        foreach (var key in PhaseKeys)
        {
            await Expect(page.Locator($"#phases li[data-key='{key}']"))
                .ToHaveAttributeAsync("data-status", "succeeded", new() { Timeout = RunTimeout });
        }

        await Expect(page.Locator("#run-status")).ToHaveAttributeAsync("data-status", "succeeded", new() { Timeout = RunTimeout });
        await Expect(page.Locator("#bundle")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Chromium.ScreenshotAsync(page, screenshot + "-phases");
        return (await page.Locator("#run-id").TextContentAsync())!;
    }

    private static async Task DownloadAndCheckAsync(IPage page, string expectedStatus, string? expectedLanguage = null)
    {
        var link = page.Locator("#download");
        Assert.EndsWith("bundle.zip", await link.GetAttributeAsync("href"));
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = Path.Combine(ExternalTool.TempDirectory("page-download"), "bundle.zip");
        await download.SaveAsAsync(path);

        using var zip = ZipFile.OpenRead(path);
        var manifest = zip.Entries.SingleOrDefault(e => e.FullName.EndsWith("/bundle.json", StringComparison.Ordinal) && e.FullName.Count(c => c == '/') == 1);
        Assert.NotNull(manifest);
        using var stream = manifest.Open();
        using var json = await JsonDocument.ParseAsync(stream);
        Assert.Equal(expectedStatus, json.RootElement.GetProperty("status").GetString());
        if (expectedLanguage is not null)
            Assert.Equal(expectedLanguage, json.RootElement.GetProperty("language").GetString(), ignoreCase: true);
        Assert.Contains(zip.Entries, e => e.FullName.EndsWith("/tarantool/config.yaml", StringComparison.Ordinal));
    }
}
