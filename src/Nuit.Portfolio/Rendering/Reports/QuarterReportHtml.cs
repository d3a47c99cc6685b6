using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Rendering.Charts;
using static Nuit.Portfolio.Rendering.Reports.ReportFormat;

namespace Nuit.Portfolio.Rendering.Reports;

/// <summary>
/// The quarterly report as one self-contained HTML file: charts embedded as data: URIs, styles inline,
/// no scripts, so it can be mailed, archived and printed as it is. Pure: model in, text out.
/// </summary>
public static class QuarterReportHtml
{
    // Escapes markup characters but leaves æøå readable in the source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <param name="edition">Shown under the title: "Utkast", "Publisert, versjon 2" …</param>
    public static string Build(QuarterReport report, IReadOnlyList<ChartImage> charts, string edition)
    {
        var chart = charts.ToDictionary(c => c.Key);
        var h = new StringBuilder(64 * 1024);
        h.Append("<!DOCTYPE html>\n<html lang=\"nb\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append("<title>").Append(E($"Kvartalsrapport {report.QuarterText}")).Append("</title>\n");
        h.Append("<style>").Append(Css).Append("</style>\n</head>\n<body>\n");

        h.Append("<header>\n<h1>Oppfølging av Nasjonal e-helsestrategi – ").Append(E(report.QuarterText)).Append("</h1>\n");
        h.Append("<p class=\"meta\"><span id=\"edition\">").Append(E(edition)).Append("</span> · Datagrunnlag per ")
            .Append(E(DateTime(report.CutOff))).Append(" · Kvartal ").Append(E(report.Quarter)).Append("</p>\n</header>\n");

        Summary(h, report, chart.GetValueOrDefault("status-per-mal"));
        Items(h, report);
        Indicators(h, report, chart);
        Cases(h, report, chart.GetValueOrDefault("saker-per-kvartal"));
        Decisions(h, report);
        ActionPoints(h, report);
        ActionPointEvents(h, report);
        Gaps(h, report);

        h.Append("</body>\n</html>\n");
        return h.ToString();
    }

    private static void Summary(StringBuilder h, QuarterReport r, ChartImage? chart)
    {
        h.Append("<section id=\"sammendrag\">\n<h2>Sammendrag per mål</h2>\n");
        h.Append("<table>\n<thead><tr><th>Mål</th><th>Målets status</th><th>Grønn</th><th>Gul</th><th>Rød</th><th>Grå</th><th>Endret siden ")
            .Append(E(Period(r.PreviousQuarter))).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var g in r.Goals)
        {
            h.Append("<tr data-goal=\"").Append(E(g.Code)).Append("\"><td>").Append(E($"{g.Code} {g.Name}".Trim())).Append("</td><td>").Append(Badge(g.Rag)).Append("</td>");
            foreach (var (now, before) in new[] { (g.Counts.Green, g.PreviousCounts.Green), (g.Counts.Amber, g.PreviousCounts.Amber), (g.Counts.Red, g.PreviousCounts.Red), (g.Counts.Grey, g.PreviousCounts.Grey) })
                h.Append("<td class=\"num\">").Append(Number(now)).Append(Delta(now - before)).Append("</td>");
            h.Append("<td>");
            if (g.Changes.Count == 0) h.Append("Ingen endringer");
            else
            {
                h.Append("<ul>");
                foreach (var c in g.Changes)
                    h.Append("<li>").Append(E($"{c.Item} {c.Name}: {Rag(c.From)} → {Rag(c.To)} ({Change(c.Change).ToLowerInvariant()})")).Append("</li>");
                h.Append("</ul>");
            }
            h.Append("</td></tr>\n");
        }
        h.Append("</tbody>\n</table>\n");
        Figure(h, chart);
        h.Append("</section>\n");
    }

