using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Meetings.Parsing;
using static Nuit.Portfolio.Tests.Meetings.SeedDocuments;

namespace Nuit.Portfolio.Tests.Meetings;

public class ActionPointParserTests
{
    private static readonly DateOnly Meeting = new(2024, 11, 20);

    [Theory]
    [InlineData("NHN og KS følger opp.", "NHN,KS")]
    [InlineData("Norsk helsenett SF skal komme tilbake til NUIT med sak om hvordan de skal håndtere private aktører.", "NHN")]
    [InlineData("Oslo kommune, Bergen kommune og Helse Sør-Øst RHF ble utfordret på å komme med en sak til NUIT.", "Oslo kommune,Bergen kommune,Helse Sør-Øst RHF")]
    [InlineData("De regionale helseforetakene og FHI utreder saken.", "RHF,FHI")]
    [InlineData("Hdir og sekretariatet lager et notat; kommunene gir innspill.", "Helsedirektoratet,Sekretariatet,Kommunene")]
    [InlineData("Saken tas med inn i møte i Nasjonalt e-helseråd 13. juni. Innspill fra det møte skal også sendes til departementet.", "")]
    [InlineData("HOD avklarer finansieringen med RHF-ene.", "HOD")]
    public void Owners_are_the_organisations_that_act(string text, string expected) =>
        Assert.Equal(expected.Length == 0 ? [] : expected.Split(','), ActionPointParser.ParseOwners(text));

    [Theory]
    [InlineData("NHN utreder og kommer tilbake innen neste møte.", ActionPointDue.NextMeeting, null)]
    [InlineData("Sekretariatet legger fram saken til neste møte.", ActionPointDue.NextMeeting, null)]
    [InlineData("Helsedirektoratet kommer tilbake til møtet i mai.", ActionPointDue.MeetingInMonth, "2025-05-31")]
    [InlineData("Første ordning skal være på plass innen 1. oktober 2025.", ActionPointDue.Date, "2025-10-01")]
    [InlineData("Statusrapport til HOD innen 15.10.2024.", ActionPointDue.Date, "2024-10-15")]
    [InlineData("NHN leverer en plan innen utgangen av 2025.", ActionPointDue.Date, "2025-12-31")]
    [InlineData("KS svarer innen utgangen av året.", ActionPointDue.Date, "2024-12-31")]
    [InlineData("FHI rapporterer innen utgangen av 1. kvartal 2025.", ActionPointDue.Date, "2025-03-31")]
    [InlineData("Innen utgangen av februar skal NHN svare.", ActionPointDue.Date, "2025-02-28")]
    [InlineData("NHN følger opp saken.", ActionPointDue.None, null)]
    public void Due_dates_are_read_from_the_phrases_the_council_uses(string text, ActionPointDue kind, string? date)
    {
        var due = ActionPointParser.ParseDue(text, Meeting);
        Assert.Equal(kind, due.Kind);
        Assert.Equal(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), due.Date);
    }

    [Fact]
    public void Next_meeting_is_the_date_of_the_bodys_next_meeting_once_known()
    {
        var due = ActionPointParser.ParseDue("innen neste møte", Meeting);
        Assert.Null(ActionPointParser.Resolve(due, Meeting, [new(2024, 5, 15), Meeting]));
        Assert.Equal(new DateOnly(2025, 2, 13), ActionPointParser.Resolve(due, Meeting, [new(2025, 5, 20), new(2025, 2, 13), Meeting]));
        var inMay = ActionPointParser.ParseDue("til møtet i mai", Meeting);
        Assert.Equal(new DateOnly(2025, 5, 20), ActionPointParser.Resolve(inMay, Meeting, [new(2025, 5, 20)]));
    }

    [Fact]
    public void The_real_minutes_action_points_get_their_owners()
    {
        var m2 = Meeting(Agenda, "2/2024");
        var m1 = Meeting(Minutes2025, "1/2025");
        var owners = m2.Cases.Concat(m1.Cases).SelectMany(c => c.ActionPoints)
            .Select(a => string.Join(",", ActionPointParser.ParseOwners(a))).ToList();
        Assert.Equal(["", "NHN", "", "Oslo kommune,Bergen kommune,Helse Sør-Øst RHF"], owners);
        Assert.All(m2.Cases.Concat(m1.Cases).SelectMany(c => c.ActionPoints), a => Assert.Equal(ActionPointDue.None, ActionPointParser.ParseDue(a, Meeting).Kind));
    }
}
