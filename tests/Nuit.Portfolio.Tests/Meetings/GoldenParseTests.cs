using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Features.Meetings.Parsing;

namespace Nuit.Portfolio.Tests.Meetings;

/// <summary>
/// The whole parse of each seed document, as text, as PDF and run together on one line, pinned field by field in
/// a JSON file written from the parser before its speed-up (issue 17): making the parser faster must not change
/// one title, span or warning. After a deliberate change to what the parser reads, regenerate the files with
/// NUIT_UPDATE_GOLDEN=1 and read the diff.
/// </summary>
public class GoldenParseTests
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static TheoryData<string, string> Inputs() => new()
    {
        { SeedDocuments.AgendaFile, "tekst" }, { SeedDocuments.AgendaFile, "pdf" }, { SeedDocuments.AgendaFile, "flat" },
        { SeedDocuments.MinutesFile, "tekst" }, { SeedDocuments.MinutesFile, "pdf" }, { SeedDocuments.MinutesFile, "flat" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void The_parse_of_a_seed_document_is_unchanged(string file, string form)
    {
        var actual = Serialize(file, form);
        var golden = Path.Combine(RepoRoot.Path, "tests", "Nuit.Portfolio.Tests", "Meetings", "Golden", $"{Path.GetFileNameWithoutExtension(file)}.{form}.json");
        if (Environment.GetEnvironmentVariable("NUIT_UPDATE_GOLDEN") == "1") File.WriteAllText(golden, actual);
        var expected = File.ReadAllText(golden).ReplaceLineEndings("\n");
        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at]) at++;
        Assert.True(at == expected.Length && at == actual.Length,
            $"Tolkningen av {file} ({form}) skiller seg fra {golden} ved tegn {at}: «{Around(expected, at)}» ≠ «{Around(actual, at)}»");
    }

    private static string Serialize(string file, string form)
    {
        var text = SeedDocuments.Read(file);
        // The same file as a PDF goes through page breaks; run together it goes through the reflow of flattened text.
        text = form switch
        {
            "pdf" => DocumentReader.ReadText(WinAnsiPdf.Build(text), Path.ChangeExtension(file, ".pdf")),
            "flat" => text.ReplaceLineEndings(" "),
            _ => text,
        };
        try
        {
            return JsonSerializer.Serialize(MeetingDocumentParser.Parse(text, file), Json).ReplaceLineEndings("\n");
        }
        catch (InputException ex)
        {
            return JsonSerializer.Serialize(new { Feil = ex.Message }, Json).ReplaceLineEndings("\n");
        }
    }

    private static string Around(string s, int at) => s[Math.Max(0, at - 60)..Math.Min(s.Length, at + 60)];
}
