using System.CommandLine;
using System.Globalization;
using Nuit.Portfolio.Features.Ledger;

namespace Nuit.Portfolio.Cli.Commands;

/// <summary>nuit actions — the follow-up ledger: action points with owners, due dates and follow-ups.</summary>
public static class ActionCommands
{
    public static void AddTo(RootCommand root)
    {
        var open = new Option<bool>("--open") { Description = "Bare åpne og påbegynte aksjonspunkter." };
        var overdue = new Option<bool>("--overdue") { Description = "Bare de som har passert fristen." };
        var owner = new Option<string?>("--owner") { Description = "Hvem som skal følge opp, f.eks. NHN, KS, RHF, Sekretariatet." };
        var status = new Option<string?>("--status") { Description = "open, in-progress, closed eller dropped." };
        var item = new Option<string?>("--item") { Description = "Et element i veikartet (SFM, 1A, M1): aksjonspunkter i saker som berørte det." };
        var meeting = new Option<string?>("--meeting") { Description = "Aksjonspunkter fra møtet, f.eks. 1/2025." };
        var limit = new Option<int?>("--limit") { Description = "Høyst så mange rader." };
        var actions = new Command("actions", "Aksjonspunktene med ansvarlig, frist og oppfølging; forfalte først.")
            { open, overdue, owner, status, item, meeting, limit };
        actions.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var rows = await sender.Send(new ListActionPoints
            {
                OpenOnly = parse.GetValue(open),
                OverdueOnly = parse.GetValue(overdue),
                Owner = parse.GetValue(owner),
                Status = parse.GetValue(status),
                Item = parse.GetValue(item),
                Meeting = parse.GetValue(meeting),
                Limit = parse.GetValue(limit),
            }, token);
            if (format == OutputFormat.Json)
            {
                Output.WriteJson(rows.Select(r => new
                {
                    r.Id, r.Case, r.Meeting, r.Text, r.Owners, r.Due, r.DueText, r.Status, r.ClosedOn, r.Overdue, r.AgeDays, r.AgeMeetings,
                    r.FollowUps, r.Version,
                }));
                return;
            }
            Output.WriteTable(["Id", "Sak", "Møte", "Ansvarlig", "Frist", "Status", "Alder", "Oppfølging", "Aksjonspunkt"], rows.Select(r => new[]
            {
                r.Id.ToString(CultureInfo.InvariantCulture), r.Case, r.Meeting, string.Join(", ", r.Owners),
                (r.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? r.DueText ?? "–") + (r.Overdue ? " (forfalt)" : ""),
                r.Status,
                r.AgeMeetings is { } m ? string.Create(CultureInfo.InvariantCulture, $"{m} møter, {r.AgeDays} d") : "",
                string.Join("; ", r.FollowUps.Select(f => $"{f.Case} ({f.State})")),
                r.Text.Length > 80 ? r.Text[..79] + "…" : r.Text,
            }));
        }, ct));
        root.Subcommands.Add(actions);
    }
}
