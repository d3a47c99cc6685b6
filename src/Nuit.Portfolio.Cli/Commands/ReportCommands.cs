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
            IReadOnlyList<(string Name, byte[] Content)> files;
            object result;
            if (parse.GetValue(publish))
            {
                var created = await sender.Send(new CreateReport(parse.GetValue(quarter)!, Publish: true), token);
                var list = new List<(string, byte[])>();
                foreach (var f in created.Report.Files)
                    list.Add((f.Name, (await sender.Send(new GetReportFile(created.Report.Id, f.Name), token)).Content));
                files = list;
                result = created.Report;
            }
            else
            {
                var rendered = await sender.Send(new RenderQuarterReport(parse.GetValue(quarter)!), token);
                files = [.. rendered.Files.Select(f => (f.Name, f.Content))];
                result = new { quarter = rendered.Data.Quarter, files = rendered.Files.Select(f => new { f.Name, f.ContentType, size = f.Content.Length }) };
            }
            WriteAll(folder, files);
            if (format == OutputFormat.Json) { Output.WriteJson(new { folder, report = result }); return; }
            Console.Out.WriteLine(result is ReportSummary s
                ? $"{s.QuarterText}: {s.EditionText} (rapport {s.Id}), {files.Count} filer i {folder}"
                : $"{files.Count} filer i {folder} (ikke lagret; bruk --publish for å publisere)");
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

    /// <summary>Each file goes to a temporary name first and is then moved into place, so a reader never sees half a file.</summary>
    private static void WriteAll(string folder, IReadOnlyList<(string Name, byte[] Content)> files)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, content) in files)
        {
            var target = Path.Combine(folder, name);
            var temporary = target + ".tmp";
            File.WriteAllBytes(temporary, content);
            File.Move(temporary, target, overwrite: true);
        }
    }
}
