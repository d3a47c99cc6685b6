using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Access;

/// <summary>
/// Takes personal names out of audit entries for sharing: an author becomes their role ("Editor") when they have a
/// local account or token, else "anonymisert"; user names and meeting attendees named in a subject or a value are
/// replaced by "anonymisert". "system" is not a person and stays.
/// </summary>
internal sealed class Anonymiser
{
    public const string Anonymous = "anonymisert";

    private readonly Dictionary<string, string> _roles;
    private readonly Regex? _names;

    private Anonymiser(Dictionary<string, string> roles, IEnumerable<string> names)
    {
        _roles = roles;
        var distinct = names.Where(n => n.Length >= 3).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(n => n.Length).Select(Regex.Escape).ToList();
        // Longest first, so "Kari Nordmann" is replaced whole before "Kari" could be.
        if (distinct.Count > 0)
            _names = new Regex($@"(?<![\p{{L}}\p{{N}}])({string.Join('|', distinct)})(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    public static async Task<Anonymiser> LoadAsync(PortfolioDbContext db, CancellationToken ct)
    {
        var users = await db.UserAccounts.AsNoTracking().Select(u => new { u.UserName, u.Role }).ToListAsync(ct);
        var tokens = await db.ApiTokens.AsNoTracking().Select(t => new { t.Name, t.Role }).ToListAsync(ct);
        var attendees = await db.Attendances.AsNoTracking().Select(a => a.PersonName).Distinct().ToListAsync(ct);
        var roles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var u in users) roles[u.UserName] = u.Role.ToString();
        foreach (var t in tokens) roles["token:" + t.Name] = $"token ({t.Role})";
        return new Anonymiser(roles, users.Select(u => u.UserName).Concat(attendees.OfType<string>()));
    }

    public AuditEntry Apply(AuditEntry e) => e with
    {
        By = Author(e.By),
        Subject = Scrub(e.Subject),
        Old = Scrub(e.Old),
        New = Scrub(e.New),
    };

    private string Author(string by) =>
        by == "system" ? by : _roles.TryGetValue(by, out var role) ? role : Anonymous;

    private string? Scrub(string? text) => text is null || _names is null ? text : _names.Replace(text, Anonymous);
}
