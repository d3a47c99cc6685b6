using Nuit.Portfolio.Rendering.Reports;

namespace Nuit.Portfolio.Tests.Reports;

/// <summary>A small hand-made report model with Norwegian letters and markup-like text in it.</summary>
internal static class SampleReport
{
    public static QuarterReport Build() => new(
        "2025-Q1", "1. kvartal 2025", "2024-Q4", new DateTimeOffset(2025, 4, 1, 4, 0, 0, TimeSpan.Zero), 2,
        Goals:
        [
            new GoalSummary("M1", "Aktiv medvirkning i egen og næres helse", "amber", new RagCounts(1, 1, 0, 1), new RagCounts(1, 0, 0, 2),
                [new ItemChange("SFM", "Sentral forskrivningsmodul", "initiative", "green", "amber", "worse")]),
            new GoalSummary("M2", "Enklere arbeidshverdag", "grey", new RagCounts(0, 0, 1, 0), new RagCounts(0, 0, 1, 0), []),
        ],
        Items:
        [
            new ItemStatusRow("M1", "Aktiv medvirkning i egen og næres helse", "goal", null, "amber", "green", "worse", "Forsinkelser <i>SFM</i> & PLL", "kari", null, null, []),
            new ItemStatusRow("SFM", "Sentral forskrivningsmodul", "initiative", "M1", "amber", "green", "worse", "Leveransen er skjøvet.", "ola",
                new DateTimeOffset(2025, 3, 20, 10, 0, 0, TimeSpan.Zero), "NHN",
                [new MilestoneRow("Pilot i én region", new DateOnly(2025, 3, 1), new DateOnly(2025, 9, 1), null, true, "NUIT 31/24")]),
            new ItemStatusRow("PLL", "Pasientens legemiddelliste", "initiative", "M2", "red", "red", "unchanged", null, "ola", null, "Helsedirektoratet", []),
        ],
        Indicators:
        [
            new IndicatorRow("DIGITAL-KONTAKT", "Andel innbyggere med digital kontakt med helsetjenesten siste 12 måneder", "M1", "%", "2024",
                new PeriodPoint("2023", 57), 60, "amber",
                [new("2019", 33), new("2020", 47), new("2021", 46), new("2022", 54), new("2023", 57)],
                [new("2023", 60), new("2025", 65)]),
            new IndicatorRow("TOM", "Indikator uten verdier", "M2", "antall", "2024", null, null, "grey", [], []),
        ],
        Cases:
        [
            new ReportCase("NUIT 1/25", "Godkjenning av innkalling og dagsorden", new DateOnly(2025, 3, 12), "1/2025", "Godkjenning", "Godkjent", []),
            new ReportCase("NUIT 4/25", "Oppfølging nasjonal e-helsestrategi 1. kvartal 2025", new DateOnly(2025, 3, 12), "1/2025", "Orientering", null,
                [new CaseItemRef("SFM", "Sentral forskrivningsmodul", "confirmed")]),
        ],
        CasesByItem:
        [
            new CaseGroup("SFM", "Sentral forskrivningsmodul", "initiative", [new CaseRef("NUIT 4/25", "Oppfølging nasjonal e-helsestrategi 1. kvartal 2025", "confirmed")]),
            new CaseGroup("", "Ikke koblet til noe i veikartet", "", [new CaseRef("NUIT 1/25", "Godkjenning av innkalling og dagsorden", "")]),
        ],
        ActionPoints: [new ActionPointRow("NUIT 31/24", "Sekretariatet følger opp <script>alert(1)</script>", new DateOnly(2024, 9, 5), 207)],
        ItemsNotDiscussed: [new DiscussionGap("PLL", "Pasientens legemiddelliste", "initiative", new DateOnly(2024, 5, 15), "NUIT 20/24")],
        IndicatorsWithoutValue: [new IndicatorGap("TOM", "Indikator uten verdier", "2024", null)],
        ChartQuarters: ["2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1"],
        CasesPerQuarter:
        [
            new CaseCountSeries("M1", "Aktiv medvirkning i egen og næres helse", [2, 3, 0, 4]),
            new CaseCountSeries("M2", "Enklere arbeidshverdag", [1, 0, 2, 1]),
        ])
    {
        Decisions =
        [
            new QuarterDecision("M1", "Aktiv medvirkning i egen og næres helse", "SFM", "Sentral forskrivningsmodul", "initiative", "NUIT 4/25",
                "Oppfølging nasjonal e-helsestrategi 1. kvartal 2025", new DateOnly(2025, 3, 12), "NUIT tar saken til orientering.", "suggested"),
        ],
        ActionPointEvents =
        [
            new QuarterActionPoint("overdue", 7, "NUIT 31/24", "NHN kommer tilbake til saken", new DateOnly(2024, 9, 5), ["NHN"], new DateOnly(2024, 11, 1),
                "open", null, null),
        ],
    };
}
