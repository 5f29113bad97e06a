using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tarantool.Agents.Tests.Page;

/// <summary>The page as a person first meets it, in a real browser: its form, labels, language and keyboard order.</summary>
public sealed class PageLoadTests : IAsyncLifetime
{
    private static readonly string[] Parameters =
    [
        "Cluster name", "Cluster type", "Environment", "Cloud provider", "HA strategy", "Backup retention, days", "Sharding",
        "Replication mode", "Shard count", "Tarantool version", "Edition", "Deployment", "RPO (e.g. 30s, 15m)", "RTO (e.g. 5m, 1h)",
    ];

    private ServedService _server = null!;

    public async Task InitializeAsync() => _server = await ServedService.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [ChromiumFact]
    public async Task The_form_labels_the_description_and_every_parameter_and_offers_the_values_the_service_accepts()
    {
        await using var context = await Chromium.ContextAsync(_server.BaseAddress, "en-US");
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-ready", "true");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByLabel("Description", new() { Exact = true })).ToBeEditableAsync();
        await page.GetByText("Parameters (optional)").ClickAsync();
        foreach (var label in Parameters)
            await Expect(page.GetByLabel(label, new() { Exact = true })).ToBeVisibleAsync();
        var types = await page.GetByLabel("Cluster type", new() { Exact = true }).Locator("option").AllTextContentsAsync();
        Assert.Equal(["from the description or the default", "single-instance", "replicated", "cartridge", "sharded", "multi-region"], types);
        var versions = await page.GetByLabel("Tarantool version", new() { Exact = true }).Locator("option").AllTextContentsAsync();
        Assert.Contains("2.11", versions);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Plan the cluster" })).ToBeEnabledAsync();
        await Chromium.ScreenshotAsync(page, "page-form-en");
        Assert.Empty(errors);
    }

    [ChromiumFact]
    public async Task A_browser_that_prefers_Russian_gets_the_page_in_Russian_and_can_switch_to_English()
    {
        await using var context = await Chromium.ContextAsync(_server.BaseAddress, "ru-RU");
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await Expect(page.GetByLabel("Описание", new() { Exact = true })).ToBeEditableAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Спроектировать кластер" })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "page-form-ru");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByLabel("Description", new() { Exact = true })).ToBeEditableAsync();
    }

    [ChromiumFact]
    public async Task The_keyboard_reaches_the_description_the_parameters_and_the_button_in_reading_order()
    {
        await using var context = await Chromium.ContextAsync(_server.BaseAddress, "en-US");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-ready", "true");

        var order = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            order.Add(await page.EvaluateAsync<string>("() => document.activeElement.id || document.activeElement.tagName.toLowerCase() + ':' + document.activeElement.textContent.trim()"));
        }

        Assert.Equal(["button:English", "button:Русский", "description", "summary:Parameters (optional)", "submit", "runs-refresh"], order);

        // The parameters open from the keyboard, and the first one is next in line.
        await page.Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("p-cluster-name", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }
}
