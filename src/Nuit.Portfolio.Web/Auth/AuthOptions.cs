namespace Nuit.Portfolio.Web.Auth;

/// <summary>The "Auth" settings section.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// The first admin's password, for tests and automated installs. Unset (the normal case), the first start
    /// generates a one-time password, prints it once, and asks for a new one at first sign-in.
    /// </summary>
    public string? InitialAdminPassword { get; set; }

    /// <summary>Sign-in attempts per minute for one user name from one address.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 5;

    public OidcOptions Oidc { get; set; } = new();
}

/// <summary>OpenID Connect for organisations; on when <see cref="Authority"/> is set.</summary>
public sealed class OidcOptions
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The claim in the ID token that carries the user's roles.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim with the name shown and written to the audit trail.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>The organisation's value for each role, when it differs from Reader / Editor / Admin.</summary>
    public Dictionary<string, string> RoleValues { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
