using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Waymark.Server.Errors;

/// <summary>Turns exceptions into problem details: malformed JSON (400, with its path), bodies over the limit (413),
/// an unreachable store (503 with Retry-After), anything else 500 — never a stack trace.</summary>
internal sealed partial class WaymarkExceptionHandler(ILogger<WaymarkExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, message, fields) = Classify(exception);
        if (status >= 500)
        {
            LogFailure(logger, exception, code, httpContext.Request.Method, httpContext.Request.Path);
        }

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (fields is not null)
        {
            extensions["errors"] = fields;
        }

        httpContext.Response.StatusCode = status;
        await Results.Problem(detail: message, statusCode: status, extensions: extensions).ExecuteAsync(httpContext);
        return true;
    }

    private static (int Status, string Code, string Message, Dictionary<string, string[]>? Fields) Classify(Exception exception)
    {
        switch (exception)
        {
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                return (413, "request.too-large", "The request body is larger than the server accepts.", null);
            case BadHttpRequestException { InnerException: JsonException json }:
                var path = json.Path ?? "$";
                return (400, "request.invalid-json", $"The body is not valid for this endpoint at {path}: {FirstSentence(json.Message)}", new() { [path] = [FirstSentence(json.Message)] });
            case BadHttpRequestException bad:
                return (bad.StatusCode, "request.invalid", bad.Message, null);
            case DbException or TimeoutException or System.Net.Sockets.SocketException:
                return (503, "store.unavailable", "The data store is not reachable right now; nothing was changed. Try again shortly.", null);
            case InvalidOperationException { InnerException: DbException or System.Net.Sockets.SocketException or TimeoutException }:
                return (503, "store.unavailable", "The data store is not reachable right now; nothing was changed. Try again shortly.", null);
            default:
                return (500, "server.error", "Something went wrong on the server; it has been logged.", null);
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Error, Message = "Request {Method} {Path} failed ({Code})")]
    private static partial void LogFailure(ILogger logger, Exception exception, string code, string method, string path);
}
