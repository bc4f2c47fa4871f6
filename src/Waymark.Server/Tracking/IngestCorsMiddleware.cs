using Microsoft.AspNetCore.Http;

namespace Waymark.Server.Tracking;

/// <summary>Lets web pages on any origin send to the ingestion routes (and only those): their one credential is the
/// write key, answers carry nothing secret, and no cookie is read (ASVS 3.4.2).</summary>
internal sealed class IngestCorsMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<WriteKeyEndpoint>() is not null)
        {
            var headers = context.Response.Headers;
            headers.AccessControlAllowOrigin = "*";
            if (HttpMethods.IsOptions(context.Request.Method))
            {
                headers.AccessControlAllowMethods = "POST, OPTIONS";
                headers.AccessControlAllowHeaders = $"Authorization, Content-Type, Content-Encoding, {WriteKeyCredentials.Header}";
                headers.AccessControlMaxAge = "86400";
            }
        }

        return next(context);
    }
}
