using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Headers;

namespace Tarantool.Agents.Server.Page;

/// <summary>
/// The language the page opens in: the browser's <c>Accept-Language</c> preference between Russian and English
/// (English when it names neither). Once a run is shown, the page switches to the run's language, which the service
/// detects from the description.
/// </summary>
internal static class PageLanguage
{
    public const string English = "en";
    public const string Russian = "ru";

    public static string From(HttpRequest request)
    {
        RequestHeaders headers;
        try
        {
            headers = request.GetTypedHeaders();
            foreach (var entry in headers.AcceptLanguage.OrderByDescending(l => l.Quality ?? 1.0))
            {
                if (entry.Quality is <= 0) continue;
                var tag = entry.Value.Value ?? "";
                if (tag.StartsWith(Russian, StringComparison.OrdinalIgnoreCase)) return Russian;
                if (tag.StartsWith(English, StringComparison.OrdinalIgnoreCase)) return English;
            }
        }
        catch (FormatException)
        {
            // A malformed header is the browser's problem, not a reason to refuse the page.
        }

        return English;
    }
}
