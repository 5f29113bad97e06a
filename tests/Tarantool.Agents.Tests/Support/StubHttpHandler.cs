using System.Net;
using System.Text;

namespace Tarantool.Agents.Tests.Support;

/// <summary>An HTTP handler whose answer is a settable delegate; keeps the requests it saw.</summary>
internal sealed class StubHttpHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
{
    public List<string> Requests { get; } = [];

    public static StubHttpHandler Json(HttpStatusCode status, string body) =>
        new(_ => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests) Requests.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
        return Task.FromResult(respond(request));
    }
}
