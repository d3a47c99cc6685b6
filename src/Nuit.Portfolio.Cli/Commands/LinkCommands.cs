using System.CommandLine;
using System.Globalization;
using Nuit.Portfolio.Features.Linking;

namespace Nuit.Portfolio.Cli.Commands;

/// <summary>nuit cases --touching | links | search | history | aliases — each sends one request.</summary>
public static class LinkCommands
{
    public static void AddTo(RootCommand root)
    {
        root.Subcommands.Add(Cases());
        root.Subcommands.Add(Links());

        var text = new Argument<string>("TEKST") { Description = "Ord å søke etter; hvert ord finner også bøyde former." };
        var search = new Command("search", "Fritekstsøk i alle saker.") { text };
        search.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var hits = await sender.Send(new SearchCases(parse.GetValue(text)!), token);
            if (format == OutputFormat.Json) { Output.WriteJson(hits); return; }
            Output.WriteTable(["Sak", "Møtedato", "Tittel", "Utdrag"], hits.Select(h => new[] { h.Case, Iso(h.MeetingDate), h.Title, h.Snippet }));
        }, ct));
        root.Subcommands.Add(search);

        var caseKey = new Argument<string>("SAK") { Description = "Saken, f.eks. \"NUIT 31/24\"." };
        var history = new Command("history", "Viser kjeden av tidligere behandlinger av en sak, på tvers av organer.") { caseKey };
        history.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var chain = await sender.Send(new GetTreatmentChain(parse.GetValue(caseKey)!), token);
            if (format == OutputFormat.Json) { Output.WriteJson(chain); return; }
            foreach (var t in chain)
                Console.Out.WriteLine($"{new string(' ', t.Depth * 2)}{t.Case} {Iso(t.Date)} {t.Title}{(t.InRegister ? "" : " (ikke i registeret)")}");
        }, ct));
        root.Subcommands.Add(history);

        var code = new Argument<string>("KODE") { Description = "Koden til mål, delmål, tiltak eller indikator." };
        var add = new Option<string[]>("--add") { Description = "Alias å legge til.", AllowMultipleArgumentsPerToken = true };
        var remove = new Option<string[]>("--remove") { Description = "Alias å fjerne.", AllowMultipleArgumentsPerToken = true };
        var aliases = new Command("aliases", "Legger til eller fjerner navn et element omtales med, og oppdaterer forslagene.") { code, add, remove };
        aliases.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var result = await sender.Send(new EditAliases(parse.GetValue(code)!, parse.GetValue(add) ?? [], parse.GetValue(remove) ?? []), token);
            if (format == OutputFormat.Json) { Output.WriteJson(result); return; }
            Console.Out.WriteLine($"{result.Item}: {string.Join(", ", result.Aliases)}");
            Console.Out.WriteLine($"Forslag oppdatert: {result.Refresh.Added} nye, {result.Refresh.Updated} endret, {result.Refresh.Removed} fjernet.");
        }, ct));
        root.Subcommands.Add(aliases);
    }

    private static Command Cases()
    {
        var touching = new Option<string>("--touching") { Description = "Koden til elementet, f.eks. SFM.", Required = true };
        var state = new Option<string?>("--state") { Description = "suggested, confirmed, rejected (kommaseparert; standard suggested,confirmed)." };
        var from = new Option<string?>("--from") { Description = "Fra og med periode, f.eks. 2024-Q1 eller 2024." };
        var to = new Option<string?>("--to") { Description = "Til og med periode." };
        var limit = new Option<int>("--limit") { Description = "Høyst så mange saker.", DefaultValueFactory = _ => CasesTouching.DefaultLimit };
        var cases = new Command("cases", "Viser sakene som berørte et element, nyeste først.") { touching, state, from, to, limit };
        cases.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var list = await sender.Send(new CasesTouching(parse.GetValue(touching)!, parse.GetValue(state), parse.GetValue(from), parse.GetValue(to), parse.GetValue(limit)), token);
            if (format == OutputFormat.Json)
            {
                Output.WriteJson(list.Select(c => new
                {
                    @case = c.Case, c.Title, c.MeetingDate, c.Type, c.Decision, c.State, c.Score,
                    evidence = c.Evidence.Select(e => new { e.Section, e.Text }),
                }));
                return;
            }
            Output.WriteTable(["Sak", "Møtedato", "Type", "Tilstand", "Styrke", "Tittel", "Belegg"], list.Select(c => new[]
            {
                c.Case, Iso(c.MeetingDate), c.Type, c.State.ToCode(), c.Score.ToString("0.00", CultureInfo.InvariantCulture), c.Title,
                c.Evidence.Count == 0 ? "" : $"{c.Evidence[0].Section}: {c.Evidence[0].Text}",
            }));
        }, ct));
        return cases;
    }

    private static Command Links()
    {
        var caseOption = new Option<string>("--case") { Description = "Saken, f.eks. \"NUIT 31/24\".", Required = true };
        var links = new Command("links", "Viser elementene en sak berørte; confirm, reject og add bestemmer over koblingene.") { caseOption };
        links.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var list = await sender.Send(new GetCaseLinks(parse.GetValue(caseOption)!), token);
            if (format == OutputFormat.Json) { Output.WriteJson(list); return; }
            Output.WriteTable(["Kode", "Type", "Tilstand", "Styrke", "Navn", "Bestemt av"], list.Select(l => new[]
            {
                l.Item, l.Kind, l.State.ToCode(), l.Score.ToString("0.00", CultureInfo.InvariantCulture), l.Name, l.DecidedBy ?? "",
            }));
        }, ct));

        foreach (var (name, decision, description) in new[]
                 {
                     ("confirm", LinkDecision.Confirm, "Bekrefter at saken gjelder elementet."),
                     ("reject", LinkDecision.Reject, "Avviser forslaget; det kommer ikke tilbake ved ny kjøring."),
                     ("add", LinkDecision.Add, "Legger til en kobling for hånd (bekreftet)."),
                 })
        {
            var subCase = new Option<string>("--case") { Description = "Saken, f.eks. \"NUIT 31/24\".", Required = true };
            var item = new Option<string>("--item") { Description = "Koden til elementet, f.eks. SFM.", Required = true };
            var note = new Option<string?>("--note") { Description = "Begrunnelse, lagres som belegg." };
            var sub = new Command(name, description) { subCase, item, note };
            sub.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
            {
                var link = await sender.Send(new DecideLink(parse.GetValue(subCase)!, parse.GetValue(item)!, decision, parse.GetValue(note)), token);
                if (format == OutputFormat.Json) { Output.WriteJson(link); return; }
                Console.Out.WriteLine($"{parse.GetValue(subCase)} → {link.Item}: {link.State.ToCode()} ({link.DecidedBy})");
            }, ct));
            links.Subcommands.Add(sub);
        }

        var refresh = new Command("refresh", "Kjører forslagene på nytt for alle saker (bekreftede og avviste røres ikke).");
        refresh.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var r = await sender.Send(new RefreshLinks(), token);
            if (format == OutputFormat.Json) { Output.WriteJson(r); return; }
            Console.Out.WriteLine($"{r.Cases} saker: {r.Added} nye forslag, {r.Updated} endret, {r.Removed} fjernet.");
        }, ct));
        links.Subcommands.Add(refresh);
        return links;
    }

    private static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
