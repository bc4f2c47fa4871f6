namespace Waymark.Application.Accounts;

/// <summary>Hashes and checks passwords; the host supplies the framework's PBKDF2 hasher.</summary>
public interface IPasswordHasher
{
    /// <summary>A salted hash of the password.</summary>
    string Hash(string password);

    /// <summary>Whether the password matches; <paramref name="rehash"/> is true when the hash should be upgraded.</summary>
    bool Verify(string hash, string password, out bool rehash);
}
