using Nuit.Portfolio.Features.Meetings.Parsing;

namespace Nuit.Portfolio.Tests.Meetings;

/// <summary>
/// What differs between two readings of the same document (text and .docx, text and PDF), field by field, so a
/// failing corpus test says "møte 2/2024, sak 19/24, Type: «Måtte utgå» ≠ «»" rather than "not equal".
/// </summary>
internal static class ParsedDifferences
{
    public static IReadOnlyList<string> Between(ParsedDocumentSet expected, ParsedDocumentSet actual)
    {
        var differences = new List<string>();
        void Compare<T>(string where, string field, T e, T a)
        {
            if (!EqualityComparer<T>.Default.Equals(e, a)) differences.Add($"{where}, {field}: {Excerpt($"{e}", $"{a}")}");
        }

        Compare("filen", "antall møter", expected.Meetings.Count, actual.Meetings.Count);
        foreach (var e in expected.Meetings)
        {
            var where = $"møte {e.Number}";
            if (actual.Meetings.FirstOrDefault(m => m.Number == e.Number && m.Kind == e.Kind) is not { } a)
            {
                differences.Add($"{where}: mangler");
                continue;
            }
            Compare(where, "Dato", e.Date, a.Date);
            Compare(where, "Organ", e.Body, a.Body);
            Compare(where, "Tid", (e.Start, e.End), (a.Start, a.End));
            Compare(where, "Sted", e.Place, a.Place);
            Compare(where, "Deltakere", string.Join("; ", e.Attendees), string.Join("; ", a.Attendees));
            Compare(where, "Saker", string.Join(" ", e.Cases.Select(c => c.Number)), string.Join(" ", a.Cases.Select(c => c.Number)));
            foreach (var ec in e.Cases)
            {
                if (a.Cases.FirstOrDefault(c => c.Number == ec.Number) is not { } ac) continue;
                var at = $"{where}, sak {ec.Number}";
                Compare(at, "Tittel", ec.Title, ac.Title);
                Compare(at, "Type", ec.Type, ac.Type);
                Compare(at, "Tidspunkt", ec.TimeSlot, ac.TimeSlot);
                Compare(at, "Rekkefølge", ec.AgendaOrder, ac.AgendaOrder);
                Compare(at, "Sakseier", ec.Owner, ac.Owner);
                Compare(at, "Forslag til vedtak", ec.ProposedDecision, ac.ProposedDecision);
                Compare(at, "Vedtak", ec.Decision, ac.Decision);
                Compare(at, "Innspill", string.Join(" | ", ec.Inputs), string.Join(" | ", ac.Inputs));
                Compare(at, "Aksjonspunkter", string.Join(" | ", ec.ActionPoints), string.Join(" | ", ac.ActionPoints));
                Compare(at, "Vedlegg", string.Join(" | ", ec.Attachments), string.Join(" | ", ac.Attachments));
                Compare(at, "Referanser", string.Join(" | ", ec.References.Select(r => r.Case)), string.Join(" | ", ac.References.Select(r => r.Case)));
            }
        }
        return differences;
    }

    /// <summary>Long texts are shown from just before where they part: «…same text|expected…» ≠ «…same text|actual…».</summary>
    private static string Excerpt(string e, string a)
    {
        if (e.Length <= 120 && a.Length <= 120) return $"«{e}» ≠ «{a}»";
        var at = 0;
        while (at < e.Length && at < a.Length && e[at] == a[at]) at++;
        var from = Math.Max(0, at - 40);
        string Part(string s) => "…" + s[from..Math.Min(s.Length, at + 60)] + "…";
        return $"tegn {at}: «{Part(e)}» ≠ «{Part(a)}»";
    }

    public static void AssertSame(ParsedDocumentSet expected, ParsedDocumentSet actual) =>
        Assert.True(Between(expected, actual) is { Count: 0 }, string.Join("\n", Between(expected, actual)));
}
