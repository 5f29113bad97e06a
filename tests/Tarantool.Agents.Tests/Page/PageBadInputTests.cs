using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tarantool.Agents.Tests.Page;

/// <summary>What the page does with hostile or wrong input: markup stays text, API errors are shown in words.</summary>
public sealed class PageBadInputTests : IAsyncLifetime
{
    private const string ApiKey = "page-test-key";

    private ServedService _server = null!;

    public async Task InitializeAsync() => _server = await ServedService.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [ChromiumFact]
    public async Task Markup_and_script_in_the_description_are_shown_literally_and_never_run()
    {
        const string description =
            "Shop sessions <script>window.__pwned = 'script'</script> <img src=x onerror=\"window.__pwned = 'img'\"> "
            + "<b onmouseover=\"window.__pwned = 'hover'\">bold</b> [link](javascript:window.__pwned='link') 20 GB, 5k RPS";
        await using var context = await Chromium.ContextAsync(_server.BaseAddress, "en-US");
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-ready", "true");
        var scriptsBefore = await page.EvaluateAsync<int>("() => document.scripts.length");

        await page.GetByLabel("Description", new() { Exact = true }).FillAsync(description);
        await page.GetByText("Parameters (optional)").ClickAsync();
        await page.GetByLabel("Cluster name", new() { Exact = true }).FillAsync("shop");
        await page.GetByLabel("Cluster type", new() { Exact = true }).SelectOptionAsync("replicated");
        await page.GetByLabel("Environment", new() { Exact = true }).SelectOptionAsync("staging");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the cluster" }).ClickAsync();
        await Expect(page.Locator("#run-status")).ToHaveAttributeAsync("data-status", "succeeded", new() { Timeout = 240_000 });
        await Expect(page.Locator("#bundle")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        // The run shows the description as typed, character for character.
        Assert.Equal(description, await page.Locator("#run-description").TextContentAsync());
        await page.Locator("#run-description").HoverAsync();
        // Every narrative of the run, inserted into the page.
        foreach (var button in await page.Locator("[data-narrative]").AllAsync())
        {
            await button.ClickAsync();
            await Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
        }

        await page.Locator("#file-tree button.file[data-path='bundle.json']").ClickAsync();
        await Expect(page.Locator("#file-content")).ToContainTextAsync("window.__pwned");
        await Chromium.ScreenshotAsync(page, "bad-input-markup");

        Assert.Null(await page.EvaluateAsync<string?>("() => window.__pwned ?? null"));
        Assert.Empty(dialogs);
        Assert.Equal(scriptsBefore, await page.EvaluateAsync<int>("() => document.scripts.length"));
        Assert.Equal(0, await page.Locator("main img, main b, main a[href^='javascript']").CountAsync());
    }

    [ChromiumFact]
    public async Task An_api_error_is_shown_as_the_services_own_message()
    {
        // What the API says about this request, asked directly.
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };
        using var direct = await http.PostAsJsonAsync("/v1/runs", new Dictionary<string, object>
        {
            ["description"] = "A cache for the catalog.",
            ["cluster-name"] = "catalog",
            ["cluster-type"] = "replicated",
            ["environment"] = "staging",
            ["shard-count"] = -3,
        });
        Assert.Equal(400, (int)direct.StatusCode);
        using var error = JsonDocument.Parse(await direct.Content.ReadAsStringAsync());
        var message = error.RootElement.GetProperty("error").GetProperty("message").GetString()!;
        Assert.Contains("shard-count", message);

        await using var context = await Chromium.ContextAsync(_server.BaseAddress, "en-US");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-ready", "true");
        await page.GetByLabel("Description", new() { Exact = true }).FillAsync("A cache for the catalog.");
        await page.GetByText("Parameters (optional)").ClickAsync();
        await page.GetByLabel("Cluster name", new() { Exact = true }).FillAsync("catalog");
        await page.GetByLabel("Cluster type", new() { Exact = true }).SelectOptionAsync("replicated");
        await page.GetByLabel("Environment", new() { Exact = true }).SelectOptionAsync("staging");
        await page.GetByLabel("Shard count", new() { Exact = true }).FillAsync("-3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the cluster" }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToHaveTextAsync(message);
        await Expect(page.Locator("#run")).ToBeHiddenAsync();
        await Chromium.ScreenshotAsync(page, "bad-input-api-error");
        using var list = JsonDocument.Parse(await http.GetStringAsync("/v1/runs"));
        Assert.Equal(0, list.RootElement.GetProperty("data").GetArrayLength());
    }

