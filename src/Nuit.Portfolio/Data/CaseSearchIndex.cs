using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Nuit.Portfolio.Features.Linking.Matching;

namespace Nuit.Portfolio.Data;

public sealed record SearchHit(int CaseId, string Snippet, double Rank);

/// <summary>
/// Full-text search over cases, on SQLite FTS5 (the table is made by the AddCaseSearch migration).
/// The tokenizer keeps diacritics (remove_diacritics 0): æ, ø and å are letters of their own in Norwegian,
/// and folding "å" to "a" would make "får" find "far". Provider-specific SQL lives here only.
/// </summary>
public sealed partial class CaseSearchIndex(PortfolioDbContext db)
{
    internal async Task IndexAsync(IReadOnlyDictionary<int, CaseText> texts, CancellationToken ct)
    {
        if (texts.Count == 0) return;
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction;

        await using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM CaseSearch WHERE rowid = $id";
        var deleteId = delete.Parameters.Add("$id", SqliteType.Integer);

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO CaseSearch(rowid, Title, Body) VALUES ($id, $title, $body)";
        var insertId = insert.Parameters.Add("$id", SqliteType.Integer);
        var title = insert.Parameters.Add("$title", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Text);

        foreach (var (caseId, text) in texts)
        {
            deleteId.Value = caseId;
            await delete.ExecuteNonQueryAsync(ct);
            insertId.Value = caseId;
            title.Value = text.Sections.FirstOrDefault(s => s.Section == "Tittel")?.Text ?? "";
            body.Value = string.Join("\n", text.Sections.Where(s => s.Section != "Tittel").Select(s => s.Text));
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken ct)
    {
        var match = ToMatchExpression(query);
        if (match is null) return [];
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        // Title hits weigh five times body hits.
        command.CommandText = """
            SELECT rowid, snippet(CaseSearch, 1, '«', '»', '…', 16), bm25(CaseSearch, 5.0, 1.0) AS rank
            FROM CaseSearch WHERE CaseSearch MATCH $q ORDER BY rank LIMIT $limit
            """;
        command.Parameters.AddWithValue("$q", match);
        command.Parameters.AddWithValue("$limit", limit);
        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) hits.Add(new SearchHit(reader.GetInt32(0), reader.GetString(1), reader.GetDouble(2)));
        return hits;
    }

    /// <summary>
    /// Each word of the user's text becomes a quoted prefix term, all required: "legemiddelliste" also finds
    /// "legemiddellisten", and nothing the user types can be read as FTS syntax.
    /// </summary>
    internal static string? ToMatchExpression(string query)
    {
        var terms = Word().Matches(query ?? "").Select(m => m.Value.ToLowerInvariant()).Distinct().ToList();
        if (terms.Count == 0) return null;
        var sb = new StringBuilder();
        foreach (var t in terms)
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append('"').Append(t).Append("\"*");
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
