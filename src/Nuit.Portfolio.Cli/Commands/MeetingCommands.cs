using System.CommandLine;
using System.Globalization;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Features.Meetings;

namespace Nuit.Portfolio.Cli.Commands;

/// <summary>nuit import | meetings | case — each sends one request per file or case.</summary>
public static class MeetingCommands
{
    public static void AddTo(RootCommand root)
    {
        var files = new Argument<string[]>("FILE") { Description = "Møtedokumenter (tekst eller PDF).", Arity = ArgumentArity.OneOrMore };
        var dryRun = new Option<bool>("--dry-run") { Description = "Vis hva som ville blitt lagret, uten å lagre." };
        var import = new Command("import", "Importerer innkallinger, toppnotater og referater til møter og saker.") { files, dryRun };
        import.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var reports = new List<ImportReport>();
            foreach (var path in parse.GetValue(files)!)
            {
                if (!File.Exists(path)) throw new InputException(path, null, "Finner ikke filen.");
                reports.Add(await sender.Send(new ImportDocument(path, await File.ReadAllBytesAsync(path, token), Environment.UserName, parse.GetValue(dryRun)), token));
            }
            var report = ImportReport.Combine(reports);
            if (format == OutputFormat.Json) { Output.WriteJson(report); return; }
            foreach (var m in report.Meetings)
            {
                Console.Out.WriteLine($"{m.Body} møte {m.Number} ({m.Date:yyyy-MM-dd}, {(m.Kind == "agenda" ? "innkalling" : "referat")}): {Status(m.Status)}, {m.Cases.Count} saker");
                foreach (var change in m.Changes) Console.Out.WriteLine($"  endret: {change}");
            }
            foreach (var w in report.Warnings) Console.Error.WriteLine($"Advarsel: {w}");
            if (parse.GetValue(dryRun)) Console.Out.WriteLine("Prøvekjøring: ingenting er lagret.");
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
                string.Join(", ", new[] { m.HasAgenda ? "innkalling" : null, m.HasMinutes ? "referat" : null }.OfType<string>()),
            }));
        }, ct));
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

    private static void List(string heading, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0) return;
        Console.Out.WriteLine($"\n{heading}:");
        foreach (var item in list) Console.Out.WriteLine($"  • {item}");
    }

    private static string Status(string status) => status switch
    {
        "created" => "opprettet",
        "updated" => "oppdatert",
        _ => "uendret",
    };
}
