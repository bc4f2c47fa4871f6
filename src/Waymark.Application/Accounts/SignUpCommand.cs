using Waymark.Application.Storage;
using Waymark.Application.Workspaces;

namespace Waymark.Application.Accounts;

/// <summary>Creates an account with a first workspace of its own; pending invitations for the address become memberships.</summary>
public sealed class SignUpCommand(IAccountStore accounts, IPasswordHasher hasher, TimeProvider clock)
{
    /// <summary>What a sign-up needs.</summary>
    /// <param name="Email">The sign-in address.</param>
    /// <param name="Password">The password, checked against <see cref="PasswordPolicy"/>.</param>
    /// <param name="DisplayName">How others see the user; 1 to 200 characters.</param>
    public sealed record Request(string Email, string Password, string DisplayName);

    /// <summary>Creates the account. Errors: <c>validation.failed</c>, <c>account.email-taken</c>.</summary>
    public async Task<Result<User>> HandleAsync(Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new Dictionary<string, string[]>();
        var email = EmailAddress.Normalize(request.Email);
        if (email is null)
        {
            problems["email"] = ["Enter an email address such as name@example.com."];
        }

        if (PasswordPolicy.Check(request.Password, request.Email ?? "") is { } passwordProblem)
        {
            problems["password"] = [passwordProblem];
        }

        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > 200)
        {
            problems["displayName"] = ["Enter a name of 1 to 200 characters."];
        }

        if (problems.Count > 0)
        {
            return Error.Invalid(problems);
        }

        var now = clock.GetUtcNow();
        var user = new User { Id = UserId.New(), Email = email!, DisplayName = request.DisplayName.Trim(), PasswordHash = hasher.Hash(request.Password), CreatedAt = now };
        var firstWorkspace = new Workspace(WorkspaceId.New(), $"{user.DisplayName}'s workspace", now);
        return await accounts.CreateUserAsync(user, firstWorkspace, cancellationToken)
            ? user
            : Error.Conflict("account.email-taken", "An account with this email address exists; sign in instead.");
    }
}
