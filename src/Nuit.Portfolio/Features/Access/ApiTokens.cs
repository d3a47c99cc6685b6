using System.Security.Cryptography;
using System.Text;

namespace Nuit.Portfolio.Features.Access;

/// <summary>The token text and its stored form: 32 random bytes, shown once; only their SHA-256 is kept.</summary>
internal static class ApiTokens
{
    /// <summary>A prefix lets secret scanners and people recognise a leaked token.</summary>
    public const string Prefix = "nuit_";

    public static string NewToken() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
