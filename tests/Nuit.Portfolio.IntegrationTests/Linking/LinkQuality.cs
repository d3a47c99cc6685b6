using System.Globalization;
using System.Text;

namespace Nuit.Portfolio.IntegrationTests.Linking;

/// <summary>What the matcher suggested for one case: item codes with their scores, strongest first.</summary>
public sealed record SuggestedCase(string Case, IReadOnlyList<(string Item, double Score)> Items);

public sealed record ItemQuality(string Item, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double? Precision => TruePositives + FalsePositives == 0 ? null : (double)TruePositives / (TruePositives + FalsePositives);
    public double? Recall => TruePositives + FalseNegatives == 0 ? null : (double)TruePositives / (TruePositives + FalseNegatives);
}

/// <summary>A miss or a wrong suggestion, for the report: which case, which item, and which way it went wrong.</summary>
public sealed record LinkError(string Case, string Item, bool Missed);

/// <summary>
/// Precision and recall of suggested links against the labelled set, counted over (case, item) pairs
/// (micro-averaged, so a case with many mentions weighs more), and how often the chief topic is ranked first.
/// "Ranked first" is strict: the chief item's score must be above every other suggestion of the case, because a
/// tie leaves the order to the item code, not to the evidence.
/// </summary>
public sealed record LinkQuality(
    int TruePositives, int FalsePositives, int FalseNegatives, int ChiefCases, int ChiefFirst,
    IReadOnlyList<ItemQuality> PerItem, IReadOnlyList<LinkError> Errors, IReadOnlyList<string> ChiefMisses, IReadOnlyList<string> ChiefMargins)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double ChiefFirstRate => ChiefCases == 0 ? 1 : (double)ChiefFirst / ChiefCases;

    public static LinkQuality Measure(IReadOnlyList<LabelledCase> labels, IReadOnlyList<SuggestedCase> suggestions)
    {
        var byCase = suggestions.ToDictionary(s => s.Case, StringComparer.Ordinal);
        var counts = new Dictionary<string, (int Tp, int Fp, int Fn)>(StringComparer.Ordinal);
        var errors = new List<LinkError>();
        var chiefMisses = new List<string>();
        var chiefMargins = new List<string>();
        int tp = 0, fp = 0, fn = 0, chiefCases = 0, chiefFirst = 0;

        void Count(string item, int dTp, int dFp, int dFn)
        {
            var c = counts.GetValueOrDefault(item);
            counts[item] = (c.Tp + dTp, c.Fp + dFp, c.Fn + dFn);
        }

        foreach (var label in labels)
        {
            var suggested = byCase.TryGetValue(label.Case, out var s) ? s.Items : [];
            var expected = label.Mentions.ToHashSet(StringComparer.Ordinal);
            var got = suggested.Select(x => x.Item).ToHashSet(StringComparer.Ordinal);
            foreach (var item in got.Intersect(expected)) { tp++; Count(item, 1, 0, 0); }
            foreach (var item in got.Except(expected)) { fp++; Count(item, 0, 1, 0); errors.Add(new LinkError(label.Case, item, Missed: false)); }
            foreach (var item in expected.Except(got)) { fn++; Count(item, 0, 0, 1); errors.Add(new LinkError(label.Case, item, Missed: true)); }

            if (label.Chief is null) continue;
            chiefCases++;
            var chiefScore = suggested.Where(x => x.Item == label.Chief).Select(x => (double?)x.Score).FirstOrDefault();
            var runnerUp = suggested.Where(x => x.Item != label.Chief).Select(x => $"{x.Item} {Format(x.Score)}").FirstOrDefault() ?? "none";
            chiefMargins.Add($"{label.Case}: {label.Chief} {Format(chiefScore)}, next {runnerUp}");
            if (chiefScore is { } score && suggested.All(x => x.Item == label.Chief || x.Score < score)) chiefFirst++;
            else chiefMisses.Add($"{label.Case}: {label.Chief} (top: {string.Join(", ", suggested.Take(2).Select(x => $"{x.Item} {Format(x.Score)}"))})");
        }

        var perItem = counts.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new ItemQuality(kv.Key, kv.Value.Tp, kv.Value.Fp, kv.Value.Fn)).ToList();
        return new LinkQuality(tp, fp, fn, chiefCases, chiefFirst, perItem, errors, chiefMisses, chiefMargins);
    }

    /// <summary>The figures as markdown, ready to paste into docs/linking-quality.md.</summary>
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("| measure | value |").AppendLine("|---|---|");
        md.AppendLine(CultureInfo.InvariantCulture, $"| precision (mention level) | {Format(Precision)} ({TruePositives} of {TruePositives + FalsePositives} suggestions) |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| recall (mention level) | {Format(Recall)} ({TruePositives} of {TruePositives + FalseNegatives} labelled mentions) |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| chief topic ranked first | {Format(ChiefFirstRate)} ({ChiefFirst} of {ChiefCases} cases with a chief topic) |");
        md.AppendLine();
        md.AppendLine("| item | labelled | suggested | correct | precision | recall |").AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var i in PerItem)
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {i.Item} | {i.TruePositives + i.FalseNegatives} | {i.TruePositives + i.FalsePositives} | {i.TruePositives} | {Format(i.Precision)} | {Format(i.Recall)} |");
        md.AppendLine();
        md.AppendLine(Errors.Count == 0 ? "No wrong or missing links." : "Wrong or missing links:");
        foreach (var e in Errors) md.AppendLine(CultureInfo.InvariantCulture, $"- {e.Case} {e.Item}: {(e.Missed ? "missed" : "suggested, not in the text")}");
        md.AppendLine().AppendLine("Chief topic and the next suggestion, per case:");
        foreach (var m in ChiefMargins) md.AppendLine(CultureInfo.InvariantCulture, $"- {m}");
        if (ChiefMisses.Count > 0)
        {
            md.AppendLine().AppendLine("Chief topic not ranked first:");
            foreach (var m in ChiefMisses) md.AppendLine(CultureInfo.InvariantCulture, $"- {m}");
        }
        return md.ToString();
    }

    private static string Format(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";
}
