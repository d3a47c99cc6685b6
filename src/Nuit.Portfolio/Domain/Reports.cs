namespace Nuit.Portfolio.Domain;

public enum ReportState
{
    /// <summary>A working copy: rebuilding it replaces its files; there is at most one per quarter.</summary>
    Draft = 1,

    /// <summary>Frozen: its files and data never change; publishing again creates the next edition.</summary>
    Published = 2,
}

/// <summary>
/// The quarterly report for one quarter. This row, not the job scheduler, is the source of truth for
/// whether a report exists: the embedded scheduler keeps its state in memory and forgets it on restart.
/// </summary>
public sealed class Report
{
    public int Id { get; set; }
    public required Quarter Quarter { get; set; }
    public ReportState State { get; set; }

    /// <summary>0 for the draft; 1, 2 … for published editions ("versjon 2").</summary>
    public int Edition { get; set; }

    /// <summary>Data recorded after this instant is not in the report.</summary>
    public DateTimeOffset CutOff { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>SHA-256 of the data snapshot (the JSON file among <see cref="Files"/>), to tell editions apart at a glance.</summary>
    public required string DataSha256 { get; set; }

    /// <summary>The background work that built it, if any: running that work again returns this report.</summary>
    public Guid? RequestId { get; set; }

    public List<ReportFile> Files { get; } = [];
}

/// <summary>
/// One output file of a report (HTML, workbook, chart, data snapshot), kept in the database so every
/// instance of a multi-instance deployment serves the same bytes.
/// </summary>
public sealed class ReportFile
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public Report? Report { get; set; }
    public required string Name { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
}
