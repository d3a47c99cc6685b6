using System.CommandLine;
using System.Globalization;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Roadmap;

namespace Nuit.Portfolio.Cli.Commands;

/// <summary>
/// Maintaining the roadmap: add | edit | retire for goals, sub-goals, initiatives and indicators, milestones,
/// history, plan years and the roadmap workbook. Each sends one request. «goals», «initiatives» and
/// «indicators» already list (StrategyCommands, IndicatorCommands); the edits become their subcommands,
/// so «nuit initiatives» still lists and «nuit initiatives add» adds.
/// </summary>
public static class RoadmapCommands
{
    public static void AddTo(RootCommand root)
    {
        var goals = Existing(root, "goals", "Strategiens mål.");
        goals.Subcommands.Add(AddGoalCommand());
        goals.Subcommands.Add(EditCommand(RoadmapItemKind.Goal, "målet"));
        goals.Subcommands.Add(RetireCommand(RoadmapItemKind.Goal, "målet"));

        var subGoals = Existing(root, "subgoals", "Delmål i veikartet.");
        subGoals.Subcommands.Add(AddSubGoalCommand());
        subGoals.Subcommands.Add(EditCommand(RoadmapItemKind.SubGoal, "delmålet"));
        subGoals.Subcommands.Add(RetireCommand(RoadmapItemKind.SubGoal, "delmålet"));

        var initiatives = Existing(root, "initiatives", "Tiltak i veikartet.");
        initiatives.Subcommands.Add(AddInitiativeCommand());
        initiatives.Subcommands.Add(EditInitiativeCommand());
        initiatives.Subcommands.Add(RetireCommand(RoadmapItemKind.Initiative, "tiltaket"));

        var indicators = Existing(root, "indicators", "Strategiske indikatorer.");
        indicators.Subcommands.Add(AddIndicatorCommand());
        indicators.Subcommands.Add(EditIndicatorCommand());
        indicators.Subcommands.Add(RetireCommand(RoadmapItemKind.Indicator, "indikatoren"));

        root.Subcommands.Add(MilestoneCommands());
        root.Subcommands.Add(HistoryCommand());
        root.Subcommands.Add(PlanCommands());
        var export = Existing(root, "export", "Eksporterer data til filer.");
        export.Subcommands.Add(ExportRoadmapCommand());
        root.Subcommands.Add(ImportRoadmapCommand());
    }

