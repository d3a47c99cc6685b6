using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Nuit.Portfolio.LinkBenchmarks;

/// <summary>
/// What the project's figures are read against (issue 18), measured in the same run: the same question as one raw
/// SQLite query on the best index, and Kestrel answering a fixed body, the least any API or page can cost here.
/// </summary>
public static class Anchors
{
    /// <summary>"Cases touching X" by hand: the same columns the handler reads, newest meeting first, on (ItemId, MeetingDate desc, CaseId).</summary>
    public sealed class RawQuery : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _command;

        public RawQuery(string db)
        {
            _connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly");
            _connection.Open();
            _command = _connection.CreateCommand();
            _command.CommandText = """
                SELECT b.Code, c.Number, c.Title, l.MeetingDate, c.Type, c.Decision, c.ProposedDecision, l.State, l.Score, l.Evidence, l.Version
                FROM (SELECT CaseId, MeetingDate, State, Score, Evidence, Version FROM CaseLinks
                      WHERE ItemId = $item AND State IN (1, 2) ORDER BY MeetingDate DESC, CaseId LIMIT $limit) AS l
                JOIN Cases c ON c.Id = l.CaseId JOIN Bodies b ON b.Id = c.BodyId
                ORDER BY l.MeetingDate DESC, l.CaseId
                """;
            _command.Parameters.Add("$item", SqliteType.Integer);
            _command.Parameters.Add("$limit", SqliteType.Integer);
            _command.Prepare();
        }

        public int ItemId(string code)
        {
            using var find = _connection.CreateCommand();
            find.CommandText = "SELECT Id FROM RoadmapItems WHERE Code = $code";
            find.Parameters.AddWithValue("$code", code);
            return Convert.ToInt32(find.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        public int Run(int itemId, int limit)
        {
            _command.Parameters["$item"].Value = itemId;
            _command.Parameters["$limit"].Value = limit;
            using var reader = _command.ExecuteReader();
            var rows = 0;
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++) _ = reader.GetValue(i);
                rows++;
            }
            return rows;
        }

        public void Dispose()
        {
            _command.Dispose();
            _connection.Dispose();
        }
    }

    /// <summary>Started with this argument and a port, the harness only serves <see cref="StartFixedAsync"/> until it is stopped.</summary>
    public const string ServeFixedArgument = "--serve-fixed";

    /// <summary>Kestrel alone on 127.0.0.1: /fixed/2 answers 2 KB of JSON, /fixed/20 20 KB of HTML.</summary>
    public static async Task<WebApplication> StartFixedAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var json = System.Text.Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat("{\"case\":\"NUIT 31/24\",\"state\":\"confirmed\"}", 48)) + "]");
        var html = System.Text.Encoding.UTF8.GetBytes("<!doctype html><html><body>" + new string('x', 20 * 1024) + "</body></html>");
        app.MapGet("/fixed/2", (HttpContext c) => c.Response.Body.WriteAsync(json).AsTask());
        app.MapGet("/fixed/20", async (HttpContext c) => { c.Response.ContentType = "text/html"; await c.Response.Body.WriteAsync(html); });
        await app.StartAsync();
        return app;
    }

    /// <summary>An API token for the benchmark database, made by the project's own CLI as an operator would.</summary>
    public static string CreateToken(string db, string webDll)
    {
        var nuit = Path.Combine(Path.GetDirectoryName(webDll)!, "..", "..", "..", "..", "Nuit.Portfolio.Cli", "bin", "Release", "net10.0", "nuit.dll");
        if (!File.Exists(nuit)) throw new FileNotFoundException($"Finner ikke {nuit}. Bygg først: dotnet build -c Release src/Nuit.Portfolio.Cli");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { nuit, "tokens", "create", "--role", "reader", "--name", $"bench-{Guid.NewGuid():N}", "--db", db })
            psi.ArgumentList.Add(a);
        // The synthetic register has no seed entries and needs none.
        psi.Environment["Database__Seed"] = "false";
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"nuit tokens create: {errors}");
        return output.TrimEnd().Split('\n')[^1].Trim();
    }
}
