using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Waymark.Server.Hosting;

/// <summary>Enforces the body limit (the endpoint's own, else the server's) before anything reads the body, so an
/// oversized request gets a 413 problem detail at once; Kestrel still cuts off chunked bodies that grow past it.</summary>
internal sealed class RequestSizeMiddleware(RequestDelegate next, WaymarkServerOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? options.MaxBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            await Results.Problem(
                detail: $"The request body is larger than the {limit} bytes this endpoint accepts.",
                statusCode: StatusCodes.Status413PayloadTooLarge,
                extensions: new Dictionary<string, object?> { ["code"] = "request.too-large" }).ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
