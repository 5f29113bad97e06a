using Microsoft.Extensions.AI;
using Microsoft.Playwright;
using Tarantool.Agents.Expert;
using Tarantool.Agents.Tests.Server.Runs;
using static Microsoft.Playwright.Assertions;

namespace Tarantool.Agents.Tests.Page;

/// <summary>
/// The page when a run does not simply succeed, in headless chromium: a phase the model keeps answering wrongly shows
/// as failed with the reason, the phases after it as skipped; a running run is stopped with the cancel button.
/// </summary>
public sealed class PageRunControlTests
{
    private const float RunTimeout = 240_000;

    private const string Description = "Orders database for an online shop: 300 GB of data, 40k reads and 5k writes per second, on AWS.";

    [ChromiumFact]
    public async Task A_phase_that_fails_shows_failed_with_its_reason_and_the_run_its_error()
    {
        // The embedded expert for every phase but monitoring, whose every answer is not JSON.
        var expert = new TarantoolExpertChatClient();
        var model = new TestChatClient
        {
            Respond = (messages, options, cancellationToken) => CountingExpert.PhaseOf(messages) == "monitoring"
                ? Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "Sorry, I cannot help with monitoring today.")))
                : expert.GetResponseAsync(messages, options, cancellationToken),
        };
        await using var server = await ServedService.StartAsync(model: model);
        await using var context = await Chromium.ContextAsync(server.BaseAddress, "en-US");
        var page = await context.NewPageAsync();
        await StartAsync(page);

        var monitoring = page.Locator("#phases li[data-key='monitoring']");
        await Expect(monitoring).ToHaveAttributeAsync("data-status", "failed", new() { Timeout = RunTimeout });
        await Expect(page.Locator("#run-status")).ToHaveAttributeAsync("data-status", "failed", new() { Timeout = RunTimeout });
        var reason = (await monitoring.Locator(".reason").TextContentAsync())!;
        Assert.False(string.IsNullOrWhiteSpace(reason), "the failed phase shows why");
        await Expect(monitoring.Locator(".status")).ToHaveTextAsync("failed");
        await Expect(page.Locator("#phases li[data-key='capacity-planning'] .reason")).ToHaveCountAsync(0);
        // The run's error names the phase, in words, where API errors are shown.
        await Expect(page.Locator("#error")).ToBeVisibleAsync();
        await Expect(page.Locator("#error")).ToContainTextAsync("monitoring");
        await Expect(page.Locator("#cancel")).ToBeHiddenAsync();
        await Chromium.ScreenshotAsync(page, "run-failed-phase");
    }

    [ChromiumFact]
    public async Task The_cancel_button_stops_a_running_run()
    {
        var (model, _) = CountingExpert.Create(TimeSpan.FromSeconds(2));
        await using var server = await ServedService.StartAsync(model: model);
        await using var context = await Chromium.ContextAsync(server.BaseAddress, "en-US");
        var page = await context.NewPageAsync();
        await StartAsync(page);

        await Expect(page.Locator("#run-status")).ToHaveAttributeAsync("data-status", "running", new() { Timeout = RunTimeout });
        var cancel = page.GetByRole(AriaRole.Button, new() { Name = "Cancel the run" });
        await Expect(cancel).ToBeVisibleAsync();
        await cancel.ClickAsync();

        await Expect(page.Locator("#run-status")).ToHaveAttributeAsync("data-status", "cancelled", new() { Timeout = 60_000 });
        await Expect(page.Locator("#cancel")).ToBeHiddenAsync();
        await Expect(page.Locator("#phases li[data-key='deployment-automation']")).Not.ToHaveAttributeAsync("data-status", "succeeded");
        await Chromium.ScreenshotAsync(page, "run-cancelled");
    }

    private static async Task StartAsync(IPage page)
    {
        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-ready", "true");
        await page.GetByLabel("Description", new() { Exact = true }).FillAsync(Description);
        await page.GetByText("Parameters (optional)").ClickAsync();
        await page.GetByLabel("Cluster name", new() { Exact = true }).FillAsync("orders");
        await page.GetByLabel("Cluster type", new() { Exact = true }).SelectOptionAsync("sharded");
        await page.GetByLabel("Environment", new() { Exact = true }).SelectOptionAsync("production");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the cluster" }).ClickAsync();
        await Expect(page.Locator("#phases li")).ToHaveCountAsync(10);
    }
}
