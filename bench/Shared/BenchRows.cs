using System.Globalization;
using System.Text.Json;

namespace Nuit.Portfolio.Bench;

/// <summary>
/// One row of the benchmark table (issue 18): the project's figure beside its anchor, measured in the same run on the
/// same machine, and their ratio. <paramref name="LowerIsBetter"/> says which way the ratio should go; <paramref name="Target"/>
/// is the bound on the ratio (null when the row only informs).
/// </summary>
public sealed record BenchRow(string Benchmark, double Figure, string Unit, string Anchor, double AnchorFigure, double? Target, bool LowerIsBetter = true,
    string? Note = null)
{
    public double Ratio => AnchorFigure == 0 ? double.NaN : Figure / AnchorFigure;

    public bool? Met => Target is { } t ? (LowerIsBetter ? Ratio <= t : Ratio >= t) : null;
}

/// <summary>Writes a harness's rows where <c>bench/run</c> collects them: <c>--results DIR</c> gets NAME.json.</summary>
public static class BenchRows
{
    public static bool Smoke(string[] args) => args.Contains("--smoke");

    public static void Save(string[] args, string name, IReadOnlyList<BenchRow> rows)
    {
        foreach (var row in rows)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Benchmark}: {row.Figure:0.###} {row.Unit} mot {row.Anchor} {row.AnchorFigure:0.###} {row.Unit} = {row.Ratio:0.00}× (mål {(row.Target is { } t ? (row.LowerIsBetter ? "≤ " : "≥ ") + t.ToString("0.##", CultureInfo.InvariantCulture) + "×" : "–")})"));
        var at = Array.IndexOf(args, "--results");
        if (at < 0 || at + 1 >= args.Length) return;
        Directory.CreateDirectory(args[at + 1]);
        File.WriteAllText(Path.Combine(args[at + 1], name + ".json"), JsonSerializer.Serialize(rows.Select(r => new
        {
            benchmark = r.Benchmark, figure = r.Figure, unit = r.Unit, anchor = r.Anchor, anchorFigure = r.AnchorFigure,
            ratio = r.Ratio, target = r.Target, lowerIsBetter = r.LowerIsBetter, met = r.Met, note = r.Note,
        }), new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
}
