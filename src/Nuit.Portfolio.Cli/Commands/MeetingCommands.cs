using System.CommandLine;
using System.Globalization;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Meetings;
using Nuit.Portfolio.Features.Meetings.Planning;
using Nuit.Portfolio.Files.Documents;
using Nuit.Portfolio.Rendering.Documents;

namespace Nuit.Portfolio.Cli.Commands;

/// <summary>nuit import | meetings | case — each sends one request per file or case.</summary>
public static class MeetingCommands
{
    public static void AddTo(RootCommand root)
    {
        var files = new Argument<string[]>("FILE") { Description = "Møtedokumenter (tekst, PDF eller Word .docx).", Arity = ArgumentArity.OneOrMore };
        var dryRun = new Option<bool>("--dry-run") { Description = "Vis hva som ville blitt lagret, og teksten som ikke hører til noen sak, uten å lagre." };
        var meeting = new Option<string?>("--meeting") { Description = "Møtet, f.eks. 2/2019, når dokumentets hode er skadet; brukes bare der dokumentet ikke sier det selv." };
        var date = new Option<DateOnly?>("--date") { Description = "Møtedatoen (ÅÅÅÅ-MM-DD) når dokumentet ikke har en lesbar dato." };
        var import = new Command("import", "Importerer innkallinger, toppnotater og referater til møter og saker.") { files, dryRun, meeting, date };
        import.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var reports = new List<ImportReport>();
            foreach (var path in parse.GetValue(files)!)
            {
                if (!File.Exists(path)) throw new InputException(path, null, "Finner ikke filen.");
                reports.Add(await sender.Send(new ImportDocument(path, await File.ReadAllBytesAsync(path, token), parse.GetValue(dryRun))
                {
                    Meeting = parse.GetValue(meeting),
                    MeetingDate = parse.GetValue(date),
                }, token));
            }
            var report = ImportReport.Combine(reports);
            if (format == OutputFormat.Json) { Output.WriteJson(report); return; }
            foreach (var m in report.Meetings)
            {
                Console.Out.WriteLine($"{m.Body} møte {m.Number} ({m.Date:yyyy-MM-dd}, {(m.Kind == "agenda" ? "innkalling" : "referat")}): {Status(m.Status, parse.GetValue(dryRun))}, {m.Cases.Count} saker");
                foreach (var change in m.Changes) Console.Out.WriteLine($"  endret: {change}");
            }
            foreach (var w in report.Warnings) Console.Error.WriteLine($"Advarsel: {w}");
            if (parse.GetValue(dryRun))
            {
                // The preview shows, apart from what was read, every stretch of text that went into no case.
                if (report.Unassigned.Count > 0) Console.Out.WriteLine("Tekst som ikke hører til noen sak:");
                foreach (var u in report.Unassigned)
                    Console.Out.WriteLine($"  {u.FileName}, linje {(u.FirstLine == u.LastLine ? $"{u.FirstLine}" : $"{u.FirstLine}–{u.LastLine}")}: {u.Text}");
                Console.Out.WriteLine("Prøvekjøring: ingenting er lagret.");
            }
            else if (report.Unassigned.Count > 0)
            {
                Console.Out.WriteLine($"Deler av filen ble ikke lest inn i noen sak ({report.Unassigned.Count} tekstbiter); se dem med --dry-run.");
            }
        }, ct));
        root.Subcommands.Add(import);

        var meetings = new Command("meetings", "Viser møtene, nyeste først.");
        meetings.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var list = await sender.Send(new ListMeetings(), token);
            if (format == OutputFormat.Json)
            {
                Output.WriteJson(list.Select(m => new { m.Body, m.Number, m.Date, cases = m.Cases }));
                return;
            }
            Output.WriteTable(["Organ", "Møte", "Dato", "Saker", "Dokumenter"], list.Select(m => new[]
            {
                m.Body, m.Number, m.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.Cases.ToString(CultureInfo.InvariantCulture),
                string.Join(", ", new[] { m.Planned ? "planlagt (utkast)" : m.HasAgenda ? "innkalling" : null, m.HasMinutes ? "referat" : null }.OfType<string>()),
            }));
        }, ct));
        AddPlanning(meetings, root);
        root.Subcommands.Add(meetings);

        var caseKey = new Argument<string>("SAK") { Description = "Saken, f.eks. \"NUIT 31/24\"." };
        var show = new Command("case", "Viser én sak i sin helhet.") { caseKey };
        show.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var c = await sender.Send(new GetCase(parse.GetValue(caseKey)!), token);
            if (format == OutputFormat.Json) { Output.WriteJson(c); return; }
            var o = Console.Out;
            o.WriteLine($"{c.Case} {c.Title}");
            o.WriteLine($"Sakstype: {c.Type ?? "–"}   Møte: {c.Meeting ?? "–"} {(c.MeetingDate is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")}");
            if (c.Owner is not null) o.WriteLine($"Sakseier: {c.Owner}   Saksbehandler: {string.Join(", ", c.Officers)}");
            if (c.ProposedDecision is not null) o.WriteLine($"\nForslag til vedtak:\n{c.ProposedDecision}");
            if (c.Decision is not null) o.WriteLine($"\n{(c.DecisionUpdated ? "Vedtak (oppdatert)" : "Vedtak")}:\n{c.Decision}");
            List("Innspill", c.Inputs);
            List("Aksjonspunkter", c.ActionPoints.Select(a => a.Status == "open" ? a.Text : $"{a.Text} ({a.Status})"));
            List("Vedlegg", c.Attachments.Select(a => $"Vedlegg {a.Number}: {a.Title}"));
            List("Tidligere behandlinger", c.References.Select(r => $"{r.Case}{(r.Date is { } rd ? $" ({rd:yyyy-MM-dd})" : "")}{(r.DecisionText is null ? "" : $": {r.DecisionText}")}"));
        }, ct));
        root.Subcommands.Add(show);
    }

    /// <summary>nuit meetings plan | meetings add-case | pack: the next meeting's draft agenda and cover notes (issue 21).</summary>
    private static void AddPlanning(Command meetings, RootCommand root)
    {
        var meetingKey = new Argument<string>("MØTE") { Description = "Møtet, f.eks. \"NUIT 3/2025\"." };
        var date = new Option<DateOnly>("--date") { Description = "Møtedatoen (ÅÅÅÅ-MM-DD).", Required = true };
        var place = new Option<string?>("--place") { Description = "Møtested." };
        var start = new Option<TimeOnly?>("--start") { Description = "Starttid (TT:MM); 09:00 om den ikke er oppgitt." };
        var end = new Option<TimeOnly?>("--end") { Description = "Sluttid (TT:MM)." };
        var plan = new Command("plan", "Planlegger neste møte med de faste sakene (godkjenning av referatet, oppfølging av aksjonspunkter).")
            { meetingKey, date, place, start, end };
        plan.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var pack = await sender.Send(new PlanMeeting(parse.GetValue(meetingKey)!, parse.GetValue(date))
            {
                Place = parse.GetValue(place),
                Start = parse.GetValue(start),
                End = parse.GetValue(end),
            }, token);
            WriteAgenda(pack, format, $"Planla {pack.Body} møte {pack.Number} ({pack.Date:yyyy-MM-dd}).");
        }, ct));
        meetings.Subcommands.Add(plan);

        var title = new Option<string>("--title") { Description = "Sakens tittel.", Required = true };
        var type = new Option<string>("--type") { Description = "Godkjenning, Orientering eller Drøfting.", Required = true };
        var items = new Option<string[]>("--item") { Description = "Elementet i veikartet saken gjelder, f.eks. SFM (kan gjentas).", AllowMultipleArgumentsPerToken = true };
        var owner = new Option<string?>("--owner") { Description = "Sakseier, f.eks. NHN." };
        var time = new Option<TimeOnly?>("--time") { Description = "Tidspunkt på dagsordenen (TT:MM); en halvtime etter forrige sak om det ikke er oppgitt." };
        var proposal = new Option<string?>("--proposal") { Description = "Forslag til vedtak." };
        var purpose = new Option<string?>("--purpose") { Description = "Hensikt med saken." };
        var addCase = new Command("add-case", "Legger en sak til et planlagt møte, med utkast til toppnotat fra registeret.")
            { meetingKey, title, type, items, owner, time, proposal, purpose };
        addCase.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var pack = await sender.Send(new AddPlannedCase(parse.GetValue(meetingKey)!, parse.GetValue(title)!, parse.GetValue(type)!)
            {
                Items = parse.GetValue(items) ?? [],
                Owner = parse.GetValue(owner),
                Time = parse.GetValue(time),
                ProposedDecision = parse.GetValue(proposal),
                Purpose = parse.GetValue(purpose),
            }, token);
            var added = pack.Cases.OrderBy(c => CaseNumber.Parse(c.Number)).Last();
            WriteAgenda(pack, format, $"La til sak {added.Number} «{added.Title}» i {pack.Body} møte {pack.Number}.");
        }, ct));
        meetings.Subcommands.Add(addCase);

        var caseNumber = new Argument<string>("SAK") { Description = "Saksnummeret i møtet, f.eks. 14/25." };
        var newTitle = new Option<string?>("--title") { Description = "Ny tittel." };
        var newType = new Option<string?>("--type") { Description = "Godkjenning, Orientering eller Drøfting." };
        var questions = new Option<string?>("--questions") { Description = "Drøftingsspørsmål." };
        var nextSteps = new Option<string?>("--next-steps") { Description = "Videre saksprosess." };
        var background = new Option<string?>("--background") { Description = "Bakgrunn (erstatter utkastet fra registeret)." };
        var editCase = new Command("edit-case", "Retter en planlagt sak: tittel, type, sakseier, tid, forslag til vedtak og toppnotatets tekster.")
            { meetingKey, caseNumber, newTitle, newType, owner, time, proposal, purpose, background, questions, nextSteps };
        editCase.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var pack = await sender.Send(new EditPlannedCase(parse.GetValue(meetingKey)!, parse.GetValue(caseNumber)!)
            {
                Title = parse.GetValue(newTitle),
                Type = parse.GetValue(newType),
                Owner = parse.GetValue(owner),
                Time = parse.GetValue(time),
                ProposedDecision = parse.GetValue(proposal),
                Purpose = parse.GetValue(purpose),
                Background = parse.GetValue(background),
                Questions = parse.GetValue(questions),
                NextSteps = parse.GetValue(nextSteps),
            }, token);
            WriteAgenda(pack, format, $"Rettet sak {parse.GetValue(caseNumber)} i {pack.Body} møte {pack.Number}.");
        }, ct));
        meetings.Subcommands.Add(editCase);

        var output = new Option<string>("--out") { Description = "Filen møtepakken skrives til: .docx (Word) eller .html (utskrift).", Required = true };
        var pack = new Command("pack", "Skriver møtepakken (innkalling, dagsorden og toppnotater) som Word eller HTML.") { meetingKey, output };
        pack.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var target = parse.GetValue(output)!;
            var extension = Path.GetExtension(target).ToLowerInvariant();
            if (extension is not (".docx" or ".html" or ".htm"))
                throw new InputException(target, null, "Møtepakken skrives som .docx eller .html. Ingenting er skrevet; velg et filnavn med en av dem.");
            var model = await sender.Send(new GetMeetingPack(parse.GetValue(meetingKey)!), token);
            var bytes = extension == ".docx" ? MeetingPackDocx.Write(model) : MeetingPackHtml.Render(model);
            var path = await OutputFiles.WriteAsync(target, bytes, token);
            if (format == OutputFormat.Json) Output.WriteJson(new { file = path, cases = model.Cases.Count });
            else Console.Out.WriteLine($"Skrev {path} ({model.Cases.Count} saker).");
        }, ct));
        root.Subcommands.Add(pack);
    }

    private static void WriteAgenda(MeetingPack pack, OutputFormat format, string headline)
    {
        if (format == OutputFormat.Json) { Output.WriteJson(pack); return; }
        Console.Out.WriteLine(headline);
        Output.WriteTable(["Sak", "Tittel", "Tid", "Sakstype", "Gjelder"], pack.Cases.Select(c => new[]
        {
            c.Number, c.Title, c.TimeSlot?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "", c.Type ?? "", string.Join(", ", c.Items),
        }));
    }

    private static void List(string heading, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0) return;
        Console.Out.WriteLine($"\n{heading}:");
        foreach (var item in list) Console.Out.WriteLine($"  • {item}");
    }

    /// <summary>A preview says what would happen ("opprettes"), an import what did ("opprettet").</summary>
    private static string Status(string status, bool dryRun) => (status, dryRun) switch
    {
        ("created", false) => "opprettet",
        ("created", true) => "opprettes",
        ("updated", false) => "oppdatert",
        ("updated", true) => "oppdateres",
        _ => "uendret",
    };
}
