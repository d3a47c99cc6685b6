using System.Diagnostics;
using System.Globalization;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nuit.Portfolio;
using Nuit.Portfolio.Bench;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Features.Meetings;
using Nuit.Portfolio.Features.Roadmap;
using Nuit.Portfolio.Files.Workbooks;
using Nuit.Portfolio.Tests;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Features.Meetings.Parsing;
using Nuit.Portfolio.Tests.Meetings;

// Timed harness for meeting-document import (docs/benchmarks.md, issue 3):
//   dotnet run -c Release --project bench/Nuit.Portfolio.ImportBenchmarks -- [parse-rounds] [import-rounds] [--smoke] [--results DIR]
// 1. read + parse only (text and PDF), 2. the whole import (parse, store, merge, link, index) into a new SQLite file.

var numbers = args.Where(a => int.TryParse(a, CultureInfo.InvariantCulture, out _)).ToList();
var smoke = BenchRows.Smoke(args);
var parseRounds = numbers.Count > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : smoke ? 10 : 200;
var importRounds = numbers.Count > 1 ? int.Parse(numbers[1], CultureInfo.InvariantCulture) : smoke ? 1 : 10;
var root = FindRoot();
var documents = Directory.GetFiles(Path.Combine(root, "seed-data", "meetings"), "*.txt").Order()
    .Select(p => (Name: Path.GetFileName(p), Bytes: File.ReadAllBytes(p))).ToList();
var pdfs = documents.Select(d => (Name: Path.ChangeExtension(d.Name, ".pdf"), Bytes: WinAnsiPdf.Build(System.Text.Encoding.UTF8.GetString(d.Bytes)))).ToList();

Console.WriteLine($"{Environment.ProcessorCount} kjerner, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
Console.WriteLine(string.Join(", ", documents.Select(d => $"{d.Name} {d.Bytes.Length / 1024.0:0} KB")));
Console.WriteLine("rute\tdokumenter\tsekunder\tdok/s\tMB/s");

// The anchor (issue 17): a plain pass over the same bytes — decode, split into lines, one regex per line for case
// rows — is about the least any reader of these documents can do. The parser's figure is read against it.
var anchor = Report("anker: les+regex", documents, parseRounds, d => PlainPass(d.Bytes));
var parse = Report("les+tolk tekst", documents, parseRounds, d => MeetingDocumentParser.Parse(DocumentReader.ReadText(d.Bytes, d.Name), d.Name));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"forhold les+tolk / anker	{parse / anchor:0.00}x"));
var agenda = documents.Where(d => d.Bytes.Length > 50_000).ToList();
var agendaAnchor = Report("anker: les+regex, 96 KB", agenda, parseRounds, d => PlainPass(d.Bytes));
var agendaParse = Report("les+tolk tekst, 96 KB", agenda, parseRounds, d => MeetingDocumentParser.Parse(DocumentReader.ReadText(d.Bytes, d.Name), d.Name));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"forhold 96 KB les+tolk / anker	{agendaParse / agendaAnchor:0.00}x"));
Report("les+tolk PDF", pdfs, Math.Max(1, parseRounds / 10), d => MeetingDocumentParser.Parse(DocumentReader.ReadText(d.Bytes, d.Name), d.Name));

// The whole import: each round starts from an empty database, so every document is new work, not a no-op.
var folder = Path.Combine(Path.GetTempPath(), $"nuit-import-bench-{Environment.ProcessId}");
var elapsed = TimeSpan.Zero;
for (var round = 0; round <= importRounds; round++)
{
    Directory.CreateDirectory(folder);
    var settings = new Dictionary<string, string?> { ["Database:Path"] = Path.Combine(folder, $"r{round}.db") };
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    await using var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddPortfolio(configuration).BuildServiceProvider();
    await DatabaseInitializer.InitializeAsync(services, seed: false);
    var clock = Stopwatch.StartNew();
    foreach (var d in documents)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ImportDocument(d.Name, d.Bytes));
    }
    clock.Stop();
    // Round 0 warms up (JIT, the matcher's compiled patterns) and is not counted.
    if (round > 0) elapsed += clock.Elapsed;
}
SqliteConnection.ClearAllPools();
Print("hel import (ny database)", documents.Count * importRounds, documents.Sum(d => d.Bytes.LongLength) * importRounds, elapsed);

// The roadmap workbook import (issue 20): the seeded roadmap exported, 500 initiative rows added as a person would in
// Excel, imported for real. Counted: its transactions (one, the whole import) and its time beside reading the same
// workbook alone with the streaming reader.
var (roadmapSeconds, readSeconds, transactions, roadmapRows) = await RoadmapImportAsync(root, folder, smoke ? 100 : 500);
Directory.Delete(folder, recursive: true);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"veikartimport {roadmapRows} rader\t{roadmapSeconds:0.00} s\tles alene {readSeconds:0.000} s\t{transactions} transaksjon(er)"));

