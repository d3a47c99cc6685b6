using System.CommandLine;
using Nuit.Portfolio.Features.Strategy;
using Nuit.Portfolio.Seeding;

namespace Nuit.Portfolio.Cli.Commands;

/// <summary>nuit seed | goals | initiatives — each sends one request.</summary>
public static class StrategyCommands
{
    public static void AddTo(RootCommand root)
    {
        var seed = new Command("seed", "Oppretter/oppdaterer databasen og laster seed-data (hver oppføring bare én gang).");
        seed.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var folder = SeedFolder.Find(parse.GetValue(CliOptions.SeedData))
                ?? throw new Data.StartupException("Finner ikke seed-data/strategy.json. Oppgi mappen med --seed-data.");
            var report = await sender.Send(new SeedDatabase(folder), token);
            if (format == OutputFormat.Json) Output.WriteJson(report);
            else Console.Out.WriteLine($"Seed-data fra {folder}: {report.Added} nye oppføringer, {report.AlreadyApplied} var lastet fra før.");
        }, ct, seed: false));
        root.Subcommands.Add(seed);

        var goals = new Command("goals", "Viser strategiens mål med delmål og tiltak.");
        goals.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var overview = await sender.Send(new ListGoals(), token);
            if (format == OutputFormat.Json) { Output.WriteJson(overview.Goals); return; }
            Output.WriteTable(["Kode", "Navn", "Delmål", "Tiltak", "Indikatorer"], overview.Goals.Select(g => new[]
            {
                g.Code, g.Name,
                string.Join(", ", g.SubGoals.Select(s => s.Code)),
                string.Join(", ", g.Initiatives.Concat(g.SubGoals.SelectMany(s => s.Initiatives)).Select(i => i.Code).Distinct()),
                g.Indicators.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }));
        }, ct));
        root.Subcommands.Add(goals);

        var initiatives = new Command("initiatives", "Viser tiltakene med eier, fase og plassering i veikartet.");
        initiatives.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var list = await sender.Send(new ListInitiatives(), token);
            if (format == OutputFormat.Json) { Output.WriteJson(list); return; }
            Output.WriteTable(["Kode", "Navn", "Eier", "Fase", "Mål", "Delmål"], list.Select(i => new[]
            {
                i.Code, i.Name, i.Owner, i.Phase ?? "–", i.Goal ?? "–", i.SubGoals.Count == 0 ? "–" : string.Join(", ", i.SubGoals),
            }));
        }, ct));
        root.Subcommands.Add(initiatives);
    }
}
