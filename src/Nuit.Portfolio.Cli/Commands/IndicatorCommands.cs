using System.CommandLine;
using System.Globalization;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Features.Exports;
using Nuit.Portfolio.Features.Indicators;
using Nuit.Portfolio.Features.Strategy;

namespace Nuit.Portfolio.Cli.Commands;

/// <summary>nuit indicators | indicator CODE | values set | targets set | export indicators | import-values — each sends one request.</summary>
public static class IndicatorCommands
{
    private static readonly CultureInfo NbNo = CultureInfo.GetCultureInfo("nb-NO");

    public static void AddTo(RootCommand root)
    {
        root.Subcommands.Add(List());
        root.Subcommands.Add(Show());
        root.Subcommands.Add(SetValue());
        root.Subcommands.Add(SetTarget());
        ExportCommand(root).Subcommands.Add(Export());
        root.Subcommands.Add(Import());
    }

    private static Command List()
    {
        var command = new Command("indicators", "Viser de strategiske indikatorene med siste verdi, målverdi og status.");
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var list = await sender.Send(new ListIndicators(), token);
            if (format == OutputFormat.Json) { Output.WriteJson(list); return; }
            Output.WriteTable(["Kode", "Mål", "Enhet", "Siste verdi", "Målverdi", "Status", "Navn"], list.Select(i => new[]
            {
                i.Code, i.Goal ?? "–", i.Unit,
                i.LatestValue is { } v ? $"{Number(v.Value)} ({v.Period})" : "–",
                i.LatestTarget is { } t ? $"{Number(t.Value)} ({t.Period})" : "–",
                i.StatusText, i.Name,
            }));
        }, ct));
        return command;
    }

    private static Command Show()
    {
        var code = new Argument<string>("kode") { Description = "Indikatorens kode, f.eks. DIGITAL-KONTAKT." };
        var command = new Command("indicator", "Viser én indikator med verdier, målverdier og status per periode.") { code };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var d = await sender.Send(new GetIndicator(parse.GetValue(code)!), token);
            if (format == OutputFormat.Json) { Output.WriteJson(d); return; }
            Console.Out.WriteLine($"{d.Code}  {d.Name}");
            Console.Out.WriteLine($"Mål: {d.Goal ?? "–"}   Enhet: {d.Unit}   {(d.Direction == "higher" ? "Høyere er bedre" : "Lavere er bedre")}   "
                + $"Måles per {(d.Periodicity == "year" ? "år" : "kvartal")}   Gul innenfor {Number(d.AmberTolerance * 100)} %");
            if (d.Source is not null) Console.Out.WriteLine($"Kilde: {d.Source}");
            Console.Out.WriteLine();
            Output.WriteTable(["Periode", "Verdi", "Målverdi", "Status", "Kilde", "Målverdi satt i"], d.Periods.Select(p => new[]
            {
                p.Period, p.Value is { } v ? Number(v) : "–", p.Target is { } t ? Number(t) : "–", p.StatusText, p.Source, p.TargetSetBy,
            }));
        }, ct));
        return command;
    }

    // One instance per command: an option belongs to the command it is added to.
    private static Option<string> PeriodOption() => new("--period") { Description = "Periode: 2024 eller 2025-Q1.", Required = true };
    private static Option<string> ValueOption() => new("--value") { Description = "Tallet, med punktum eller komma som desimaltegn.", Required = true };
    private static Option<string?> NoteOption() => new("--note") { Description = "Merknad." };
    private static Option<Guid?> ExpectedVersionOption() => new("--expected-version")
    {
        Description = "Versjonen du så (fra «nuit indicator KODE --format json»; 00000000-0000-0000-0000-000000000000 for «ingen ennå»). "
            + "Er den endret siden, lagres ingenting og kommandoen avslutter med kode 5.",
    };

    private static Command SetValue()
    {
        var code = new Argument<string>("kode");
        var (period, value, note) = (PeriodOption(), ValueOption(), NoteOption());
        var source = new Option<string>("--source") { Description = "Hvor tallet kommer fra.", Required = true };
        var expected = ExpectedVersionOption();
        var set = new Command("set", "Registrerer verdien for én periode (ny eller endret).") { code, period, value, source, note, expected };
        set.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var result = await sender.Send(new SetIndicatorValue(parse.GetValue(code)!, parse.GetValue(period)!,
                ParseNumber(parse.GetValue(value)!), parse.GetValue(source)!, parse.GetValue(note), parse.GetValue(expected)), token);
            WriteResult(result, format);
        }, ct));
        return new Command("values", "Verdier for indikatorer.") { set };
    }

    private static Command SetTarget()
    {
        var code = new Argument<string>("kode");
        var (period, value, note) = (PeriodOption(), ValueOption(), NoteOption());
        var caseOption = new Option<string?>("--case") { Description = "Saken som vedtok målverdien, f.eks. \"NUIT 31/24\"." };
        var expected = ExpectedVersionOption();
        var set = new Command("set", "Setter målverdien for én periode.") { code, period, value, caseOption, note, expected };
        set.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var result = await sender.Send(new SetIndicatorTarget(parse.GetValue(code)!, parse.GetValue(period)!,
                ParseNumber(parse.GetValue(value)!), parse.GetValue(caseOption), parse.GetValue(note), parse.GetValue(expected)), token);
            WriteResult(result, format);
        }, ct));
        return new Command("targets", "Målverdier for indikatorer.") { set };
    }

    private static Command Export()
    {
        var output = new Option<string>("--out") { Description = "Filen som skrives (.xlsx).", Required = true };
        var goal = new Option<string?>("--goal") { Description = "Bare indikatorene under dette målet, f.eks. M1." };
        var from = new Option<string?>("--from") { Description = "Første periode, f.eks. 2019." };
        var to = new Option<string?>("--to") { Description = "Siste periode, f.eks. 2025-Q4." };
        var command = new Command("indicators", "Skriver indikatorarbeidsboken (Indikatorer, Verdier, Om) til en Excel-fil.") { output, goal, from, to };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var export = await sender.Send(new ExportIndicators(parse.GetValue(goal), parse.GetValue(from), parse.GetValue(to)), token);
            var path = await OutputFiles.WriteAsync(parse.GetValue(output)!, export.WriteTo, token);
            if (format == OutputFormat.Json)
                Output.WriteJson(new { file = path, indicators = export.Workbook.Indicators.Count, values = export.Workbook.ValueCount });
            else Console.Out.WriteLine($"Skrev {path}: {export.Workbook.Indicators.Count} indikatorer, {export.Workbook.ValueCount} perioder.");
        }, ct));
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<string>("fil") { Description = "Arbeidsbok (.xlsx) eksportert med «nuit export indicators» og redigert." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Vis endringene uten å lagre dem." };
        var command = new Command("import-values", "Leser verdier og målverdier fra arket Verdier; alt eller ingenting.") { file, dryRun };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) throw new InputException(path, null, "filen finnes ikke.");
            var info = new FileInfo(path);
            if (info.Length > Files.Workbooks.WorkbookFileGuard.MaxFileBytes)
                throw new InputException(path, null, FileSizes.TooLarge(info.Length, Files.Workbooks.WorkbookFileGuard.MaxFileBytes));
            var report = await sender.Send(new ImportIndicatorValues(await File.ReadAllBytesAsync(path, token), path, parse.GetValue(dryRun)), token);
            if (format == OutputFormat.Json) { Output.WriteJson(report); return; }
            Console.Out.WriteLine(report.DryRun
                ? $"Prøvekjøring av {report.FileName}: {report.RowsRead} rader lest, {report.RowsChanged} ville blitt endret. Ingenting er lagret."
                : $"{report.FileName}: {report.RowsRead} rader lest, {report.RowsChanged} endret.");
            if (report.Changes.Count > 0)
                Output.WriteTable(["Indikator", "Periode", "Felt", "Før", "Etter"], report.Changes.Select(c => new[] { c.Indicator, c.Period, c.Field, c.Old ?? "–", c.New ?? "–" }));
        }, ct));
        return command;
    }

    /// <summary>The shared «export» command; other exports add their own subcommands to it.</summary>
    private static Command ExportCommand(RootCommand root)
    {
        var existing = root.Subcommands.FirstOrDefault(c => c.Name == "export");
        if (existing is not null) return existing;
        var export = new Command("export", "Eksporterer data til filer.");
        root.Subcommands.Add(export);
        return export;
    }

    private static void WriteResult(IndicatorEditResult result, OutputFormat format)
    {
        if (format == OutputFormat.Json) { Output.WriteJson(result); return; }
        Console.Out.WriteLine(result.Changes.Count == 0
            ? $"{result.Code} {result.Period}: ingen endring. Status: {result.StatusText}."
            : $"{result.Code} {result.Period}: {string.Join(", ", result.Changes.Select(c => $"{c.Field} {c.Old ?? "–"} → {c.New ?? "–"}"))}. Status: {result.StatusText}.");
    }

    /// <summary>61.5 and 61,5 both mean sixty-one and a half; thousands separators are refused as ambiguous.</summary>
    private static decimal ParseNumber(string text) =>
        decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new InputException("--value", null, $"«{text}» er ikke et tall.");

    private static string Number(decimal d) => d.ToString("#,##0.###", NbNo);
}