// Documents per second: higher is better, so the ratio is the parser's rate over the anchor's (target ≥ 1/3).
BenchRows.Save(args, "import", [
    new BenchRow("import: les+tolk 96 KB (dok/s)", 1 / agendaParse, "dok/s", "les+regex", 1 / agendaAnchor, 1.0 / 3, LowerIsBetter: false,
        Note: string.Create(CultureInfo.InvariantCulture, $"mål også ≥ 50 dok/s: {1 / agendaParse:0} dok/s")),
    new BenchRow("import: hel import, ny database (s/dok)", elapsed.TotalSeconds / (documents.Count * importRounds), "s", "les+tolk", parse, null),
    new BenchRow($"veikartarbeidsbok: {roadmapRows} tiltaksrader importert", roadmapSeconds, "s", "samme bok bare lest", readSeconds, null,
        Note: $"{transactions} transaksjon for hele importen"),
]);
return 0;

static async Task<(double Seconds, double ReadSeconds, int Transactions, int Rows)> RoadmapImportAsync(string root, string folder, int extra)
{
    Directory.CreateDirectory(folder);
    var settings = new Dictionary<string, string?> { ["Database:Path"] = Path.Combine(folder, "veikart.db"), ["Database:SeedDataPath"] = Path.Combine(root, "seed-data") };
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    var transactions = new TransactionCounter();
    var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddPortfolio(configuration);
    services.ConfigureDbContext<PortfolioDbContext>(o => o.AddInterceptors(transactions));
    await using var provider = services.BuildServiceProvider();
    await DatabaseInitializer.InitializeAsync(provider, seed: true);

    byte[] exported;
    await using (var scope = provider.CreateAsyncScope())
    {
        var file = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ExportRoadmap());
        using var buffer = new MemoryStream();
        file.Write(buffer);
        exported = buffer.ToArray();
    }
    var edited = XlsxBook.Edit(exported, book =>
    {
        var sheet = book.Worksheet(RoadmapWorkbookLayout.InitiativeSheet);
        var first = sheet.RowsUsed().Count() + 1;
        for (var i = 0; i < extra; i++)
        {
            sheet.Cell(first + i, 1).Value = $"BENCH{i:000}";
            sheet.Cell(first + i, 2).Value = $"Syntetisk tiltak {i} (benchmark)";
            sheet.Cell(first + i, 3).Value = "NHN";
            sheet.Cell(first + i, 4).Value = "Konsept";
            sheet.Cell(first + i, 6).Value = "M4";
        }
    });

    var read = Stopwatch.StartNew();
    var rows = RoadmapWorkbookReader.Read(edited, "veikart.xlsx", new Dictionary<string, IReadOnlyList<string>>
    {
        [RoadmapWorkbookLayout.GoalSheet] = RoadmapWorkbookLayout.GoalHeaders, [RoadmapWorkbookLayout.SubGoalSheet] = RoadmapWorkbookLayout.SubGoalHeaders,
        [RoadmapWorkbookLayout.InitiativeSheet] = RoadmapWorkbookLayout.InitiativeHeaders, [RoadmapWorkbookLayout.MilestoneSheet] = RoadmapWorkbookLayout.MilestoneHeaders,
    })[RoadmapWorkbookLayout.InitiativeSheet].Count;
    read.Stop();
    transactions.Count = 0;
    var clock = Stopwatch.StartNew();
    await using (var scope = provider.CreateAsyncScope())
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ImportRoadmap(edited, "veikart.xlsx", DryRun: false));
    clock.Stop();
    SqliteConnection.ClearAllPools();
    return (clock.Elapsed.TotalSeconds, read.Elapsed.TotalSeconds, transactions.Count, rows);
}

// Seconds per document, after one warm-up pass.
static double Report(string name, List<(string Name, byte[] Bytes)> docs, int rounds, Action<(string Name, byte[] Bytes)> work)
{
    foreach (var d in docs) work(d);
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < rounds; i++) foreach (var d in docs) work(d);
    clock.Stop();
    Print(name, docs.Count * rounds, docs.Sum(d => d.Bytes.LongLength) * rounds, clock.Elapsed);
    return clock.Elapsed.TotalSeconds / (docs.Count * rounds);
}

static int PlainPass(byte[] bytes)
{
    var rows = 0;
    foreach (var line in System.Text.Encoding.UTF8.GetString(bytes).Split('\n'))
        if (CaseRow().IsMatch(line)) rows++;
    return rows;
}

static void Print(string name, int count, long bytes, TimeSpan elapsed) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name}\t{count}\t{elapsed.TotalSeconds:0.00}\t{count / elapsed.TotalSeconds:0.0}\t{bytes / 1024.0 / 1024 / elapsed.TotalSeconds:0.00}"));

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Nuit.Portfolio.sln"))) return dir.FullName;
    throw new InvalidOperationException("Finner ikke Nuit.Portfolio.sln");
}

internal static partial class Program
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:Sak\s+)?\d{1,3}/\d{2}\s+\p{Lu}", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex CaseRow();
}

/// <summary>Counts the transactions the import opens: a bulk import is one unit of work, not one per row.</summary>
internal sealed class TransactionCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbTransactionInterceptor
{
    public int Count;

    public override ValueTask<System.Data.Common.DbTransaction> TransactionStartedAsync(System.Data.Common.DbConnection connection,
        Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData, System.Data.Common.DbTransaction result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref Count);
        return base.TransactionStartedAsync(connection, eventData, result, cancellationToken);
    }
}
