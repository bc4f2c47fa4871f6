using Microsoft.AspNetCore.Identity;
using Waymark.Application.Accounts;

namespace Waymark.Server.Auth;

/// <summary>The framework's PasswordHasher (PBKDF2-HMAC-SHA512, 100,000 iterations in .NET 10).</summary>
internal sealed class FrameworkPasswordHasher : IPasswordHasher
{
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object Subject = new();

    public string Hash(string password) => Hasher.HashPassword(Subject, password);

    public bool Verify(string hash, string password, out bool rehash)
    {
        var result = Hasher.VerifyHashedPassword(Subject, hash, password);
        rehash = result == PasswordVerificationResult.SuccessRehashNeeded;
        return result != PasswordVerificationResult.Failed;
    }
}
