using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Waymark.Application.Accounts;
using Waymark.Application.Storage;
using Waymark.Server.Errors;

namespace Waymark.Server.Auth;

/// <summary>Sign-up, sign-in, sign-out, the current user, the antiforgery token and personal API tokens.</summary>
internal static class AuthEndpoints
{
    public sealed record SignUpRequest(string Email, string Password, string DisplayName);

    public sealed record SignInRequest(string Email, string Password);

    public sealed record UserResponse(UserId Id, string Email, string DisplayName, string? AntiforgeryToken);

    public sealed record CreateTokenRequest(string Name);

    public sealed record AntiforgeryResponse(string? Token);

    public sealed record TokenResponse(ApiTokenId Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, string? Token);

    public static void MapAuthEndpoints(this IEndpointRouteBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Accounts")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/sign-up", async (SignUpRequest request, SignUpCommand command, IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken) =>
        {
            var result = await command.HandleAsync(new SignUpCommand.Request(request.Email, request.Password, request.DisplayName), cancellationToken);
            return result.IsSuccess ? await SignInAsync(context, antiforgery, result.Value, StatusCodes.Status201Created) : ProblemResults.For(result.Error);
        }).AllowAnonymous().Produces<UserResponse>(StatusCodes.Status201Created).RequireRateLimiting(RateLimits.SignIn);

        auth.MapPost("/sign-in", async (SignInRequest request, SignInCommand command, IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken) =>
        {
            var result = await command.HandleAsync(request.Email, request.Password, cancellationToken);
            return result.IsSuccess ? await SignInAsync(context, antiforgery, result.Value, StatusCodes.Status200OK) : ProblemResults.For(result.Error);
        }).AllowAnonymous().Produces<UserResponse>().RequireRateLimiting(RateLimits.SignIn);

        auth.MapPost("/sign-out", async (HttpContext context) =>
        {
            await context.SignOutAsync(AuthSchemes.Cookie);
            return Results.NoContent();
        }).RequireAuthorization();

        auth.MapGet("/me", async (HttpContext context, IAccountStore accounts, IAntiforgery antiforgery, CancellationToken cancellationToken) =>
        {
            var user = await accounts.GetAsync(CurrentUser.Require(context.User), cancellationToken);
            return user is null
                ? Results.Unauthorized()
                : Results.Ok(new UserResponse(user.Id, user.Email, user.DisplayName, antiforgery.GetAndStoreTokens(context).RequestToken));
        }).RequireAuthorization().Produces<UserResponse>();

        auth.MapGet("/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
            Results.Ok(new AntiforgeryResponse(antiforgery.GetAndStoreTokens(context).RequestToken))).AllowAnonymous().Produces<AntiforgeryResponse>();

        auth.MapGet("/tokens", async (HttpContext context, IAccountStore accounts, CancellationToken cancellationToken) =>
            Results.Ok((await accounts.ListTokensAsync(CurrentUser.Require(context.User), cancellationToken))
                .Select(token => new TokenResponse(token.Id, token.Name, token.CreatedAt, token.LastUsedAt, null)))).RequireAuthorization().Produces<IReadOnlyList<TokenResponse>>();

        auth.MapPost("/tokens", async (CreateTokenRequest request, HttpContext context, ApiTokens tokens, CancellationToken cancellationToken) =>
            ProblemResults.From(await tokens.CreateAsync(CurrentUser.Require(context.User), request.Name, cancellationToken),
                created => Results.Created($"/api/v1/auth/tokens/{created.Token.Id}", new TokenResponse(created.Token.Id, created.Token.Name, created.Token.CreatedAt, null, created.PlainText))))
            .RequireAuthorization().Produces<TokenResponse>(StatusCodes.Status201Created);

        auth.MapDelete("/tokens/{tokenId:guid}", async (Guid tokenId, HttpContext context, IAccountStore accounts, CancellationToken cancellationToken) =>
            await accounts.DeleteTokenAsync(CurrentUser.Require(context.User), new ApiTokenId(tokenId), cancellationToken) == WriteOutcome.Done
                ? Results.NoContent()
                : ProblemResults.For(Error.NotFound("token", "You have no API token with this id."))).RequireAuthorization();
    }

    private static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, User user, int status)
    {
        var principal = CurrentUser.Principal(user.Id, user.Email, AuthSchemes.Cookie);
        await context.SignInAsync(AuthSchemes.Cookie, principal);
        context.User = principal;
        var response = new UserResponse(user.Id, user.Email, user.DisplayName, antiforgery.GetAndStoreTokens(context).RequestToken);
        return status == StatusCodes.Status201Created ? Results.Created("/api/v1/auth/me", response) : Results.Ok(response);
    }
}
