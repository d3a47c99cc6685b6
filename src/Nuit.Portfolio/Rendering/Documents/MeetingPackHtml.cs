using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Nuit.Portfolio.Features.Meetings.Planning;

namespace Nuit.Portfolio.Rendering.Documents;

/// <summary>
/// The meeting pack as one self-contained HTML page for the screen and for print: the notice, the agenda table, then one
/// cover note per case, each starting on a new printed page. Styles inline, no scripts. Pure: model in, bytes out.
/// </summary>
public static class MeetingPackHtml
{
    // Escapes markup characters but leaves æøå readable in the source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    public static byte[] Render(MeetingPack pack) => Encoding.UTF8.GetBytes(Build(pack));

    public static string Build(MeetingPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var h = new StringBuilder(32 * 1024);
        h.Append("<!DOCTYPE html>\n<html lang=\"nb\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append("<title>").Append(E($"Møte i {pack.Body} {pack.Number}")).Append("</title>\n<style>").Append(Css).Append("</style>\n</head>\n<body>\n");
        h.Append("<section id=\"innkalling\">\n<h1>").Append(E($"Møte i {pack.Body}")).Append("</h1>\n");
        if (pack.Planned) h.Append("<p class=\"draft\">Utkast – planlagt møte</p>\n");
        h.Append("<dl>\n<dt>Møte</dt><dd>").Append(E(pack.Number)).Append("</dd>\n<dt>Dato</dt><dd>")
            .Append(E(pack.Date.ToString("d. MMMM yyyy", Norwegian))).Append("</dd>\n");
        if (pack.Start is { } start)
            h.Append("<dt>Tid</dt><dd>").Append(E(pack.End is { } end ? $"Kl. {Clock(start)} – {Clock(end)}" : $"Kl. {Clock(start)}")).Append("</dd>\n");
        if (!string.IsNullOrWhiteSpace(pack.Place)) h.Append("<dt>Sted</dt><dd>").Append(E(pack.Place)).Append("</dd>\n");
        h.Append("</dl>\n<table id=\"dagsorden\">\n<thead><tr><th>Sak</th><th>").Append(E($"Agenda {pack.Body}"))
            .Append("</th><th>Tidspunkt</th><th>Sakstype</th></tr></thead>\n<tbody>\n");
        foreach (var c in pack.Cases)
            h.Append("<tr><td>").Append(E(c.Number)).Append("</td><td><a href=\"#sak-").Append(E(c.Number.Replace('/', '-'))).Append("\">")
                .Append(E(c.Title)).Append("</a></td><td>").Append(c.TimeSlot is { } t ? Clock(t) : "").Append("</td><td>")
                .Append(E(c.Type ?? "")).Append("</td></tr>\n");
        h.Append("</tbody>\n</table>\n</section>\n");

        foreach (var c in pack.Cases)
        {
            h.Append("<section class=\"toppnotat\" id=\"sak-").Append(E(c.Number.Replace('/', '-'))).Append("\">\n<h2>")
                .Append(E($"Sak {c.Number} {c.Title}")).Append("</h2>\n<p class=\"meta\">").Append(E(c.Type ?? ""));
            if (!string.IsNullOrWhiteSpace(c.Owner)) h.Append(" · Sakseier ").Append(E(c.Owner));
            if (c.Items.Count > 0) h.Append(" · Gjelder ").Append(E(string.Join(", ", c.Items)));
            h.Append("</p>\n<h3>Forslag til vedtak</h3>\n");
            Text(h, c.ProposedDecision);
            foreach (var heading in CoverNoteHeadings.All)
            {
                h.Append("<h3>").Append(E(heading)).Append("</h3>\n");
                if (heading != CoverNoteHeadings.PreviousDecisions) { Text(h, c.Sections.FirstOrDefault(s => s.Heading == heading)?.Text); continue; }
                if (c.PreviousDecisions.Count == 0) { h.Append("<p class=\"empty\">Ingen tidligere vedtak i registeret.</p>\n"); continue; }
                h.Append("<table class=\"vedtak\">\n<tbody>\n");
                foreach (var r in c.PreviousDecisions)
                    h.Append("<tr><td>").Append(E(r.Lead)).Append("</td><td>").Append(E(r.Decision ?? "")).Append("</td></tr>\n");
                h.Append("</tbody>\n</table>\n");
            }
            h.Append("</section>\n");
        }
        h.Append("</body>\n</html>\n");
        return h.ToString();
    }

    private static void Text(StringBuilder h, string? text)
    {
        var paragraphs = (text ?? "").Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (paragraphs.Count == 0) { h.Append("<p class=\"empty\">Sekretariatet skriver.</p>\n"); return; }
        var inList = false;
        foreach (var p in paragraphs)
        {
            var bullet = p.StartsWith("• ", StringComparison.Ordinal);
            if (bullet && !inList) { h.Append("<ul>\n"); inList = true; }
            if (!bullet && inList) { h.Append("</ul>\n"); inList = false; }
            h.Append(bullet ? "<li>" : "<p>").Append(E(bullet ? p[2..] : p)).Append(bullet ? "</li>\n" : "</p>\n");
        }
        if (inList) h.Append("</ul>\n");
    }

    private static string Clock(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string E(string s) => Encoder.Encode(s);

    private const string Css = """
        body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;line-height:1.45;color:#1a1a1a}
        h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem;border-top:2px solid #ccc;padding-top:1rem}h3{font-size:1.05rem;margin-bottom:.3rem}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
        table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}
        .draft{display:inline-block;background:#fff3cd;padding:.2rem .5rem}.meta{color:#555}.empty{color:#888;font-style:italic}
        table,td{overflow-wrap:anywhere}
        @media print{.toppnotat{break-before:page}a{color:inherit;text-decoration:none}.empty{display:none}}
        """;
}
