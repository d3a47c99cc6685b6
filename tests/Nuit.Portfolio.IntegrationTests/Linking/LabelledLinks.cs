using System.Text.Json;

namespace Nuit.Portfolio.IntegrationTests.Linking;

/// <summary>One case of the labelled set: the items its text mentions and the one it is chiefly about (if any).</summary>
public sealed record LabelledCase(string Case, IReadOnlyList<string> Mentions, string? Chief, string Comment);

/// <summary>
/// The labelled set in labelled-links.json, made by reading the two real meeting documents. It is data, kept
/// apart from the code, so that a change to it shows in review as a change of judgement, not of the matcher.
/// </summary>
public static class LabelledLinks
{
    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "Linking", "labelled-links.json");

    public static IReadOnlyList<LabelledCase> Load()
    {
        using var stream = File.OpenRead(FilePath);
        var file = JsonSerializer.Deserialize<LabelledFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"{FilePath} er tom.");
        foreach (var c in file.Cases)
            if (c.Chief is not null && !c.Mentions.Contains(c.Chief))
                throw new InvalidOperationException($"{c.Case}: hovedtemaet {c.Chief} må også stå blant det saken nevner.");
        return file.Cases;
    }

    private sealed record LabelledFile(string About, IReadOnlyList<LabelledCase> Cases);
}
