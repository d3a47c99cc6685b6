using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Meetings.Parsing;
using static Nuit.Portfolio.Tests.Meetings.SeedDocuments;

namespace Nuit.Portfolio.Tests.Meetings;

/// <summary>The minutes of NUIT 2/2024 (attached to the 3/2024 notice) and of NUIT 1/2025.</summary>
public class MinutesParsingTests
{
    private static ParsedMeeting Minutes2 => Meeting(Agenda, "2/2024");

    private static ParsedMeeting Minutes1 => Meeting(Minutes2025, "1/2025");

    [Fact]
    public void Minutes_2_2024_head_is_read_and_the_stray_date_is_not_the_meeting_date()
    {
        Assert.Equal(DocumentKind.Minutes, Minutes2.Kind);
        Assert.Equal(new DateOnly(2024, 5, 15), Minutes2.Date);
        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(16, 0)), (Minutes2.Start!.Value, Minutes2.End!.Value));
        Assert.Equal("Helsedirektoratet, Verkstedveien 1, Oslo", Minutes2.Place);
        Assert.Equal(new SourceSpan(285, 722, null), Minutes2.Source);
        Assert.DoesNotContain(Agenda.Meetings, m => m.Date == new DateOnly(2024, 1, 24));
        Assert.DoesNotContain(Minutes2.Cases, c => c.Title.Contains("januar", StringComparison.Ordinal));
    }

    [Fact]
    public void Minutes_2_2024_attendance_has_members_absentees_a_deputy_and_the_secretariat()
    {
        var byRole = Minutes2.Attendees.GroupBy(a => a.Role).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(14, byRole[AttendanceRole.Member].Count);
        Assert.Equal(
            [
                new ParsedAttendee("Liv Heidi Brattås Remo", "Helsedirektoratet", AttendanceRole.Absent),
                new ParsedAttendee("Petter Brelin", "Fastlegerepresentant", AttendanceRole.Absent),
                new ParsedAttendee("Odd Ruud", "Moss kommune / DigiViken", AttendanceRole.Absent),
                new ParsedAttendee("Asbjørn Finstad", "KS", AttendanceRole.Absent),
                new ParsedAttendee("Jon Kirknes", "Kreftforeningen", AttendanceRole.Absent),
            ],
            byRole[AttendanceRole.Absent]);
        var deputy = Assert.Single(byRole[AttendanceRole.Deputy]);
        Assert.Equal(("Andreas Høiaas", "Kreftforeningen", "Jon Kirknes"), (deputy.Name, deputy.Organisation, deputy.StandsInFor));
        Assert.Equal(["Lucie Aunan", "Siv Ingebrigtsen", "Karen Lima", "Vibeke Jonassen Wang"], byRole[AttendanceRole.Other].Select(a => a.Name));
        Assert.All(byRole[AttendanceRole.Other], a => Assert.Equal("Helsedirektoratet", a.Organisation));
        Assert.Contains(new ParsedAttendee("Bente Christensen", "Norsk Sykepleierforbund", AttendanceRole.Member), byRole[AttendanceRole.Member]);
    }

    [Fact]
    public void Minutes_2_2024_cases_titles_and_types()
    {
        Assert.Equal(Enumerable.Range(15, 13).Select(n => $"{n}/24"), Minutes2.Cases.Select(c => c.Number.ToString()));
        Assert.Equal("Prinsipper for fordeling av kostnader for drift- og forvaltning av de nasjonale e-helseløsninger", Case(Minutes2, "17/24").Title);
        Assert.Equal("TB2024-79 Overgang til plikt til betaling ved innføring av nasjonale e-helseløsninger", Case(Minutes2, "18/24").Title);
        Assert.Equal("Apotekenes nye felles bransjeløsning, Eik", Case(Minutes2, "20/24").Title);
        Assert.Equal(
            ["Godkjenning", "Godkjenning", "Drøfting", "Drøfting", "Måtte utgå", "Drøfting", "Drøfting", "Drøfting", "Drøfting", "Drøfting", "Drøfting", "Orientering", "Eventuelt"],
            Minutes2.Cases.Select(c => c.Type));
        Assert.All(Minutes2.Cases, c => Assert.Null(c.TimeSlot));
        Assert.All(Minutes2.Cases, c => Assert.Null(c.ProposedDecision));
    }

    [Fact]
    public void Withdrawn_case_has_no_decision_or_inputs()
    {
        var withdrawn = Case(Minutes2, "19/24");
        Assert.Equal("Nasjonal e-helseportefølje", withdrawn.Title);
        Assert.Equal("Måtte utgå", withdrawn.Type);
        Assert.Null(withdrawn.Decision);
        Assert.Empty(withdrawn.Inputs);
        Assert.Equal(
            "Saken ble trukket på grunn av tid tilgjengelig i møte. Det var enighet om at innspill til status måtte sendes Helsedirektoratet innen tirsdag 22. mai.",
            Assert.Single(withdrawn.Sections).Text);
    }

    [Fact]
    public void Inputs_are_one_string_per_bullet_across_all_input_headings()
    {
        var costs = Case(Minutes2, "17/24");
        Assert.Equal(9, costs.Inputs.Count); // 5 under "Innspill til prismodellene:" and 4 under "Øvrige innspill:"
        Assert.Equal("De regionale helseforetakene støtter ikke kostnadsfordelingen for pasientens prøvesvar hvor deres andel er oppført med 70%.", costs.Inputs[0]);
        Assert.Equal("Fastlegene har fått en god tilpasning til bruk av SFM fordi de opprettere PLL, ikke så godt tilpasset de øvrige kommunale tjenestene.", costs.Inputs[5]);
        Assert.Equal(
            ["17/24:9", "18/24:6", "20/24:5", "21/24:4", "22/24:8", "23/24:11", "24/24:6", "25/24:9"],
            Minutes2.Cases.Where(c => c.Inputs.Count > 0).Select(c => $"{c.Number}:{c.Inputs.Count}"));
        Assert.Equal(
            "Det er viktig at tannhelsetjenesten kjenner til og har et forhold til de nasjonale e-helseløsningene. Det er åpenbart at tannhelsetjenesten må være en del av den nasjonale samhandlingen. Tannhelsetjenesten må skjele til det som skjer på nasjonalt nivå i arbeidet deres.",
            Case(Minutes2, "22/24").Inputs[0]);
        Assert.Empty(Case(Minutes2, "16/24").Inputs); // "Det kom ellers ingen innspill" is narrative, not an input
    }

    [Fact]
    public void Action_points_and_decisions_are_read()
    {
        var costs = Case(Minutes2, "17/24");
        Assert.Equal(
            [
                "Saken tas med inn i møte i Nasjonalt e-helseråd 13. juni. Innspill fra det møte skal også sendes til departementet.",
                "Norsk helsenett SF skal komme tilbake til NUIT med sak om hvordan de skal håndtere private aktører.",
            ],
            costs.ActionPoints);
        Assert.Equal(
            "NUIT drøftet foreslåtte prismodeller og ba Norsk helsenett SF ta med seg innspill inn i videre arbeid. NUIT mener Norsk helsenett SF må be departementet om utsettelse på leveransen, for å kunne behandle saken i Nasjonalt e-helseråd i juni før oversendelse.",
            costs.Decision);
        Assert.False(costs.DecisionUpdated);
        Assert.Equal("NUIT godkjenner innkalling og dagsorden.", Case(Minutes2, "15/24").Decision);
        Assert.Equal(new SourceSpan(383, 451, null), costs.Source);
    }

    [Fact]
    public void Updated_decision_of_23_24_is_the_decision_and_is_flagged()
    {
        var plan = Case(Minutes2, "23/24");
        Assert.True(plan.DecisionUpdated);
        Assert.Equal(
            "NUIT drøftet målbildet, og de foreløpige anbefalingene til prioritering i perioden 2024-2027. Helsedirektoratet tar med seg innspillene i det videre arbeidet med gapanalysen for å ferdigstille forslag til områdeplan med prioritering og tiltak.",
            plan.Decision);
        Assert.Equal("Det må tas hensyn til alle livets faser, og vi må ivareta de som ikke er digitale.", plan.Inputs[^1]);
        Assert.Single(Minutes2.Cases, c => c.DecisionUpdated);
    }

    [Fact]
    public void Minutes_2025_head_and_attendance()
    {
        Assert.Single(Minutes2025.Meetings);
        Assert.Empty(Minutes2025.Warnings);
        Assert.Equal((BodyCode.Nuit, DocumentKind.Minutes, new DateOnly(2025, 2, 13)), (Minutes1.Body, Minutes1.Kind, Minutes1.Date));
        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(16, 0)), (Minutes1.Start!.Value, Minutes1.End!.Value));
        Assert.Equal("Nationaltheatret konferansesenter, Oslo sentrum", Minutes1.Place);

        Assert.Equal(16, Minutes1.Attendees.Count(a => a.Role == AttendanceRole.Member));
        Assert.Contains(new ParsedAttendee("Liv Heidi Brattås Remo", "Helsedirektoratet", AttendanceRole.Member), Minutes1.Attendees);
        Assert.Equal(
            [
                new ParsedAttendee("Ole Jørgen Kirkeluten", "Helse Vest RHF", AttendanceRole.Absent),
                new ParsedAttendee("Bente Christensen", "Norsk Sykepleierforbund", AttendanceRole.Absent),
            ],
            Minutes1.Attendees.Where(a => a.Role == AttendanceRole.Absent));
        Assert.DoesNotContain(Minutes1.Attendees, a => a.Role == AttendanceRole.Deputy);
        Assert.Equal(
            ["Lucie Aunan", "Bente Andersen Sundlo", "Siv Ingebrigtsen", "Karen Lima", "Vibeke Jonassen Wang"],
            Minutes1.Attendees.Where(a => a.Role == AttendanceRole.Other).Select(a => a.Name));
    }

    [Fact]
    public void Minutes_2025_cases()
    {
        Assert.Equal(Enumerable.Range(1, 11).Select(n => $"{n}/25"), Minutes1.Cases.Select(c => c.Number.ToString()));
        Assert.Equal("Felles KI-plan: Er arbeidet med kompetanse i Felles KI-plan dekkende?", Case(Minutes1, "8/25").Title);
        Assert.Equal("Drøfting", Case(Minutes1, "10/25").Type);
        Assert.Equal(("Eventuelt", "Eventuelt"), (Case(Minutes1, "11/25").Title, Case(Minutes1, "11/25").Type));
        Assert.Null(Case(Minutes1, "11/25").Decision);

        var collaboration = Case(Minutes1, "3/25");
        Assert.Equal(13, collaboration.Inputs.Count);
        Assert.Equal("Noen av forsinkelsene har vært kloke, for å unngå feil.", collaboration.Inputs[1]);
        Assert.Equal("Sektor bør ha gode planer for ibruktakelse av løsningene. Det innebærer også informasjons- og endringsarbeid.", collaboration.Inputs[2]);
        Assert.Equal(["Sak i NUIT hvor NUIT utfordrer seg selv på hvordan sektor kan bli bedre i leverandørdialogen. Hvordan skal vi klare å håndtere dette bedre?"], collaboration.ActionPoints);
        Assert.Equal("NUIT tar saken til orientering.", collaboration.Decision);
        Assert.Equal("Rune Røren, Helse- og omsorgsdepartementet, orienterte NUIT om status på Digital samhandling.", collaboration.Sections.Single(s => s.Kind == "Referat").Text);

        Assert.Equal([14, 7, 10, 11, 8, 15, 4], new[] { "4/25", "5/25", "6/25", "7/25", "8/25", "9/25", "10/25" }.Select(n => Case(Minutes1, n).Inputs.Count));
    }

    [Fact]
    public void Minutes_2025_updated_decision_with_numbered_points_joins_the_hyphenated_word()
    {
        var costs = Case(Minutes1, "5/25");
        Assert.True(costs.DecisionUpdated);
        Assert.Equal(
            "1. NUIT er orientert om endringene i drift- og forvaltningskostnader for de nasjonale e-helseløsningene som skyldes investeringer og tiltak i den nasjonale e-helseportefølje og Helsenorge veikart. Dette inkluderer tiltakene på digital samhandling i henhold til oppdrag og mandater mottatt fra Helse- og omsorgsdepartementet.\n" +
            "2. NUIT tar til etterretning fremlagt endring i drift- og forvaltningskostnader for de nasjonale e-helseløsningene, der endringene skyldes investering i tiltak i den nasjonale e-helseporteføljen og Helsenorge.",
            costs.Decision);
        Assert.False(Case(Minutes1, "4/25").DecisionUpdated);
        Assert.Equal(
            "NUIT stiller seg bak fremlagte status- og fremdrift for realiseringen av nasjonal e-helsestrategi. NUIT ga også innspill til hvilke strategiske tema som det er viktigst å drøfte i nasjonal rådsmodell for e-helse.",
            Case(Minutes1, "4/25").Decision);
    }
}
