using System.Text.Json.Serialization;

namespace Nuit.Portfolio.Domain;

/// <summary>What someone may do. Each role includes the ones before it: an Editor also reads, an Admin also edits.</summary>
/// <remarks>Written by name in JSON ("Editor"), in and out: numbers would mean nothing to a script.</remarks>
[JsonConverter(typeof(JsonStringEnumConverter<AccessRole>))]
public enum AccessRole
{
    Reader = 1,
    Editor = 2,
    Admin = 3,
}

/// <summary>
/// A local account for the embedded default (organisations sign in with OpenID Connect instead and have no row here).
/// The password is stored only as an ASP.NET Core Identity hash.
/// </summary>
public sealed class UserAccount
{
    public int Id { get; set; }

    /// <summary>Stored in lower case: user names are compared without regard to case.</summary>
    public required string UserName { get; set; }

    public AccessRole Role { get; set; }
    public required string PasswordHash { get; set; }

    /// <summary>Set for a generated one-time password: the next sign-in must choose a new one.</summary>
    public bool MustChangePassword { get; set; }

    public bool Disabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>
/// A token for scripts and monitoring, sent as <c>Authorization: Bearer</c>. Only the SHA-256 of the token is kept,
/// so a copy of the database does not give access; the token itself is shown once when it is made.
/// </summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public AccessRole Role { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token text.</summary>
    public required string Hash { get; set; }

    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
