using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Waymark.Domain.Results;
using Waymark.Server.Errors;

namespace Waymark.Server.Auth;

/// <summary>Requires the antiforgery token (header <c>X-XSRF-TOKEN</c>) on every unsafe request that a session
/// cookie authenticates (OWASP ASVS 3.5.1). Token-authenticated and anonymous requests carry no ambient
/// credentials, so they need none.</summary>
internal sealed class AntiforgeryMiddleware(RequestDelegate next, IAntiforgery antiforgery)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var unsafeMethod = !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method));
        var writeKeyRoute = context.GetEndpoint()?.Metadata.GetMetadata<Tracking.WriteKeyEndpoint>() is not null;
        if (unsafeMethod && !writeKeyRoute && context.User.Identity is { IsAuthenticated: true, AuthenticationType: AuthSchemes.Cookie } && !await antiforgery.IsRequestValidAsync(context))
        {
            await ProblemResults.For(new Error("auth.antiforgery", $"Send the antiforgery token in the {AuthSchemes.AntiforgeryHeader} header (GET /api/v1/auth/antiforgery gives one).", ErrorKind.Validation)).ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
