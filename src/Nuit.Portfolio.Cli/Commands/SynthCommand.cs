using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Nuit.Portfolio.Features.Linking;

namespace Nuit.Portfolio.Cli.Commands;

/// <summary>nuit synth — a synthetic register for benchmarks, in its own file unless --db says otherwise.</summary>
public static class SynthCommand
{
    /// <summary>Where synth writes without --db: never the service's own data/portfolio.db.</summary>
    public const string DefaultPath = "data/synth.db";

    public static void AddTo(RootCommand root)
    {
        var cases = new Option<int>("--cases") { Description = "Antall syntetiske saker.", DefaultValueFactory = _ => 100_000 };
        var links = new Option<int>("--links") { Description = "Antall koblinger mellom saker og elementer.", DefaultValueFactory = _ => 1_000_000 };
        var seed = new Option<int>("--seed") { Description = "Startverdi for tilfeldighetene; samme verdi gir samme data.", DefaultValueFactory = _ => 42 };
        var synth = new Command("synth",
            $"Fyller en database med et syntetisk register (NUFA-møter «SYNT-n/år», titler «SYNTETISK …») for ytelsesmålinger. " +
            $"Uten --db brukes {DefaultPath}. Et tidligere syntetisk register i filen erstattes.") { cases, links, seed };
        synth.SetAction((parse, ct) =>
        {
            // A careless "nuit synth" must not put a million rows into the real register: without --db it gets a
            // file of its own. Environment variables are read first by CliHost, so --db still wins.
            if (parse.GetValue(CliOptions.Db) is null) Environment.SetEnvironmentVariable("Database__Path", DefaultPath);
            return CliHost.RunAsync(parse, async (sender, format, token) =>
            {
                var watch = Stopwatch.StartNew();
                var report = await sender.Send(new SynthesizeRegister(parse.GetValue(cases), parse.GetValue(links), parse.GetValue(seed)), token);
                watch.Stop();
                if (format == OutputFormat.Json) { Output.WriteJson(new { report, seconds = Math.Round(watch.Elapsed.TotalSeconds, 1) }); return; }
                var nb = CultureInfo.GetCultureInfo("nb-NO");
                Console.Out.WriteLine(string.Create(nb,
                    $"Syntetisk register: {report.Meetings:N0} {(report.Meetings == 1 ? "møte" : "møter")}, {report.Cases:N0} {(report.Cases == 1 ? "sak" : "saker")} ({report.FirstYear}–{report.LastYear}), " +
                    $"{report.Links:N0} koblinger på {watch.Elapsed.TotalSeconds:N1} s. Erstattet {report.RemovedCases:N0} tidligere syntetiske saker."));
                Output.WriteTable(["Element", "Koblinger"], report.PerItem.Select(i => new[] { i.Item, i.Links.ToString("N0", nb) }));
            }, ct);
        });
        root.Subcommands.Add(synth);
    }
}
