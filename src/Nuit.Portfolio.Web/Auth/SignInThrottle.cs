using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Nuit.Portfolio.Web.Auth;

/// <summary>
/// Sign-in attempts per user name and address (ASP.NET Core's rate limiter, partitioned by both): guessing one
/// account's password is slowed to a few tries a minute without locking the real user out from elsewhere.
/// The middleware policy <see cref="AuthSetup.SignInRateLimit"/> limits an address across names.
/// </summary>
public sealed class SignInThrottle(IOptions<AuthOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.SignInAttemptsPerMinute),
            Window = TimeSpan.FromMinutes(1),
        }));

    /// <summary>False when this name from this address has used up its attempts for now.</summary>
    public bool TryAttempt(HttpContext context, string userName)
    {
        using var lease = _limiter.AttemptAcquire($"{context.Connection.RemoteIpAddress}|{userName.Trim().ToLowerInvariant()}");
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
