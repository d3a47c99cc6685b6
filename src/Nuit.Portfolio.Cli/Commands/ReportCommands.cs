using System.CommandLine;
using System.Globalization;
using Nuit.Portfolio.Features.Reports;
using Nuit.Portfolio.Rendering.Charts;

namespace Nuit.Portfolio.Cli.Commands;

/// <summary>nuit report --quarter Q --out DIR [--publish] | report list — each sends one request.</summary>
public static class ReportCommands
{
    public static void AddTo(RootCommand root)
    {
        var quarter = new Option<string>("--quarter") { Description = "Kvartalet, f.eks. 2025-Q1.", Required = true };
        var output = new Option<string>("--out") { Description = "Mappen filene skrives til (opprettes om den mangler).", Required = true };
        var publish = new Option<bool>("--publish") { Description = "Publiser: lagre rapporten fryst i databasen som ny versjon." };
        var report = new Command("report", "Lager kvartalsrapporten: HTML, Excel og diagrammer (PNG og SVG).") { quarter, output, publish };
        report.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            if (ChartFonts.Warning is { } warning) Console.Error.WriteLine($"Advarsel: {warning}");
            var folder = Path.GetFullPath(parse.GetValue(output)!);
            var q = parse.GetValue(quarter)!;
            var published = parse.GetValue(publish);
            // Render, write every file into a temporary folder, store the edition only when all are written, then move
            // the files into place: a full disk leaves no file and no version (issue 23).
            object result;
            int count;
            if (published)
            {
                var prepared = await sender.Send(new PrepareReport(q, Publish: true), token);
                count = prepared.Rendered.Files.Count;
                result = await OutputFiles.WriteAllAsync(folder, [.. prepared.Rendered.Files.Select(f => (f.Name, f.Content))],
                    async step => (await sender.Send(new CreateReport(q, Publish: true, Prepared: prepared), step)).Report, token);
            }
            else
            {
                var rendered = await sender.Send(new RenderQuarterReport(q), token);
                count = rendered.Files.Count;
                result = await OutputFiles.WriteAllAsync(folder, [.. rendered.Files.Select(f => (f.Name, f.Content))], _ => Task.FromResult<object>(
                    new { quarter = rendered.Data.Quarter, files = rendered.Files.Select(f => new { f.Name, f.ContentType, size = f.Content.Length }) }), token);
            }
            if (format == OutputFormat.Json) { Output.WriteJson(new { folder, report = result }); return; }
            Console.Out.WriteLine(result is ReportSummary s
                ? $"{s.QuarterText}: {s.EditionText} (rapport {s.Id}), {count} filer i {folder}"
                : $"{count} filer i {folder} (ikke lagret; bruk --publish for å publisere)");
        }, ct));

        var listQuarter = new Option<string?>("--quarter") { Description = "Bare rapporter for dette kvartalet." };
        var list = new Command("list", "Viser lagrede rapporter: utkast og publiserte versjoner.") { listQuarter };
        list.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sender, format, token) =>
        {
            var reports = await sender.Send(new ListReports(parse.GetValue(listQuarter)), token);
            if (format == OutputFormat.Json) { Output.WriteJson(reports); return; }
            Output.WriteTable(["Id", "Kvartal", "Versjon", "Datagrunnlag per", "Laget av", "Filer"], reports.Select(r => new[]
            {
                r.Id.ToString(CultureInfo.InvariantCulture), r.Quarter, r.EditionText,
                r.CutOff.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture), r.CreatedBy, r.Files.Count.ToString(CultureInfo.InvariantCulture),
            }));
        }, ct));
        report.Subcommands.Add(list);
        root.Subcommands.Add(report);
    }
}
