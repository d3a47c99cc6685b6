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
        var output = new Option<string?>("--out") { Description = "Skriv listen til en Excel-fil (.xlsx) i stedet." };
        var actions = new Command("actions", "Aksjonspunktene med ansvarlig, frist og oppfølging; forfalte først.")
            { open, overdue, owner, status, item, meeting, limit, output };
        actions.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var filter = new ListActionPoints
            {
                OpenOnly = parse.GetValue(open),
                OverdueOnly = parse.GetValue(overdue),
                Owner = parse.GetValue(owner),
                Status = parse.GetValue(status),
                Item = parse.GetValue(item),
                Meeting = parse.GetValue(meeting),
                Limit = parse.GetValue(limit),
            };
            if (parse.GetValue(output) is { } file)
            {
                var path = await OutputFiles.WriteAsync(file, (await sender.Send(new ExportActionPoints(filter), token)).WriteTo, token);
                if (format == OutputFormat.Json) Output.WriteJson(new { file = path });
                else Console.Out.WriteLine($"Skrev {path}.");
                return;
            }
            var rows = await sender.Send(filter, token);
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

        var id = new Argument<int>("ID") { Description = "Aksjonspunktets id (fra nuit actions)." };
        var owners = new Option<string?>("--owner") { Description = "Ansvarlige, kommaseparert: \"NHN,KS\"." };
        var due = new Option<string?>("--due") { Description = "Frist, ISO-dato: 2025-06-30." };
        var noDue = new Option<bool>("--no-due") { Description = "Fjerner fristen." };
        var newStatus = new Option<string?>("--status") { Description = "open, in-progress, closed eller dropped." };
        var note = new Option<string?>("--note") { Description = "Merknad eller belegg." };
        var expected = new Option<Guid?>("--expected-version") { Description = "Versjonen du så; endret siden: exit 5." };
        var set = new Command("set", "Endrer ansvarlig, frist, status eller merknad.") { id, owners, due, noDue, newStatus, note, expected };
        set.SetAction((parse, ct) => RunEdit(parse, ct, new EditActionPoint(parse.GetValue(id))
        {
            Owners = parse.GetValue(owners)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            Due = parse.GetValue(due) is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            ClearDue = parse.GetValue(noDue),
            Status = parse.GetValue(newStatus),
            Note = parse.GetValue(note),
            ExpectedVersion = parse.GetValue(expected),
        }));
        actions.Subcommands.Add(set);

        var byCase = new Option<string?>("--by-case") { Description = "Den senere saken som lukket det: \"NUIT 5/25\"." };
        var close = new Command("close", "Lukker aksjonspunktet, med sak eller merknad som belegg.") { id, byCase, note, expected };
        close.SetAction((parse, ct) => RunEdit(parse, ct, new EditActionPoint(parse.GetValue(id))
        {
            Status = "closed", ClosedByCase = parse.GetValue(byCase), Note = parse.GetValue(note), ExpectedVersion = parse.GetValue(expected),
        }));
        actions.Subcommands.Add(close);

        var reopen = new Command("reopen", "Åpner et lukket aksjonspunkt igjen.") { id, expected };
        reopen.SetAction((parse, ct) => RunEdit(parse, ct, new EditActionPoint(parse.GetValue(id)) { Status = "open", ExpectedVersion = parse.GetValue(expected) }));
        actions.Subcommands.Add(reopen);

        var followups = new Command("followups", "Bekreft eller avvis at en senere sak følger opp et aksjonspunkt.");
        foreach (var confirm in new[] { true, false })
        {
            var action = new Option<int>("--action") { Description = "Aksjonspunktets id.", Required = true };
            var laterCase = new Option<string>("--case") { Description = "Den senere saken: \"NUIT 5/25\".", Required = true };
            var decide = new Command(confirm ? "confirm" : "reject", confirm ? "Bekrefter oppfølgingen." : "Avviser forslaget; det foreslås aldri igjen.")
                { action, laterCase, expected };
            decide.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
            {
                var row = await sender.Send(new DecideFollowUp(parse.GetValue(action), parse.GetValue(laterCase)!, confirm)
                    { ExpectedVersion = parse.GetValue(expected) }, token);
                if (format == OutputFormat.Json) Output.WriteJson(row);
                else Console.Out.WriteLine($"{row.Case} er {(confirm ? "bekreftet" : "avvist")} som oppfølging av aksjonspunkt {parse.GetValue(action)}.");
            }, ct));
            followups.Subcommands.Add(decide);
        }
        root.Subcommands.Add(followups);
    }

    private static Task<int> RunEdit(ParseResult parse, CancellationToken ct, EditActionPoint command) =>
        CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var result = await sender.Send(command, token);
            if (format == OutputFormat.Json) Output.WriteJson(result);
            else Console.Out.WriteLine($"Aksjonspunkt {result.Id}: {result.Status}{(result.ClosedOn is { } d ? $", lukket {d:yyyy-MM-dd} av {result.ClosedBy}" : "")}. Versjon {result.Version}.");
        }, ct);
}