    private static Command PlanCommands()
    {
        var list = new Command("list", "Viser planårene: de lukkede og det gjeldende.");
        list.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var years = await sender.Send(new ListPlanYears(), token);
            if (format == OutputFormat.Json) { Output.WriteJson(years); return; }
            Output.WriteTable(["År", "Plan", "Status"], years.Select(y => new[]
            {
                y.Year.ToString(CultureInfo.InvariantCulture), y.Name,
                y.Current ? "gjeldende" : $"lukket {y.ClosedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} av {y.ClosedBy}",
            }));
        }, ct));

        var year = new Argument<int>("år") { Description = "Det nye planåret, f.eks. 2026." };
        var name = Text("--name", "Navnet på planen (standard: Plan for realisering ÅR).");
        var start = new Command("new", "Starter et nytt planår: gjeldende plan fryses, og veikartet videreføres som den nye planen.") { year, name };
        start.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var r = await sender.Send(new StartPlanYear(parse.GetValue(year), parse.GetValue(name)), token);
            if (format == OutputFormat.Json) { Output.WriteJson(r); return; }
            Console.Out.WriteLine($"{r.ClosedPlanName} er lagret ({r.Items} elementer, {r.Milestones} milepæler, {r.Targets} målverdier). Gjeldende plan er nå {r.PlanName}.");
        }, ct));

        var from = new Argument<int>("fra") { Description = "Planåret det sammenlignes fra, f.eks. 2025." };
        var to = new Argument<int>("til") { Description = "Planåret det sammenlignes med, f.eks. 2026." };
        var output = Text("--out", "Skriv forskjellene til en Excel-fil (.xlsx) i tillegg.");
        var diff = new Command("diff", "Viser hva som er endret mellom to planår: nye, fjernede og endrede elementer, flyttede milepæler, endrede målverdier.") { from, to, output };
        diff.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var d = await sender.Send(new GetPlanDiff(parse.GetValue(from), parse.GetValue(to)), token);
            if (parse.GetValue(output) is { } file)
                await OutputFiles.WriteAsync(file, (await sender.Send(new ExportPlanDiff(d.From, d.To), token)).WriteTo, token);
            if (format == OutputFormat.Json) { Output.WriteJson(d); return; }
            WriteDiff(d);
        }, ct));

        return new Command("plan", "Planår (Plan for realisering) og forskjellene mellom dem.") { list, start, diff };
    }

    private static void WriteDiff(PlanDiff d)
    {
        Console.Out.WriteLine($"Fra {d.FromName} til {d.ToName}:" + (d.IsEmpty ? " ingen endringer." : ""));
        void Section(string title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
        {
            var list = rows.ToList();
            if (list.Count == 0) return;
            Console.Out.WriteLine();
            Console.Out.WriteLine($"{title} ({list.Count})");
            Output.WriteTable(headers, list);
        }
        Section("Nye", ["Kode", "Navn"], d.Added.Select(i => new[] { i.Code, i.Name }));
        Section("Fjernet eller avviklet", ["Kode", "Navn"], d.Removed.Select(i => new[] { i.Code, i.Name }));
        Section("Endret", ["Kode", "Felt", "Før", "Etter"], d.Changed.Select(c => new[] { c.Code, c.Field, c.Old ?? "–", c.New ?? "–" }));
        Section("Milepæler", ["Tiltak", "Milepæl", "Endring", "Før", "Etter"], d.Milestones.Select(m => new[]
        {
            m.Initiative, m.Name, m.Change, Iso(m.OldForecast ?? m.OldPlanned), Iso(m.NewActual ?? m.NewForecast ?? m.NewPlanned),
        }));
        Section("Målverdier", ["Indikator", "Periode", "Før", "Etter"], d.Targets.Select(t => new[]
        {
            t.Indicator, t.Period, t.Old?.ToString(CultureInfo.InvariantCulture) ?? "–", t.New?.ToString(CultureInfo.InvariantCulture) ?? "–",
        }));
    }

    private static Command ExportRoadmapCommand()
    {
        var output = new Option<string>("--out") { Description = "Filen som skrives (.xlsx).", Required = true };
        var command = new Command("roadmap", "Skriver veikartet (mål, delmål, tiltak, milepæler) til en Excel-fil som kan redigeres og leses inn igjen.") { output };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var path = await OutputFiles.WriteAsync(parse.GetValue(output)!, (await sender.Send(new ExportRoadmap(), token)).WriteTo, token);
            if (format == OutputFormat.Json) Output.WriteJson(new { file = path });
            else Console.Out.WriteLine($"Skrev {path}.");
        }, ct));
        return command;
    }

    private static Command ImportRoadmapCommand()
    {
        var file = new Argument<string>("fil") { Description = "Arbeidsbok (.xlsx) eksportert med «nuit export roadmap» og redigert." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Vis endringene uten å lagre dem." };
        var command = new Command("import-roadmap", "Leser et redigert veikart inn igjen; alt eller ingenting.") { file, dryRun };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new Common.InputException(path, null, "filen finnes ikke.");
            if (new FileInfo(path).Length > Files.Workbooks.WorkbookFileGuard.MaxFileBytes)
                throw new Common.InputException(path, null, Common.FileSizes.TooLarge(new FileInfo(path).Length, Files.Workbooks.WorkbookFileGuard.MaxFileBytes));
            var report = await sender.Send(new ImportRoadmap(await File.ReadAllBytesAsync(path, token), path, parse.GetValue(dryRun)), token);
            if (format == OutputFormat.Json) { Output.WriteJson(report); return; }
            Console.Out.WriteLine(report.DryRun
                ? $"Prøvekjøring av {report.FileName}: {report.RowsRead} rader lest; {report.Added} ville blitt lagt til og {report.Changed} endret. Ingenting er lagret."
                : $"{report.FileName}: {report.RowsRead} rader lest; {report.Added} lagt til, {report.Changed} endret.");
            if (report.Changes.Count > 0)
                Output.WriteTable(["Kode", "Felt", "Før", "Etter"], report.Changes.Select(c => new[] { c.Item, c.Field, c.Old ?? "–", c.New ?? "–" }));
        }, ct));
        return command;
    }

    /// <summary>The command another file registered under this name, or a new one (so the order in Program.cs does not matter).</summary>
    internal static Command Existing(RootCommand root, string name, string description)
    {
        var existing = root.Subcommands.FirstOrDefault(c => c.Name == name);
        if (existing is not null) return existing;
        var command = new Command(name, description);
        root.Subcommands.Add(command);
        return command;
    }

    private static Option<string?> Text(string name, string description) => new(name) { Description = description };

    private static Option<string[]> Many(string name, string description) =>
        new(name) { Description = description + " Kan gjentas, eller skilles med komma.", AllowMultipleArgumentsPerToken = true };

    /// <summary>Null when the option was not given (keep as is); given empty ("") it clears the list.</summary>
    private static string[]? ListOf(ParseResult parse, Option<string[]> option) =>
        parse.GetResult(option) is null
            ? null
            : [.. (parse.GetValue(option) ?? []).SelectMany(v => v.Split(',')).Select(v => v.Trim()).Where(v => v.Length > 0)];

    private static Command AddGoalCommand()
    {
        var code = new Argument<string>("kode") { Description = "M og et siffer, f.eks. M6." };
        var (name, description, aliases) = (Required("--name", "Navnet på målet."), Text("--description", "Beskrivelse."), Many("--alias", "Navn tekstene bruker."));
        var command = new Command("add", "Legger til et mål.") { code, name, description, aliases };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
            Write(await sender.Send(new AddGoal(parse.GetValue(code)!, parse.GetValue(name)!, parse.GetValue(description), ListOf(parse, aliases)), token), format), ct));
        return command;
    }

    private static Command AddSubGoalCommand()
    {
        var code = new Argument<string>("kode") { Description = "Målets nummer og en bokstav, f.eks. 2A under M2." };
        var goal = Required("--goal", "Målet delmålet hører til, f.eks. M2.");
        var (name, description, aliases) = (Required("--name", "Navnet på delmålet."), Text("--description", "Beskrivelse."), Many("--alias", "Navn tekstene bruker."));
        var command = new Command("add", "Legger til et delmål under et mål.") { code, goal, name, description, aliases };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
            Write(await sender.Send(new AddSubGoal(parse.GetValue(code)!, parse.GetValue(goal)!, parse.GetValue(name)!, parse.GetValue(description),
                ListOf(parse, aliases)), token), format), ct));
        return command;
    }

    private static Command EditCommand(RoadmapItemKind kind, string what)
    {
        var code = new Argument<string>("kode");
        var (name, description, aliases) = (Text("--name", "Nytt navn (koden er fast)."), Text("--description", "Ny beskrivelse; \"\" fjerner den."),
            Many("--alias", "Alle aliasene (erstatter listen)."));
        var command = new Command("edit", $"Endrer navn, beskrivelse eller aliaser for {what}.") { code, name, description, aliases };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
            Write(await sender.Send(new EditItem(parse.GetValue(code)!, kind, parse.GetValue(name), parse.GetValue(description), ListOf(parse, aliases)), token), format), ct));
        return command;
    }

    private static Command RetireCommand(RoadmapItemKind kind, string what)
    {
        var code = new Argument<string>("kode");
        var reason = Text("--reason", "Hvorfor (lagres i historikken).");
        var command = new Command("retire", $"Avvikler {what}: det forsvinner fra veikartet, men historikken beholdes.") { code, reason };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
            Write(await sender.Send(new RetireItem(parse.GetValue(code)!, kind, parse.GetValue(reason)), token), format), ct));
        return command;
    }

    private static Command AddInitiativeCommand()
    {
        var code = new Argument<string>("kode") { Description = "Store bokstaver, sifre og bindestrek, f.eks. SFM." };
        var name = Required("--name", "Navnet på tiltaket.");
        var (owner, phase, goal) = (Text("--owner", "Eier, f.eks. NHN."), Text("--phase", "Konsept, Nasjonal utvikling, Tilpasning, Innføring eller Ny praksis i bruk."),
            Text("--goal", "Målet tiltaket står under (ellers målet til første delmål)."));
        var (subGoals, aliases, description) = (Many("--subgoal", "Delmål tiltaket tjener."), Many("--alias", "Navn tekstene bruker."), Text("--description", "Beskrivelse."));
        var command = new Command("add", "Legger til et tiltak.") { code, name, owner, phase, goal, subGoals, aliases, description };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
            Write(await sender.Send(new AddInitiative(parse.GetValue(code)!, parse.GetValue(name)!, parse.GetValue(owner), parse.GetValue(phase),
                ListOf(parse, subGoals), parse.GetValue(goal), ListOf(parse, aliases), parse.GetValue(description)), token), format), ct));
        return command;
    }

    private static Command EditInitiativeCommand()
    {
        var code = new Argument<string>("kode");
        var (name, owner, phase) = (Text("--name", "Nytt navn (koden er fast)."), Text("--owner", "Eier; \"\" fjerner."), Text("--phase", "Ny fase; \"\" fjerner."));
        var (status, goal, description) = (Text("--status", "aktiv, fullført eller satt på vent."), Text("--goal", "Målet tiltaket står under."), Text("--description", "Beskrivelse."));
        var (subGoals, aliases) = (Many("--subgoal", "Alle delmålene (erstatter listen)."), Many("--alias", "Alle aliasene (erstatter listen)."));
        var command = new Command("edit", "Endrer et tiltak; bare feltene som oppgis.") { code, name, owner, phase, status, goal, subGoals, aliases, description };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
            Write(await sender.Send(new EditInitiative(parse.GetValue(code)!, parse.GetValue(name), parse.GetValue(owner), parse.GetValue(phase),
                parse.GetValue(status), ListOf(parse, subGoals), parse.GetValue(goal), ListOf(parse, aliases), parse.GetValue(description)), token), format), ct));
        return command;
    }

    private static Command AddIndicatorCommand()
    {
        var code = new Argument<string>("kode");
        var (goal, name, unit) = (Required("--goal", "Målet indikatoren måler."), Required("--name", "Hva som måles."), Required("--unit", "Enhet, f.eks. %."));
        var (direction, periodicity, source) = (Text("--direction", "higher (standard) eller lower."), Text("--periodicity", "year (standard) eller quarter."), Text("--source", "Datakilde."));
        var (tolerance, description) = (Text("--amber", "Terskel for gul som andel, f.eks. 0.15."), Text("--description", "Definisjon."));
        var command = new Command("add", "Legger til en indikator.") { code, goal, name, unit, direction, periodicity, source, tolerance, description };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
            Write(await sender.Send(new AddIndicator(parse.GetValue(code)!, parse.GetValue(goal)!, parse.GetValue(name)!, parse.GetValue(unit)!,
                parse.GetValue(direction) ?? "higher", parse.GetValue(periodicity) ?? "year", parse.GetValue(source), null,
                Fraction(parse.GetValue(tolerance)), parse.GetValue(description), null), token), format), ct));
        return command;
    }

    private static Command EditIndicatorCommand()
    {
        var code = new Argument<string>("kode");
        var (name, unit, direction) = (Text("--name", "Nytt navn."), Text("--unit", "Ny enhet."), Text("--direction", "higher eller lower."));
        var (source, tolerance, description) = (Text("--source", "Datakilde."), Text("--amber", "Terskel for gul som andel, f.eks. 0.15."), Text("--description", "Definisjon."));
        var command = new Command("edit", "Endrer definisjonen av en indikator; bare feltene som oppgis.") { code, name, unit, direction, source, tolerance, description };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
            Write(await sender.Send(new EditIndicator(parse.GetValue(code)!, parse.GetValue(name), parse.GetValue(unit), parse.GetValue(direction), null,
                parse.GetValue(source), null, Fraction(parse.GetValue(tolerance)), parse.GetValue(description)), token), format), ct));
        return command;
    }

    private static Command MilestoneCommands()
    {
        var listCode = new Argument<string>("tiltak");
        var list = new Command("list", "Viser milepælene til et tiltak med nummer.") { listCode };
        list.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var rows = await sender.Send(new ListMilestones(parse.GetValue(listCode)!), token);
            if (format == OutputFormat.Json) { Output.WriteJson(rows); return; }
            Output.WriteTable(["Nr", "Milepæl", "Planlagt", "Prognose", "Faktisk", "Kilde"], rows.Select(m => new[]
            {
                m.Id.ToString(CultureInfo.InvariantCulture), m.Name + (m.Slipped ? " (forsinket)" : ""), Iso(m.Planned), Iso(m.Forecast), Iso(m.Actual), m.Source ?? "",
            }));
        }, ct));

        var initiative = new Argument<string>("tiltak");
        var name = Required("--name", "Hva som leveres.");
        var (planned, forecast, actual, source) = Dates();
        var add = new Command("add", "Legger til en milepæl.") { initiative, name, planned, forecast, actual, source };
        add.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
            WriteMilestone(await sender.Send(new AddMilestone(parse.GetValue(initiative)!, parse.GetValue(name)!, parse.GetValue(planned), parse.GetValue(forecast),
                parse.GetValue(actual), parse.GetValue(source)), token), format), ct));

        var id = new Argument<int>("nr") { Description = "Milepælens nummer (nuit milestones list KODE)." };
        var newName = Text("--name", "Nytt navn.");
        var (planned2, forecast2, actual2, source2) = Dates();
        var edit = new Command("edit", "Flytter eller endrer en milepæl; \"\" fjerner en dato.") { id, newName, planned2, forecast2, actual2, source2 };
        edit.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
            WriteMilestone(await sender.Send(new EditMilestone(parse.GetValue(id), parse.GetValue(newName), parse.GetValue(planned2), parse.GetValue(forecast2),
                parse.GetValue(actual2), parse.GetValue(source2)), token), format), ct));

        return new Command("milestones", "Milepæler (leveranser) for tiltak.") { list, add, edit };

        static (Option<string?>, Option<string?>, Option<string?>, Option<string?>) Dates() =>
            (Text("--planned", "Planlagt dato, ÅÅÅÅ-MM-DD."), Text("--forecast", "Prognose, ÅÅÅÅ-MM-DD."),
             Text("--actual", "Faktisk dato, ÅÅÅÅ-MM-DD."), Text("--source", "Hvor datoen kommer fra, f.eks. NUIT 32/24."));
    }

    private static Command HistoryCommand()
    {
        var code = new Argument<string>("kode");
        var command = new Command("changes", "Viser alle registrerte endringer (historikken) for et element, nyeste først.") { code };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var rows = await sender.Send(new GetItemHistory(parse.GetValue(code)!), token);
            if (format == OutputFormat.Json) { Output.WriteJson(rows); return; }
            Output.WriteTable(["Når", "Felt", "Før", "Etter", "Av", "Via"], rows.Select(r => new[]
            {
                r.ChangedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), r.Field, r.Old ?? "–", r.New ?? "–", r.ChangedBy, r.Via ?? "",
            }));
        }, ct));
        return command;
    }

    private static Option<string> Required(string name, string description) => new(name) { Description = description, Required = true };

    private static decimal? Fraction(string? text) =>
        text is null ? null
        : decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d
        : throw new Common.InputException("--amber", null, $"«{text}» er ikke et tall; skriv f.eks. 0.15.");

    private static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–";

    internal static void Write(RoadmapEditResult result, OutputFormat format)
    {
        if (format == OutputFormat.Json) { Output.WriteJson(result); return; }
        Console.Out.WriteLine(result.Changes.Count == 0 ? $"{result.Code}: ingen endring." : $"{result.Code}: {Describe(result.Changes)}.");
    }

    private static void WriteMilestone(MilestoneEditResult result, OutputFormat format)
    {
        if (format == OutputFormat.Json) { Output.WriteJson(result); return; }
        Console.Out.WriteLine(result.Changes.Count == 0 ? $"Milepæl {result.Id} ({result.Initiative}): ingen endring."
            : $"Milepæl {result.Id} ({result.Initiative}): {Describe(result.Changes)}.");
    }

    private static string Describe(IEnumerable<ItemChange> changes) =>
        string.Join("; ", changes.Select(c => c.Old is null && c.New is not null ? $"{c.Field}: {c.New}" : $"{c.Field} {c.Old ?? "–"} → {c.New ?? "–"}"));
}
