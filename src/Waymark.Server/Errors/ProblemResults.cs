using Microsoft.AspNetCore.Http;
using Waymark.Domain.Results;

namespace Waymark.Server.Errors;

/// <summary>The one place where errors become RFC 9457 problem details, with a stable <c>code</c>.</summary>
public static class ProblemResults
{
    /// <summary>The HTTP status for an error kind.</summary>
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>A problem-details result for <paramref name="error"/>.</summary>
    public static IResult For(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Fields.Count > 0)
        {
            extensions["errors"] = error.Fields;
        }

        foreach (var (key, value) in error.Details)
        {
            extensions[key] = value;
        }

        var result = Results.Problem(detail: error.Message, statusCode: StatusOf(error.Kind), title: TitleOf(error.Kind), extensions: extensions);
        return error.Details.TryGetValue("retryAfterSeconds", out var seconds) ? new WithRetryAfter(result, Convert.ToInt32(seconds, System.Globalization.CultureInfo.InvariantCulture)) : result;
    }

    /// <summary>A result for a use case's outcome: <paramref name="onSuccess"/> or the problem.</summary>
    public static IResult From<T>(Result<T> result, Func<T, IResult> onSuccess)
    {
        ArgumentNullException.ThrowIfNull(onSuccess);
        return result.IsSuccess ? onSuccess(result.Value) : For(result.Error);
    }

    private static string TitleOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => "The request is not valid.",
        ErrorKind.NotFound => "Not found.",
        ErrorKind.Conflict => "Conflict.",
        ErrorKind.Forbidden => "Your role does not allow this.",
        ErrorKind.Unauthorized => "Sign in first.",
        ErrorKind.TooManyRequests => "Too many requests.",
        ErrorKind.TooLarge => "The request is too large.",
        ErrorKind.UnsupportedMediaType => "Unsupported media type.",
        ErrorKind.Unavailable => "Unavailable; try again shortly.",
        _ => "Error.",
    };

    private sealed class WithRetryAfter(IResult inner, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
