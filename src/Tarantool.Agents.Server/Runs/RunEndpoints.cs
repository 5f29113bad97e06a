using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Hosting;
using Tarantool.Agents.Bundle;
using Tarantool.Agents.Intake;

namespace Tarantool.Agents.Server.Runs;

/// <summary>The runs API under <c>/v1/runs</c>: submit, list, get, follow (SSE), fetch the bundle, cancel.</summary>
public static class RunEndpoints
{
    /// <summary>
    /// A run's body is a request and a description; the description is limited to
    /// <see cref="RequestParameters.MaxDescriptionBytes"/>, and JSON may spell each Cyrillic letter as six bytes.
    /// </summary>
    public const long MaxSubmissionBytes = 8L * RequestParameters.MaxDescriptionBytes;

    private const int DefaultPageSize = 20;
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>Maps the runs endpoints; needs <see cref="RunsHostingExtensions.AddRuns"/> on the builder.</summary>
    public static IEndpointRouteBuilder MapRuns(this IEndpointRouteBuilder routes)
    {
        var runs = routes.MapGroup("/v1/runs");
        runs.MapPost("", SubmitAsync);
        runs.MapGet("", ListAsync);
        runs.MapGet("/{id}", GetAsync);
        runs.MapDelete("/{id}", CancelAsync);
        runs.MapGet("/{id}/events", EventsAsync);
        runs.MapGet("/{id}/bundle.zip", ZipAsync);
        runs.MapGet("/{id}/files/{**path}", FileAsync);
        // Anything else under /v1/runs (a mistyped route, a path that normalised out of files/) is a JSON 404 too.
        routes.MapFallback("/v1/runs/{**rest}", () => RunErrors.NotFound("There is no such runs endpoint; see /v1/runs, /v1/runs/{id}, .../events, .../bundle.zip, .../files/{path}."));
        return routes;
    }

    internal static object Links(string id) => new
    {
        self = $"/v1/runs/{id}",
        events = $"/v1/runs/{id}/events",
        bundle = $"/v1/runs/{id}/bundle.zip",
        files = $"/v1/runs/{id}/files/",
    };

