using System.Globalization;

namespace Nuit.Portfolio.LinkBenchmarks;

/// <summary>Latency figures of one series, in milliseconds. Percentiles by nearest rank: p95 of 1000 is the 950th.</summary>
public sealed record Latency(int Count, double P50, double P95, double P99, double Max, double Mean)
{
    public static Latency Of(IReadOnlyCollection<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double Rank(double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new Latency(sorted.Length, Rank(0.50), Rank(0.95), Rank(0.99), sorted[^1], sorted.Average());
    }

    public string Row(string what) => string.Create(CultureInfo.InvariantCulture,
        $"| {what} | {Count} | {P50:0.00} | {P95:0.00} | {P99:0.00} | {Max:0.00} | {Mean:0.00} |");

    public const string Header = "| query | n | p50 ms | p95 ms | p99 ms | max ms | mean ms |\n|---|---:|---:|---:|---:|---:|---:|";
}
