using System.CommandLine;
using System.Globalization;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Status;

namespace Nuit.Portfolio.Cli.Commands;

/// <summary>nuit status CODE | status set CODE --quarter --rag --text — each sends one request. Milestones are kept with `nuit milestones add|edit`.</summary>
public static class StatusCommands
{
    public static void AddTo(RootCommand root)
    {
        var code = new Argument<string>("KODE") { Description = "Mål, delmål eller tiltak, f.eks. SFM eller M1." };
        var status = new Command("status", "Viser statushistorikken til et mål, delmål eller tiltak, nyeste kvartal først.") { code };
        status.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var history = await sender.Send(new GetStatusHistory(parse.GetValue(code)!), token);
            if (format == OutputFormat.Json) { Output.WriteJson(history); return; }
            Console.Out.WriteLine($"{history.Item} {history.Name}");
            Output.WriteTable(["Kvartal", "Status", "Forrige", "Endring", "Av", "Registrert", "Kommentar"], history.Quarters.Select(q => new[]
            {
                q.Quarter, q.RagText, RagStatuses.Parse(q.PreviousRag).ToDisplayString(), q.ChangeText, q.Author,
                q.RecordedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), q.Narrative,
            }));
            if (history.Milestones.Count > 0)
            {
                Console.Out.WriteLine();
                Output.WriteTable(["Milepæl", "Planlagt", "Prognose", "Faktisk", "Forsinket"], history.Milestones.Select(m => new[]
                {
                    m.Name, Iso(m.Planned), Iso(m.Forecast), Iso(m.Actual), m.Slipped ? "ja" : "",
                }));
            }
        }, ct));

        var setCode = new Argument<string>("KODE") { Description = "Mål, delmål eller tiltak, f.eks. SFM." };
        var quarter = new Option<string>("--quarter") { Description = "Kvartalet, f.eks. 2025-Q1.", Required = true };
        var rag = new Option<string>("--rag") { Description = "green, amber, red eller grey (grønn, gul, rød, grå).", Required = true };
        var text = new Option<string?>("--text") { Description = "Kort kommentar til statusen." };
        var set = new Command("set", "Setter status for et kvartal; tidligere status for kvartalet beholdes i historikken.") { setCode, quarter, rag, text };
        set.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var entry = await sender.Send(new SetStatus(parse.GetValue(setCode)!, parse.GetValue(quarter)!, parse.GetValue(rag)!, parse.GetValue(text)), token);
            if (format == OutputFormat.Json) { Output.WriteJson(entry); return; }
            Console.Out.WriteLine($"{entry.Item} {entry.Quarter}: {entry.RagText} ({entry.Author})");
        }, ct));
        status.Subcommands.Add(set);

        root.Subcommands.Add(status);
    }

    private static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
