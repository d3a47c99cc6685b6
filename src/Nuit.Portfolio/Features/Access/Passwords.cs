using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Access;

/// <summary>Password hashing (ASP.NET Core Identity's PBKDF2 format, with its own upgrade path) and one-time passwords.</summary>
internal static class Passwords
{
    public const int MinLength = 10;

    private static readonly PasswordHasher<UserAccount> Hasher = new();

    public static string Hash(UserAccount user, string password) => Hasher.HashPassword(user, password);

    /// <summary>True when the password fits; <paramref name="rehash"/> when the stored hash uses older settings.</summary>
    public static bool Verify(UserAccount user, string password, out bool rehash)
    {
        var result = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        rehash = result == PasswordVerificationResult.SuccessRehashNeeded;
        return result != PasswordVerificationResult.Failed;
    }

    /// <summary>16 characters from an alphabet without look-alikes (0/O, 1/l/I), easy to read off a console.</summary>
    public static string OneTime()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(16, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        });
    }

    public static string NormalizeName(string userName) => userName.Trim().ToLowerInvariant();
}
