using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Reports;

public sealed record ReportSummary(
    int Id, string Quarter, string QuarterText, string State, int Edition, string EditionText, DateTimeOffset CutOff,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? PublishedAt, string DataSha256, IReadOnlyList<ReportFileInfo> Files);

public sealed record ReportFileInfo(string Name, string ContentType, long Size, string Sha256);

internal static class ReportProjections
{
    public static string EditionText(ReportState state, int edition) =>
        state == ReportState.Published ? $"Publisert, versjon {edition}" : "Utkast";

    public static ReportSummary ToSummary(this Report r) =>
        r.ToSummary(r.Files.Select(f => new ReportFileInfo(f.Name, f.ContentType, f.Size, f.Sha256)));

    /// <summary>With the file list given separately, so a listing can leave the file contents in the database.</summary>
    public static ReportSummary ToSummary(this Report r, IEnumerable<ReportFileInfo> files) => new(
        r.Id, r.Quarter.ToString(), r.Quarter.ToDisplayString(), r.State.ToString().ToLowerInvariant(), r.Edition,
        EditionText(r.State, r.Edition), r.CutOff, r.CreatedAt, r.CreatedBy, r.PublishedAt, r.DataSha256,
        [.. files.OrderBy(f => f.Name, StringComparer.Ordinal)]);
}
