using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Rendering.Charts;

namespace Nuit.Portfolio.Rendering.Reports.Components;

/// <summary>
/// The report's one stylesheet, written into its &lt;style&gt; element so the file needs nothing beside it. In C#
/// rather than in the .razor file because Razor reads <c>@media</c> as code and the colours come from the chart palette.
/// </summary>
internal static class ReportStyles
{
    public static readonly string Css = $$"""
        *, *::before, *::after { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 11pt; color: #111; margin: 2em auto; max-width: 70em; padding: 0 1em; }
        h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { border-bottom: 2px solid #0072B2; padding-bottom: .2em; margin-top: 1.6em; }
        .meta { color: #444; }
        table { border-collapse: collapse; width: 100%; margin: .6em 0; }
        th, td { border: 1px solid #bbb; padding: .25em .45em; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        th { background: #eef3f8; overflow-wrap: normal; } td.num { text-align: right; white-space: nowrap; }
        td ul { margin: 0; padding-left: 1.1em; }
        /* The widest table: fixed columns so a long comment or milestone list wraps inside its column instead of
           pushing "Milepæler" off the right edge (issue 19: 1,426 px wide at 1,366). */
        table.items { table-layout: fixed; font-size: .9em; }
        .c-code { width: 9%; } .c-name { width: 14%; } .c-kind { width: 7%; } .c-rag { width: 10%; } .c-change { width: 8%; }
        .c-text { width: 15%; } .c-by { width: 10%; } .c-milestones { width: 17%; }
        .rag { display: inline-block; padding: .05em .5em; border-radius: .6em; border: 1px solid #333; overflow-wrap: normal; }
        .rag-green { background: {{ChartPalette.Hex(RagStatus.Green)}}; color: #fff; }
        .rag-amber { background: {{ChartPalette.Hex(RagStatus.Amber)}}; color: #000; }
        .rag-red { background: {{ChartPalette.Hex(RagStatus.Red)}}; color: #fff; }
        .rag-grey { background: {{ChartPalette.Hex(RagStatus.Grey)}}; color: #000; }
        .rag-none { background: #fff; color: #000; }
        li.slipped { font-weight: bold; }
        figure { margin: 1em 0; break-inside: avoid; } figure img { max-width: 100%; height: auto; }
        figcaption { font-size: .9em; color: #444; }
        /* A phone: a table too wide to read in columns scrolls in its own box; the page itself never scrolls sideways. */
        @media screen and (max-width: 48em) {
          body { margin: 1em auto; padding: 0 .5em; }
          table { display: block; overflow-x: auto; }
        }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { margin: 0; max-width: none; padding: 0; font-size: 9pt; }
          section { break-before: page; } section:first-of-type { break-before: auto; }
          /* Each goal starts a page; its table's header repeats on every page it runs over and no row is split. */
          #tiltak .goal { break-before: page; } #tiltak .goal:first-of-type { break-before: auto; }
          thead { display: table-header-group; }
          tr, .group, h2, h3, h4 { break-inside: avoid; } h2, h3, h4 { break-after: avoid; }
          .rag, th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        }
        """;
}