    private static async Task<IResult> SubmitAsync(HttpContext http, IRunService service, CancellationToken cancellationToken)
    {
        if (!http.Request.HasJsonContentType()) return RunErrors.BadRequest("The body must be JSON (Content-Type: application/json).");
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = MaxSubmissionBytes;
        if (http.Request.ContentLength > MaxSubmissionBytes) return RunErrors.TooLarge(MaxSubmissionBytes);

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Request.Body, new JsonDocumentOptions { MaxDepth = 8 }, cancellationToken);
        }
        catch (JsonException e)
        {
            return RunErrors.BadRequest($"The body is not valid JSON: {e.Message}");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return RunErrors.TooLarge(MaxSubmissionBytes);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return RunErrors.BadRequest("The body must be a JSON object of request parameters and a description, e.g. {\"cluster-name\": \"orders\", \"cluster-type\": \"sharded\", \"environment\": \"production\", \"description\": \"...\"}.");

            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            string description = "";
            string? language = null, reuseFrom = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var key = property.Name;
                if (!seen.Add(key)) return RunErrors.BadRequest($"'{key}' is given twice.", key);
                var isText = key is RequestParameters.Description or RequestParameters.Language or RunSubmissionFields.ReuseFrom;
                if (!isText && !RequestParameters.IsParameter(key))
                    return RunErrors.BadRequest(RequestParameters.UnknownKey(key, RunSubmissionFields.Extra), key);
                if (ValueOf(property.Value, allowScalars: !isText) is not { } value)
                    return RunErrors.BadRequest(isText ? $"'{key}' must be a string." : $"'{key}' must be a string, number or boolean.", key);
                switch (key)
                {
                    case RequestParameters.Description: description = value; break;
                    case RequestParameters.Language: language = value; break;
                    case RunSubmissionFields.ReuseFrom: reuseFrom = value; break;
                    default: parameters[key] = value; break;
                }
            }

            try
            {
                var run = await service.SubmitAsync(new RunSubmission(parameters, description, language, reuseFrom), cancellationToken);
                http.Response.Headers.Location = $"/v1/runs/{run.Id}";
                return Results.Json(new { id = run.Id, status = run.Status, links = Links(run.Id) }, RunJson.Options, statusCode: StatusCodes.Status202Accepted);
            }
            catch (RunInputException e)
            {
                return RunErrors.BadRequest(e.Message, e.Field);
            }
        }
    }

    private static string? ValueOf(JsonElement value, bool allowScalars) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number when allowScalars => value.GetRawText(),
        JsonValueKind.True when allowScalars => "true",
        JsonValueKind.False when allowScalars => "false",
        _ => null,
    };

    private static async Task<IResult> ListAsync(HttpContext http, IRunService service, CancellationToken cancellationToken)
    {
        var limit = DefaultPageSize;
        if (http.Request.Query["limit"] is { Count: > 0 } text && !int.TryParse(text.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out limit))
            return RunErrors.BadRequest($"limit must be a whole number between 1 and {RunService.MaxPageSize}.", "limit");
        var after = http.Request.Query["after"] is { Count: > 0 } a ? a.ToString() : null;
        try
        {
            var page = await service.ListAsync(limit, after, cancellationToken);
            return Results.Json(new { @object = "list", data = page.Data, has_more = page.HasMore, next = page.Next }, RunJson.Options);
        }
        catch (RunInputException e)
        {
            return RunErrors.BadRequest(e.Message, e.Field);
        }
    }

    private static async Task<IResult> GetAsync(string id, IRunService service, CancellationToken cancellationToken) =>
        await service.GetAsync(id, cancellationToken) is { } run ? Results.Json(run, RunJson.Options) : RunErrors.UnknownRun(id);

    private static async Task<IResult> CancelAsync(string id, IRunService service, CancellationToken cancellationToken)
    {
        if (await service.GetAsync(id, cancellationToken) is null) return RunErrors.UnknownRun(id);
        if (!await service.CancelAsync(id, cancellationToken))
            return RunErrors.Conflict($"The run '{id}' has already finished; there is nothing to cancel.", "run_finished");
        var run = await service.GetAsync(id, cancellationToken);
        return Results.Json(run, RunJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> EventsAsync(string id, HttpContext http, IRunService service, IHostApplicationLifetime lifetime)
    {
        if (await service.GetAsync(id, http.RequestAborted) is null) return RunErrors.UnknownRun(id);
        var lastEventId = http.Request.Headers["Last-Event-ID"].ToString();
        long after = 0;
        if (lastEventId.Length > 0 && (!long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out after)))
            return RunErrors.BadRequest("Last-Event-ID must be an event id (a whole number) this stream sent.", "Last-Event-ID");

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        // A stopping server ends the streams it serves instead of waiting for runs it no longer executes.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            await http.Response.Body.FlushAsync(stop.Token);
            await foreach (var item in service.WatchAsync(id, after, stop.Token))
            {
                await http.Response.WriteAsync(
                    $"id: {item.Sequence.ToString(CultureInfo.InvariantCulture)}\nevent: {item.Type}\ndata: {JsonSerializer.Serialize(item.Data, RunJson.Options)}\n\n",
                    stop.Token);
                await http.Response.Body.FlushAsync(stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        return Results.Empty;
    }

    private static async Task<IResult> ZipAsync(string id, IRunService service, CancellationToken cancellationToken)
    {
        var (bundle, error) = await BundleAsync(id, service, cancellationToken);
        if (error is not null) return error;
        var run = (await service.GetAsync(id, cancellationToken))!;
        var name = DefaultName(run) ?? id;
        // Bundles are a few hundred KiB: built in memory, so a failure is an error response, not half a zip.
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var path in BundleFiles(bundle!))
            {
                var entry = zip.CreateEntry(name + "/" + path, CompressionLevel.Optimal);
                using var target = entry.Open();
                await using var source = File.OpenRead(Path.Combine(bundle!, path));
                await source.CopyToAsync(target, cancellationToken);
            }
        }

        buffer.Position = 0;
        return Results.Stream(buffer, "application/zip", name + ".zip");
    }

    private static async Task<IResult> FileAsync(string id, string? path, IRunService service, CancellationToken cancellationToken)
    {
        var (bundle, error) = await BundleAsync(id, service, cancellationToken);
        if (error is not null) return error;
        var relative = Uri.UnescapeDataString(path ?? "");
        if (!IsSafeRelativePath(relative)) return RunErrors.NotFound($"'{Shorten(relative)}' is not a file of this bundle.", "path");
        var full = Path.GetFullPath(Path.Combine(bundle!, relative));
        var info = new FileInfo(full);
        if (!full.StartsWith(bundle + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !info.Exists || info.LinkTarget is not null)
            return RunErrors.NotFound($"'{Shorten(relative)}' is not a file of this bundle.", "path");
        if (!ContentTypes.TryGetContentType(info.Name, out var contentType)) contentType = "text/plain";
        if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType is "application/json" or "application/x-yaml") contentType += "; charset=utf-8";
        return Results.File(full, contentType);
    }

    /// <summary>
    /// A bundle path as the bundle names its files: relative, forward slashes, no empty or dot segments; never the
    /// planner's state folder (lock, checkpoints) or a half-written temporary file. Dot files (<c>.env.example</c>)
    /// are bundle files.
    /// </summary>
    internal static bool IsSafeRelativePath(string path)
    {
        if (path.Length is 0 or > 512 || path.Contains('\\') || path.Any(char.IsControl) || Path.IsPathRooted(path)) return false;
        var segments = path.Split('/');
        return segments.All(segment => segment.Length > 0 && segment is not ("." or ".."))
            && segments[0] != OutputDirectory.StateFolder
            && !AtomicFile.IsTemporary(segments[^1]);
    }

    /// <summary>Every file of a bundle, by relative path in ordinal order, without the planner's state folder.</summary>
    internal static IReadOnlyList<string> BundleFiles(string bundle) =>
        [.. Directory.EnumerateFiles(bundle, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(bundle, f).Replace('\\', '/'))
            .Where(IsSafeRelativePath)
            .Order(StringComparer.Ordinal)];

    private static async Task<(string? Bundle, IResult? Error)> BundleAsync(string id, IRunService service, CancellationToken cancellationToken)
    {
        if (await service.GetAsync(id, cancellationToken) is not { } run) return (null, RunErrors.UnknownRun(id));
        if (await service.BundlePathAsync(id, cancellationToken) is { } bundle) return (bundle, null);
        return (null, RunStatus.IsFinal(run.Status)
            ? RunErrors.NotFound($"The run '{id}' was {run.Status} before it wrote a bundle.")
            : RunErrors.Conflict($"The run '{id}' is {run.Status}; its bundle is ready when it finishes.", "run_not_finished"));
    }

    private static string? DefaultName(RunInfo run)
    {
        var name = run.Request.TryGetProperty("clusterName", out var n) ? n.GetString() : null;
        var environment = run.Request.TryGetProperty("environment", out var e) ? e.GetString() : null;
        return name is null || environment is null ? null : $"{name}-{environment}";
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "...";
}
