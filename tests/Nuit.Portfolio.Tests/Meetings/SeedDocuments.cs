using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Meetings.Parsing;

namespace Nuit.Portfolio.Tests.Meetings;

/// <summary>The two real meeting documents in the repository's seed-data folder, read once per test run.</summary>
internal static class SeedDocuments
{
    public const string AgendaFile = "nuit-2024-09-05-innkalling-med-vedlegg.txt";
    public const string MinutesFile = "nuit-2025-02-13-referat.txt";

    private static readonly Lazy<ParsedDocumentSet> AgendaSet = new(() => MeetingDocumentParser.Parse(Read(AgendaFile), AgendaFile));
    private static readonly Lazy<ParsedDocumentSet> MinutesSet = new(() => MeetingDocumentParser.Parse(Read(MinutesFile), MinutesFile));

    public static ParsedDocumentSet Agenda => AgendaSet.Value;

    public static ParsedDocumentSet Minutes2025 => MinutesSet.Value;

    public static string Read(string fileName) => File.ReadAllText(Path.Combine(MeetingsFolder(), fileName));

    public static ParsedCase Case(ParsedMeeting meeting, string number) =>
        meeting.Cases.Single(c => c.Number == CaseNumber.Parse(number));

    public static ParsedMeeting Meeting(ParsedDocumentSet set, string number) => set.Meetings.Single(m => m.Number == number);

    private static string MeetingsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nuit.Portfolio.sln")))
                return Path.Combine(dir.FullName, "seed-data", "meetings");
        }

        throw new InvalidOperationException("Fant ikke Nuit.Portfolio.sln over " + AppContext.BaseDirectory);
    }
}
