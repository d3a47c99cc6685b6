using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Nuit.Portfolio.Features.Linking.Matching;

namespace Nuit.Portfolio.Data;

public sealed record SearchHit(int CaseId, string Snippet, double Rank);

/// <summary>
/// Full-text search over cases: SQLite FTS5 (table CaseSearch) or PostgreSQL tsvector with the Norwegian
/// configuration (table case_search); both made by their provider's migrations. The only provider-specific SQL
/// of the app lives here, and both give the same answers for the same words:
/// - every word the user types must occur, and also finds its inflected forms (a prefix on SQLite, the
///   Norwegian stemmer plus a prefix on PostgreSQL);
/// - æ, ø and å are letters of their own, never folded to a and o (SQLite's tokenizer runs with
///   remove_diacritics 0; the Norwegian configuration keeps them), so "får" does not find "far";
/// - nothing the user types is read as query syntax: only letters and digits reach the query.
/// </summary>
public sealed partial class CaseSearchIndex(PortfolioDbContext db)
{
    internal async Task IndexAsync(IReadOnlyDictionary<int, CaseText> texts, CancellationToken ct)
    {
        if (texts.Count == 0) return;
        await using var command = await CommandAsync(ct);
        command.CommandText = db.IsSqlite
            ? "DELETE FROM CaseSearch WHERE rowid = @id; INSERT INTO CaseSearch(rowid, Title, Body) VALUES (@id, @title, @body)"
            : "INSERT INTO case_search(case_id, title, body) VALUES (@id, @title, @body) " +
              "ON CONFLICT (case_id) DO UPDATE SET title = excluded.title, body = excluded.body";
        var id = Parameter(command, "id");
        var title = Parameter(command, "title");
        var body = Parameter(command, "body");
        foreach (var (caseId, text) in texts)
        {
            id.Value = caseId;
            title.Value = text.Sections.FirstOrDefault(s => s.Section == "Tittel")?.Text ?? "";
            body.Value = string.Join("\n", text.Sections.Where(s => s.Section != "Tittel").Select(s => s.Text));
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken ct)
    {
        var terms = Terms(query);
        if (terms.Count == 0) return [];
        await using var command = await CommandAsync(ct);
        // Title hits weigh more than body hits on both providers.
        command.CommandText = db.IsSqlite
            ? """
              SELECT rowid, snippet(CaseSearch, 1, '«', '»', '…', 16), -bm25(CaseSearch, 5.0, 1.0) AS rank
              FROM CaseSearch WHERE CaseSearch MATCH @q ORDER BY rank DESC LIMIT @limit
              """
            : """
              SELECT case_id, ts_headline('norwegian', body, q, 'StartSel=«, StopSel=», MaxWords=16, MinWords=6, FragmentDelimiter=…'),
                     ts_rank(tsv, q)::float8 AS rank
              FROM case_search, to_tsquery('norwegian', @q) q WHERE tsv @@ q ORDER BY rank DESC, case_id LIMIT @limit
              """;
        Parameter(command, "q").Value = db.IsSqlite
            ? string.Join(' ', terms.Select(t => $"\"{t}\"*"))
            : string.Join(" & ", terms.Select(t => $"{t}:*"));
        Parameter(command, "limit").Value = limit;
        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            hits.Add(new SearchHit(reader.GetInt32(0), Space().Replace(reader.GetString(1), " ").Trim(), reader.GetDouble(2)));
        return hits;
    }

    /// <summary>The words of the user's text, lower-cased: letters and digits only.</summary>
    internal static IReadOnlyList<string> Terms(string? query) =>
        [.. Word().Matches(query ?? "").Select(m => m.Value.ToLowerInvariant()).Distinct()];

    private async Task<DbCommand> CommandAsync(CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var p = command.CreateParameter();
        p.ParameterName = "@" + name;
        command.Parameters.Add(p);
        return p;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
