namespace Nuit.Portfolio.Common;

/// <summary>
/// Who is making the change now, and through what: the only source of authorship. Commands carry no author fields;
/// the audit trail, status rows, link decisions and imports all read it here, so the same edit made in the browser,
/// through the API or the CLI differs only in <see cref="Via"/>.
/// </summary>
public interface ICurrentUser
{
    /// <summary>The name that goes into the audit trail.</summary>
    string Name { get; }

    /// <summary>The channel, one of <see cref="Channels"/>.</summary>
    string Via { get; }
}

/// <summary>The one vocabulary for <see cref="ICurrentUser.Via"/>: the same word for every edit made through the same channel.</summary>
public static class Channels
{
    /// <summary>A page in the browser (any form post outside /api).</summary>
    public const string Web = "web";

    /// <summary>The JSON API under /api, normally with a bearer token.</summary>
    public const string Api = "api";

    /// <summary>The `nuit` command line.</summary>
    public const string Cli = "cli";

    /// <summary>Background and scheduled work, and start-up seeding.</summary>
    public const string Job = "jobb";
}

/// <summary>
/// The scope's <see cref="ICurrentUser"/>. Each host says once, at the start of a scope, who acts: the web host from
/// the signed-in principal, the CLI the operating-system user, background work the person who queued it. Until then
/// it is the system itself (start-up seeding, scheduled jobs).
/// </summary>
public sealed class CurrentUser : ICurrentUser
{
    public const string SystemName = "system";

    public string Name { get; private set; } = SystemName;

    public string Via { get; private set; } = Channels.Job;

    public void Set(string name, string via)
    {
        Name = string.IsNullOrWhiteSpace(name) ? SystemName : name.Trim();
        Via = via;
    }
}
