using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nuit.Portfolio;
using Nuit.Portfolio.Bench;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.LinkBenchmarks;
using Microsoft.EntityFrameworkCore;

// Pages grow with history? (issue 23 item 6.) The dashboard and an initiative page, over HTTP from the real web host,
// on a copy of the seeded database and on a copy grown by --extra status rows (default 10,000, all on the item, as a
// soak of repeated status edits leaves them, each with its audit row). The two hosts answer in turn, request by
// request, so both see the same noise on a shared machine. Target: the grown database within 1.5× of the seed one.
//
//   dotnet bench/Nuit.Portfolio.PageBenchmarks/bin/Release/net10.0/Nuit.Portfolio.PageBenchmarks.dll --db SEEDED.db
//       [--n 300] [--warmup 30] [--extra 10000] [--item SFM] [--port 5093] [--smoke] [--results DIR]

string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var smoke = BenchRows.Smoke(args);
var source = Value("--db") ?? throw new ArgumentException("--db PATH mangler: en database laget med «nuit seed».");
var (n, warmup, extra, item, port) = (Int("--n", smoke ? 60 : 300), Int("--warmup", smoke ? 10 : 30), Int("--extra", 10_000), Value("--item") ?? "SFM", Int("--port", 5093));

var work = Directory.CreateTempSubdirectory("nuit-pages-");
try
{
    var seedDb = Path.Combine(work.FullName, "seed.db");
    var grownDb = Path.Combine(work.FullName, "grown.db");
    File.Copy(source, seedDb);
    File.Copy(source, grownDb);
    await GrowAsync(grownDb, item, extra);

    var seedOptions = Options.Parse(["--db", seedDb, "--port", port.ToString(CultureInfo.InvariantCulture)]);
    var grownOptions = Options.Parse(["--db", grownDb, "--port", (port + 1).ToString(CultureInfo.InvariantCulture)]);
    using var seedHost = await WebHost.StartAsync(seedOptions);
    using var grownHost = await WebHost.StartAsync(grownOptions);
    using var seedHttp = Client(seedOptions);
    using var grownHttp = Client(grownOptions);

    var rows = new List<BenchRow>();
    foreach (var (name, url) in new[] { ("dashbordet /", "/"), ($"tiltakssiden /initiatives/{item}", $"/initiatives/{item}") })
    {
        var (seed, grown) = (new List<double>(n), new List<double>(n));
        for (var i = -warmup; i < n; i++)
        {
            var (s, g) = (await TimeAsync(seedHttp, url), await TimeAsync(grownHttp, url));
            if (i < 0) continue;
            seed.Add(s);
            grown.Add(g);
        }
        var (seedL, grownL) = (Latency.Of(seed), Latency.Of(grown));
        rows.Add(new BenchRow($"{name} med {extra:N0} flere statusrader, p50", grownL.P50, "ms", "samme side på seed-databasen p50", seedL.P50, 1.5,
            Note: string.Create(CultureInfo.InvariantCulture, $"p95 {grownL.P95:0.00} mot {seedL.P95:0.00} ms, n = {n}")));
    }
    BenchRows.Save(args, "pages", rows);
    return 0;
}
finally
{
    work.Delete(recursive: true);
}

static HttpClient Client(Options options)
{
    var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{options.Port}") };
    http.DefaultRequestHeaders.Authorization = new("Bearer", Anchors.CreateToken(options.Db, options.WebDll));
    return http;
}

static async Task<double> TimeAsync(HttpClient http, string url)
{
    var start = Stopwatch.GetTimestamp();
    using var response = await http.GetAsync(url);
    response.EnsureSuccessStatusCode();
    _ = await response.Content.ReadAsByteArrayAsync();
    return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
}

// What a long run of status edits leaves: many revisions of the item's recent quarters, recorded after the last
// meeting, each with the audit row SetStatus writes beside it.
static async Task GrowAsync(string db, string code, int extra)
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Database:Path"] = db,
        ["Database:Seed"] = "false",
    }).Build();
    await using var provider = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddPortfolio(configuration).BuildServiceProvider();
    await using var scope = provider.CreateAsyncScope();
    var context = scope.ServiceProvider.GetRequiredService<PortfolioDbContext>();
    var itemId = await context.RoadmapItems.Where(i => i.Code == code).Select(i => i.Id).SingleAsync();
    var now = DateTimeOffset.UtcNow;
    var quarter = Quarter.Parse("2026-Q4", null);
    for (var i = 0; i < extra; i++)
    {
        var q = quarter;
        for (var back = i % 8; back > 0; back--) q = q.Previous();
        var rag = (RagStatus)(i % 3);
        var at = now.AddSeconds(i - extra);
        context.StatusUpdates.Add(new StatusUpdate { ItemId = itemId, Quarter = q, Rag = rag, Narrative = $"Vurdering {i}", Author = "bench", RecordedAt = at });
        context.ChangeRecords.Add(new ChangeRecord { ItemCode = code, Field = $"status {q}", NewValue = rag.ToString(), ChangedBy = "bench", ChangedAt = at, Via = "api" });
    }
    await context.SaveChangesAsync();
}