    [ChromiumFact]
    public async Task When_the_api_wants_a_key_the_page_asks_for_it_keeps_it_in_the_tab_and_sends_it_as_bearer()
    {
        // The service's authentication answers 401 in the OpenAI shape; this stands in for it on /v1.
        var presented = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var server = await ServedService.StartAsync(app => app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/v1")) presented.Enqueue(http.Request.Headers.Authorization.ToString());
            if (http.Request.Path.StartsWithSegments("/v1") && http.Request.Headers.Authorization != "Bearer " + ApiKey)
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await http.Response.WriteAsJsonAsync(new { error = new { message = "Missing or invalid API key (Authorization: Bearer KEY).", type = "invalid_request_error", param = (string?)null, code = "invalid_api_key" } });
                return;
            }

            await next(http);
        }));
        await using var context = await Chromium.ContextAsync(server.BaseAddress, "en-US");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        var key = page.GetByLabel("API key for this service", new() { Exact = true });
        await Expect(key).ToBeFocusedAsync();
        await Expect(page.Locator("#key-message")).ToHaveTextAsync("Missing or invalid API key (Authorization: Bearer KEY).");
        await Chromium.ScreenshotAsync(page, "api-key-asked");
        await key.FillAsync("wrong-key");
        await page.Keyboard.PressAsync("Enter");
        // The refused key was sent, and the page asks again.
        await Expect(key).ToBeFocusedAsync();
        Assert.Contains("Bearer wrong-key", presented);
        await key.FillAsync(ApiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this key" }).ClickAsync();
        await Expect(key).ToBeHiddenAsync();
        await Expect(page.Locator("#runs li")).ToHaveTextAsync("No runs yet.");

        await page.GetByLabel("Description", new() { Exact = true }).FillAsync("A replicated staging cluster named keyed for the catalog, 5 GB.");
        await page.GetByText("Parameters (optional)").ClickAsync();
        await page.GetByLabel("Cluster name", new() { Exact = true }).FillAsync("keyed");
        await page.GetByLabel("Cluster type", new() { Exact = true }).SelectOptionAsync("replicated");
        await page.GetByLabel("Environment", new() { Exact = true }).SelectOptionAsync("staging");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the cluster" }).ClickAsync();
        await Expect(page.Locator("#run-status")).ToHaveAttributeAsync("data-status", "succeeded", new() { Timeout = 240_000 });
        await Expect(page.Locator("#phases li[data-status='succeeded']")).ToHaveCountAsync(10);
        await page.GetByRole(AriaRole.Button, new() { Name = "Capacity planning", Exact = true }).ClickAsync();
        await Expect(page.Locator("#narrative h1")).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download").ClickAsync());
        Assert.Equal("bundle.zip", download.SuggestedFilename);
        var saved = Path.Combine(ExternalTool.TempDirectory("page-key-download"), "bundle.zip");
        await download.SaveAsAsync(saved);
        using (var zip = System.IO.Compression.ZipFile.OpenRead(saved))
            Assert.Contains(zip.Entries, e => e.FullName.EndsWith("/bundle.json", StringComparison.Ordinal));

        Assert.Equal(ApiKey, await page.EvaluateAsync<string>("() => sessionStorage.getItem('tarantool-agents.api-key')"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.cookie.length"));
    }
}
