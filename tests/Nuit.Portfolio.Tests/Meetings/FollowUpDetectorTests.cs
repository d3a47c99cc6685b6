using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Meetings.Parsing;

namespace Nuit.Portfolio.Tests.Meetings;

public class FollowUpDetectorTests
{
    private static readonly DateOnly May = new(2024, 5, 15), September = new(2024, 9, 5), November = new(2024, 11, 20), February = new(2025, 2, 13);
    private static readonly DateOnly[] Meetings = [May, September, November, February];
    private static CaseKey Nuit(int seq, int year) => new(BodyCode.Nuit, new CaseNumber(seq, year));

    private static readonly FollowUpCandidate[] Candidates =
    [
        new(1, Nuit(27, 2024), May),
        new(2, Nuit(27, 2024), May),
        new(3, Nuit(44, 2024), November),
        new(4, Nuit(45, 2024), November) { Owners = ["NHN"] },
        new(5, Nuit(4, 2025), February),
    ];

    private static Dictionary<int, string> Detect(string text, DateOnly meeting) =>
        FollowUpDetector.Match(FollowUpDetector.FindHints(text, meeting.Year), Nuit(9, 2025), meeting, Meetings, Candidates)
            .ToDictionary(d => d.ActionPointId, d => d.Evidence);

    [Fact]
    public void A_case_named_in_the_text_suggests_its_action_points_and_the_sentence_is_the_evidence()
    {
        var found = Detect("Bakgrunn. Saken følger opp aksjonspunktet fra møtet i november (sak 44/24). Mer tekst.", February);
        Assert.Equal([3], found.Keys);
        Assert.Equal("Saken følger opp aksjonspunktet fra møtet i november (sak 44/24).", found[3]);
    }

    [Fact]
    public void A_meeting_named_by_month_suggests_that_meetings_action_points() =>
        Assert.Equal([3, 4], Detect("Dette er oppfølging av aksjonspunkt fra møtet i november.", February).Keys.Order());

    [Fact]
    public void The_previous_meeting_is_the_last_one_before_the_later_case() =>
        Assert.Equal([3, 4], Detect("Planen som NUIT ba om i forrige møte er lagt fram.", February).Keys.Order());

    [Fact]
    public void An_owner_named_with_the_meeting_narrows_the_suggestion_to_that_owners_action_points() =>
        Assert.Equal([4], Detect("Norsk helsenett SF legger fram planen som NUIT ba om i forrige møte.", February).Keys);

    [Fact]
    public void Forrige_mote_is_not_read_as_an_older_meeting_when_the_register_lacks_the_previous_one()
    {
        var hints = FollowUpDetector.FindHints("Planen som NUIT ba om i forrige møte.", 2025);
        Assert.Empty(FollowUpDetector.Match(hints, Nuit(9, 2025), February, [May, September], Candidates));
    }

    [Fact]
    public void Oppfolging_av_aksjonspunktet_without_a_meeting_means_the_previous_one() =>
        Assert.Equal([1, 2], Detect("Saken er en oppfølging av aksjonspunktet om private aktører.", September).Keys.Order());

    [Fact]
    public void Action_points_of_the_same_or_a_later_meeting_are_never_followed_up()
    {
        Assert.Empty(Detect("Se sak 4/25 og sak 44/24.", November));
        Assert.Empty(Detect("Saken følger opp aksjonspunktet fra møtet i februar.", November));
    }

    [Fact]
    public void Text_without_references_or_follow_up_phrases_suggests_nothing() =>
        Assert.Empty(Detect("Om lag 1/3 av kommunene deltar 24/7 fra 13/2; møtet 05.09.2024 drøftet dette.", February));
}
