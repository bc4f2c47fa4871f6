using System.Security.Cryptography;
using Waymark.Application.Accounts;
using Waymark.Application.Storage;
using Waymark.Application.Workspaces;

namespace Waymark.Application.Demo;

/// <summary>Creates the demo account and workspace on a store that has no users yet.</summary>
public sealed class DemoWorkspaceSeeder(IAccountStore accounts, IJourneyStore journeys, IPasswordHasher hasher, TimeProvider clock)
{
    /// <summary>The demo account's address.</summary>
    public const string Email = "demo@waymark.local";

    /// <summary>Seeds when the demo account does not exist yet.</summary>
    /// <returns>The new account's password (random, shown once by the caller), or null when the account existed.</returns>
    public async Task<string?> SeedAsync(CancellationToken cancellationToken)
    {
        if (await accounts.FindByEmailAsync(Email, cancellationToken) is not null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var password = "demo-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var user = new User { Id = UserId.New(), Email = Email, DisplayName = "Demo user", PasswordHash = hasher.Hash(password), CreatedAt = now };
        var workspace = new Workspace(WorkspaceId.New(), "Demo: Northwind Fashion", now);
        if (!await accounts.CreateUserAsync(user, workspace, cancellationToken))
        {
            return null;
        }

        var (journey, personas) = DemoJourney.Create(workspace.Id, now);
        await journeys.InsertAsync(journey, personas, cancellationToken);
        return password;
    }
}
