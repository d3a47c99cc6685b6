using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Nuit.Portfolio.LinkBenchmarks;

/// <summary>
/// Keeps the SQL EF sends while it is switched on, so the query plan shown is the plan of the query the handler
/// really runs, not of SQL written by hand to look like it.
/// </summary>
public sealed class SqlCapture : DbCommandInterceptor
{
    private readonly List<(string Sql, (string Name, object? Value)[] Parameters)> _commands = [];

    public bool On { get; set; }

    public IReadOnlyList<(string Sql, (string Name, object? Value)[] Parameters)> Commands => _commands;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (On)
            _commands.Add((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    /// <summary>EXPLAIN QUERY PLAN of one captured command, as SQLite prints it (indented tree).</summary>
    public static IReadOnlyList<string> Explain(string databasePath, string sql, IEnumerable<(string Name, object? Value)> parameters)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        using var reader = cmd.ExecuteReader();
        var depth = new Dictionary<long, int> { [0] = -1 };
        var lines = new List<string>();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            var parent = reader.GetInt64(1);
            depth[id] = depth.GetValueOrDefault(parent, -1) + 1;
            lines.Add(new string(' ', depth[id] * 2) + reader.GetString(3));
        }
        return lines;
    }
}