    private static void Items(StringBuilder h, QuarterReport r)
    {
        h.Append("<section id=\"tiltak\">\n<h2>Tiltak, mål og delmål</h2>\n");
        h.Append("<table>\n<thead><tr><th>Kode</th><th>Navn</th><th>Type</th><th>Mål</th><th>Status</th><th>Forrige kvartal</th><th>Endring</th><th>Kommentar</th><th>Rapportert av</th><th>Milepæler</th></tr></thead>\n<tbody>\n");
        foreach (var i in r.Items.OrderBy(i => i.Kind == "initiative" ? 0 : 1).ThenBy(i => i.Goal ?? "~", StringComparer.Ordinal).ThenBy(i => i.Code, StringComparer.Ordinal))
        {
            h.Append("<tr data-item=\"").Append(E(i.Code)).Append("\"><td>").Append(E(i.Code)).Append("</td><td>").Append(E(i.Name))
                .Append("</td><td>").Append(E(Kind(i.Kind))).Append("</td><td>").Append(E(i.Goal ?? ""))
                .Append("</td><td>").Append(Badge(i.Rag)).Append("</td><td>").Append(Badge(i.PreviousRag))
                .Append("</td><td>").Append(E(Change(i.Change))).Append("</td><td>").Append(E(i.Narrative ?? ""))
                .Append("</td><td>").Append(E(i.Author is null ? "" : $"{i.Author}{(i.RecordedAt is { } at ? $", {DateTime(at)}" : "")}"))
                .Append("</td><td>");
            if (i.Milestones.Count > 0)
            {
                h.Append("<ul>");
                foreach (var m in i.Milestones)
                    h.Append(m.Slipped ? "<li class=\"slipped\">" : "<li>").Append(E(Milestone(m))).Append("</li>");
                h.Append("</ul>");
            }
            h.Append("</td></tr>\n");
        }
        h.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Indicators(StringBuilder h, QuarterReport r, Dictionary<string, ChartImage> charts)
    {
        h.Append("<section id=\"indikatorer\">\n<h2>Indikatorer</h2>\n");
        if (r.Indicators.Count == 0) { h.Append("<p>Ingen indikatorer.</p>\n</section>\n"); return; }
        h.Append("<table>\n<thead><tr><th>Kode</th><th>Indikator</th><th>Mål</th><th>Siste verdi</th><th>Periode</th><th>Målverdi</th><th>Status</th></tr></thead>\n<tbody>\n");
        foreach (var i in r.Indicators)
            h.Append("<tr data-indicator=\"").Append(E(i.Code)).Append("\"><td>").Append(E(i.Code)).Append("</td><td>").Append(E(i.Name))
                .Append("</td><td>").Append(E(i.Goal ?? "")).Append("</td><td class=\"num\">")
                .Append(E(i.Latest is null ? "–" : $"{Number(i.Latest.Value)} {i.Unit}")).Append("</td><td>").Append(E(i.Latest is null ? "" : Period(i.Latest.Period)))
                .Append("</td><td class=\"num\">").Append(E(i.Target is null ? "–" : $"{Number(i.Target)} {i.Unit}")).Append("</td><td>").Append(Badge(i.Status)).Append("</td></tr>\n");
        h.Append("</tbody>\n</table>\n<div class=\"charts\">\n");
        foreach (var i in r.Indicators) Figure(h, charts.GetValueOrDefault($"indikator-{i.Code}"));
        h.Append("</div>\n</section>\n");
    }

    private static void Cases(StringBuilder h, QuarterReport r, ChartImage? chart)
    {
        h.Append("<section id=\"saker\">\n<h2>Saker i ").Append(E(r.QuarterText)).Append("</h2>\n");
        if (r.Cases.Count == 0) h.Append("<p>Ingen møter med saker i kvartalet.</p>\n");
        else
        {
            h.Append("<h3>Gruppert etter hva sakene berørte</h3>\n");
            foreach (var g in r.CasesByItem)
            {
                h.Append("<div class=\"group\" data-group=\"").Append(E(g.Item)).Append("\"><h4>")
                    .Append(E(g.Item.Length == 0 ? g.Name : $"{g.Item} {g.Name} ({Kind(g.Kind).ToLowerInvariant()})")).Append("</h4>\n<ul>");
                foreach (var c in g.Cases)
                    h.Append("<li>").Append(E($"{c.Case} {c.Title}{(c.State.Length == 0 ? "" : $" – {LinkState(c.State)}")}")).Append("</li>");
                h.Append("</ul></div>\n");
            }
            h.Append("<h3>Alle saker</h3>\n<table>\n<thead><tr><th>Sak</th><th>Møte</th><th>Dato</th><th>Type</th><th>Tittel</th><th>Berører</th></tr></thead>\n<tbody>\n");
            foreach (var c in r.Cases)
                h.Append("<tr data-case=\"").Append(E(c.Case)).Append("\"><td>").Append(E(c.Case)).Append("</td><td>").Append(E(c.Meeting ?? ""))
                    .Append("</td><td>").Append(E(Date(c.MeetingDate))).Append("</td><td>").Append(E(c.Type ?? "")).Append("</td><td>").Append(E(c.Title))
                    .Append("</td><td>").Append(E(string.Join(", ", c.Items.Select(i => $"{i.Item} ({LinkState(i.State)})")))).Append("</td></tr>\n");
            h.Append("</tbody>\n</table>\n");
        }
        Figure(h, chart);
        h.Append("</section>\n");
    }

    private static void ActionPoints(StringBuilder h, QuarterReport r)
    {
        h.Append("<section id=\"aksjonspunkter\">\n<h2>Åpne aksjonspunkter</h2>\n");
        if (r.ActionPoints.Count == 0) { h.Append("<p>Ingen åpne aksjonspunkter.</p>\n</section>\n"); return; }
        h.Append("<table>\n<thead><tr><th>Sak</th><th>Møtedato</th><th>Alder (dager)</th><th>Aksjonspunkt</th></tr></thead>\n<tbody>\n");
        foreach (var a in r.ActionPoints)
            h.Append("<tr><td>").Append(E(a.Case)).Append("</td><td>").Append(E(Date(a.MeetingDate))).Append("</td><td class=\"num\">")
                .Append(Number(a.AgeDays)).Append("</td><td>").Append(E(a.Text)).Append("</td></tr>\n");
        h.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Decisions(StringBuilder h, QuarterReport r)
    {
        h.Append("<section id=\"vedtak\">\n<h2>Vedtak i ").Append(E(r.QuarterText)).Append(" per mål og tiltak</h2>\n");
        if (r.Decisions.Count == 0) { h.Append("<p>Ingen vedtak i saker som berørte veikartet i kvartalet.</p>\n</section>\n"); return; }
        foreach (var goal in r.Decisions.GroupBy(d => (d.Goal, d.GoalName)))
        {
            h.Append("<div class=\"decision-goal\" data-goal=\"").Append(E(goal.Key.Goal)).Append("\"><h3>").Append(E($"{goal.Key.Goal} {goal.Key.GoalName}".Trim())).Append("</h3>\n");
            foreach (var item in goal.GroupBy(d => (d.Item, d.ItemName, d.Kind)))
            {
                h.Append("<h4>").Append(E($"{item.Key.Item} {item.Key.ItemName} ({Kind(item.Key.Kind).ToLowerInvariant()})")).Append("</h4>\n<ul>");
                foreach (var d in item)
                    h.Append("<li data-case=\"").Append(E(d.Case)).Append("\" data-item=\"").Append(E(d.Item)).Append("\">")
                        .Append(E($"{d.Case} {d.Title} ({Date(d.MeetingDate)}{(d.Link == "suggested" ? ", foreslått kobling" : "")}): {d.Decision}")).Append("</li>");
                h.Append("</ul>\n");
            }
            h.Append("</div>\n");
        }
        h.Append("</section>\n");
    }

    private static void ActionPointEvents(StringBuilder h, QuarterReport r)
    {
        h.Append("<section id=\"aksjonspunkter-i-kvartalet\">\n<h2>Aksjonspunkter i ").Append(E(r.QuarterText)).Append("</h2>\n");
        foreach (var (name, title) in new[] { ("opened", "Nye"), ("closed", "Lukket"), ("overdue", "Forfalt og fortsatt åpne ved kvartalets slutt") })
        {
            var rows = r.ActionPointEvents.Where(a => a.Event == name).ToList();
            h.Append("<h3>").Append(E(title)).Append(" (").Append(Number(rows.Count)).Append(")</h3>\n");
            if (rows.Count == 0) { h.Append("<p>Ingen.</p>\n"); continue; }
            h.Append("<table data-event=\"").Append(name).Append("\">\n<thead><tr><th>Sak</th><th>Møtedato</th><th>Aksjonspunkt</th><th>Ansvarlig</th><th>Frist</th><th>Status</th><th>Lukket</th></tr></thead>\n<tbody>\n");
            foreach (var a in rows)
                h.Append("<tr data-action=\"").Append(a.Id).Append("\"><td>").Append(E(a.Case)).Append("</td><td>").Append(E(Date(a.MeetingDate)))
                    .Append("</td><td>").Append(E(a.Text)).Append("</td><td>").Append(E(string.Join(", ", a.Owners))).Append("</td><td>").Append(E(Date(a.Due)))
                    .Append("</td><td>").Append(E(ActionStatus(a.Status))).Append("</td><td>")
                    .Append(E($"{Date(a.ClosedOn)}{(a.ClosedByCase is { } by ? $" ({by})" : "")}")).Append("</td></tr>\n");
            h.Append("</tbody>\n</table>\n");
        }
        h.Append("</section>\n");
    }

    private static void Gaps(StringBuilder h, QuarterReport r)
    {
        h.Append("<section id=\"hull\">\n<h2>Hull i oppfølgingen</h2>\n");
        h.Append("<h3>Ikke behandlet i rådsmodellen de siste ").Append(Number(r.GapQuarters)).Append(" kvartalene</h3>\n");
        if (r.ItemsNotDiscussed.Count == 0) h.Append("<p>Alle delmål og tiltak er berørt av minst én sak.</p>\n");
        else
        {
            h.Append("<ul class=\"not-discussed\">");
            foreach (var g in r.ItemsNotDiscussed)
                h.Append("<li data-item=\"").Append(E(g.Item)).Append("\">").Append(E($"{g.Item} {g.Name} ({Kind(g.Kind).ToLowerInvariant()}) – {(g.LastDiscussed is { } d ? $"sist berørt {Date(d)}{(g.LastCase is { } c ? $" ({c})" : "")}" : "aldri berørt")}")).Append("</li>");
            h.Append("</ul>\n");
        }
        h.Append("<h3>Indikatorer uten verdi for perioden</h3>\n");
        if (r.IndicatorsWithoutValue.Count == 0) h.Append("<p>Alle indikatorer har verdi for perioden.</p>\n");
        else
        {
            h.Append("<ul class=\"missing-values\">");
            foreach (var g in r.IndicatorsWithoutValue)
                h.Append("<li data-item=\"").Append(E(g.Item)).Append("\">").Append(E($"{g.Item} {g.Name}: mangler {Period(g.ExpectedPeriod)}{(g.LatestPeriod is { } p ? $" (siste: {Period(p)})" : " (ingen verdier)")}")).Append("</li>");
            h.Append("</ul>\n");
        }
        h.Append("</section>\n");
    }

    private static void Figure(StringBuilder h, ChartImage? chart)
    {
        if (chart is null) return;
        h.Append("<figure><img src=\"data:image/png;base64,").Append(Convert.ToBase64String(chart.Png)).Append("\" alt=\"").Append(E(chart.Title))
            .Append("\" width=\"").Append(chart.Width).Append("\" height=\"").Append(chart.Height).Append("\"><figcaption>")
            .Append(E(chart.Title)).Append("</figcaption></figure>\n");
    }

    /// <summary>The status as a coloured badge that also says it in words.</summary>
    private static string Badge(string code)
    {
        var rag = RagStatuses.TryParse(code, out var r) ? r : (RagStatus?)null;
        var css = rag is null ? "none" : code;
        return $"<span class=\"rag rag-{E(css)}\">{E(Rag(code))}</span>";
    }

    private static string Delta(int delta) => delta == 0 ? "" : $" <small>({(delta > 0 ? "+" : "−")}{Math.Abs(delta)})</small>";

    private static string E(string text) => Encoder.Encode(text);

    private static readonly string Css = $$"""
        body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 11pt; color: #111; margin: 2em auto; max-width: 70em; padding: 0 1em; }
        h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { border-bottom: 2px solid #0072B2; padding-bottom: .2em; margin-top: 1.6em; }
        .meta { color: #444; }
        table { border-collapse: collapse; width: 100%; margin: .6em 0; }
        th, td { border: 1px solid #bbb; padding: .25em .45em; text-align: left; vertical-align: top; }
        th { background: #eef3f8; } td.num { text-align: right; white-space: nowrap; }
        td ul { margin: 0; padding-left: 1.1em; }
        .rag { display: inline-block; padding: .05em .5em; border-radius: .6em; border: 1px solid #333; white-space: nowrap; }
        .rag-green { background: {{ChartPalette.Hex(RagStatus.Green)}}; color: #fff; }
        .rag-amber { background: {{ChartPalette.Hex(RagStatus.Amber)}}; color: #000; }
        .rag-red { background: {{ChartPalette.Hex(RagStatus.Red)}}; color: #fff; }
        .rag-grey { background: {{ChartPalette.Hex(RagStatus.Grey)}}; color: #000; }
        .rag-none { background: #fff; color: #000; }
        li.slipped { font-weight: bold; }
        figure { margin: 1em 0; break-inside: avoid; } figure img { max-width: 100%; height: auto; }
        figcaption { font-size: .9em; color: #444; }
        @media print {
          body { margin: 0; max-width: none; font-size: 9.5pt; }
          section { break-before: page; } section:first-of-type { break-before: auto; }
          tr, .group, .decision-goal { break-inside: avoid; }
          .rag { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        }
        """;
}
