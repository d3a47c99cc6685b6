using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Web.Auth;

/// <summary>One authorization policy per role; a higher role passes every lower role's policy.</summary>
public static class Policies
{
    public const string Reader = nameof(AccessRole.Reader);
    public const string Editor = nameof(AccessRole.Editor);
    public const string Admin = nameof(AccessRole.Admin);

    /// <summary>The role names that satisfy a policy: the role itself and every role above it.</summary>
    public static string[] RolesAtLeast(AccessRole role) =>
        [.. Enum.GetValues<AccessRole>().Where(r => r >= role).Select(r => r.ToString())];
}
