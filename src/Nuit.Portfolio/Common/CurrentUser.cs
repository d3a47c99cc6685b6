namespace Nuit.Portfolio.Common;

/// <summary>
/// Who is making the change now, so every handler records the real author without each host passing it:
/// the web host gives the signed-in user, the CLI the operating-system user, background jobs "system".
/// </summary>
public interface ICurrentUser
{
    /// <summary>The name that goes into the audit trail.</summary>
    string Name { get; }

    /// <summary>How the change comes in: "web", "api", "cli", "jobb".</summary>
    string Via { get; }
}

/// <summary>The default outside a request or a CLI command: jobs and start-up work.</summary>
public sealed class SystemUser : ICurrentUser
{
    public string Name => "system";
    public string Via => "jobb";
}
