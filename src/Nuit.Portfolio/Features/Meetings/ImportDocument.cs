using System.Security.Cryptography;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Ledger;
using Nuit.Portfolio.Features.Linking;
using Nuit.Portfolio.Features.Meetings.Import;
using Nuit.Portfolio.Features.Meetings.Parsing;

namespace Nuit.Portfolio.Features.Meetings;

/// <summary>
/// Imports one file (agenda, minutes, cover notes; text or PDF) into meetings and cases. All or nothing:
/// the file's meetings are stored in one transaction, and a failure leaves only a record of the attempt.
/// The original is kept, content-addressed. Importing the same file again changes nothing.
/// </summary>
public sealed record ImportDocument(string FileName, byte[] Content, bool DryRun = false) : ICommand<ImportReport>, IOwnsTransaction
{
    public long MaxBytes { get; init; } = DocumentReader.DefaultMaxBytes;

    /// <summary>The meeting ("2/2019") a damaged document does not name; fills only what the document lacks.</summary>
    public string? Meeting { get; init; }

    /// <summary>The meeting's date, for a document whose date line is missing or unreadable.</summary>
    public DateOnly? MeetingDate { get; init; }
}

public sealed record ImportReport(IReadOnlyList<ImportedMeeting> Meetings, IReadOnlyList<string> Warnings, IReadOnlyList<ImportedFile> Files)
{
    /// <summary>Stretches of text that went into no meeting head, case or cover note: an import that read part of a file says so.</summary>
    public IReadOnlyList<UnreadText> Unassigned { get; init; } = [];

    public static ImportReport Combine(IEnumerable<ImportReport> reports)
    {
        var list = reports.ToList();
        return new([.. list.SelectMany(r => r.Meetings)], [.. list.SelectMany(r => r.Warnings)], [.. list.SelectMany(r => r.Files)])
        {
            Unassigned = [.. list.SelectMany(r => r.Unassigned)],
        };
    }
}

/// <summary>Lines <paramref name="FirstLine"/>–<paramref name="LastLine"/> of <paramref name="FileName"/> that no case took.</summary>
public sealed record UnreadText(string FileName, int FirstLine, int LastLine, string Text);

public sealed record ImportedFile(string FileName, long Size, string Sha256, string Result, bool DryRun);

/// <summary><see cref="Status"/> is created, updated or unchanged; <see cref="Changes"/> names what a corrected document changed.</summary>
public sealed record ImportedMeeting(
    string Body, string Number, DateOnly Date, string Kind, string Status, IReadOnlyList<ImportedCase> Cases, IReadOnlyList<string> Changes);

public sealed record ImportedCase(
    string Number, string Title, string? Type, string? ProposedDecision, string? Decision, int Inputs, int ActionPoints,
    IReadOnlyList<ImportedReference> References);

public sealed record ImportedReference(string Case, DateOnly? Date);

public sealed class ImportDocumentValidator : AbstractValidator<ImportDocument>
{
    public ImportDocumentValidator()
    {
        RuleFor(x => x.FileName).NotEmpty().WithMessage("Filnavnet mangler.").MaximumLength(260);
        RuleFor(x => x.Meeting).MustBeAMeetingNumber();
    }
}

public sealed class ImportDocumentHandler(
    PortfolioDbContext db, TimeProvider clock, CaseLinker linker, LedgerRefresher ledger, AuditTrail audit, WorkProgress progress)
    : ICommandHandler<ImportDocument, ImportReport>
{
    public async ValueTask<ImportReport> Handle(ImportDocument request, CancellationToken cancellationToken)
    {
        // Inside a caller's transaction (seeding) the caller's unit of work is the one retried on a locked database.
        if (db.Database.CurrentTransaction is not null) return await ImportWithRaceRetryAsync(request, cancellationToken);
        // A locked SQLite database runs the whole import again from fresh reads (ADR 11).
        return await db.RunAsync(ct =>
        {
            _touched.Clear();
            _organisations.Clear();
            _notes.Clear();
            return ImportWithRaceRetryAsync(request, ct);
        }, cancellationToken);
    }

    private async Task<ImportReport> ImportWithRaceRetryAsync(ImportDocument request, CancellationToken cancellationToken)
    {
        try
        {
            return await ImportOnceAsync(request, cancellationToken);
        }
        catch (DbUpdateException ex) when (db.Database.CurrentTransaction is null && IsUniqueViolation(ex))
        {
            // Another instance stored the same document or meeting between our read and our write. Its
            // transaction has committed, so a second attempt finds those rows and merges into them.
            db.ChangeTracker.Clear();
            _touched.Clear();
            _organisations.Clear();
            _notes.Clear();
            return await ImportOnceAsync(request, cancellationToken);
        }
    }

    private static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode == 2067,
        _ => false,
    };

    private async Task<ImportReport> ImportOnceAsync(ImportDocument request, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(request.Content));
        var fileName = Path.GetFileName(request.FileName);

        // Owns its transaction (rather than the command pipeline's) so that a failed import can still be
        // recorded after the rollback. Inside a caller's transaction (seeding) it takes part in that one.
        var ownTransaction = db.Database.CurrentTransaction is null;
        await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // Steps: each page read (one for a text file), then parse, store, link.
            var pages = 1;
            progress.Report(0, pages + 3, $"Leser {fileName}");
            var (text, contentType) = DocumentReader.Read(request.Content, fileName, request.MaxBytes, (read, count) =>
            {
                pages = count;
                progress.Report(read, count + 3, $"Leser side {read} av {count}");
            });
            progress.Report(pages, pages + 3, "Tolker møter og saker");
            var parsed = MeetingDocumentParser.Parse(text, fileName, MeetingHint.From(request.Meeting, request.MeetingDate));
            progress.Report(pages + 1, pages + 3, request.DryRun ? "Sammenligner med det som er lagret" : "Lagrer møter og saker");

            var document = await db.SourceDocuments.FirstOrDefaultAsync(d => d.Sha256 == sha, cancellationToken)
                ?? db.SourceDocuments.Add(new SourceDocument
                {
                    Sha256 = sha,
                    FileName = fileName,
                    ContentType = contentType,
                    Size = request.Content.LongLength,
                    Content = request.Content,
                    StoredAt = clock.GetUtcNow(),
                }).Entity;

            var meetings = new List<ImportedMeeting>();
            foreach (var pm in parsed.Meetings)
                meetings.Add(await ImportMeetingAsync(pm, document, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            await ReferenceResolver.ResolveAsync(db, cancellationToken);
            progress.Report(pages + 2, pages + 3, "Kobler sakene til veikartet");
            // New or changed cases get their link suggestions and search entries in the same transaction.
            await linker.RefreshAsync([.. _touched.Select(c => c.Id)], cancellationToken);
            // References in running text, action points' owners and due dates, and suggested follow-ups.
            await ledger.RefreshAsync([.. _touched.Select(c => c.Id)], cancellationToken);

            var result = meetings.Any(m => m.Status == "created") ? ImportResult.Created
                : meetings.Any(m => m.Status == "updated") ? ImportResult.Updated
                : ImportResult.Unchanged;
            db.ImportRecords.Add(new ImportRecord
            {
                FileName = fileName,
                Size = request.Content.LongLength,
                Sha256 = sha,
                Document = document,
                ImportedBy = audit.User.Name,
                ImportedAt = clock.GetUtcNow(),
                Result = result,
                Details = Describe(meetings),
            });
            // The audit names each meeting the file created or changed, and what changed in it.
            audit.FromFile(fileName);
            foreach (var m in meetings.Where(m => m.Status != "unchanged"))
                audit.Record(null, $"{m.Body} møte {m.Number}", m.Kind == "agenda" ? "import innkalling" : "import referat",
                    m.Status == "created" ? null : "(før importen)",
                    m.Status == "created" ? $"opprettet med {m.Cases.Count} saker" : string.Join(" | ", m.Changes));
            await db.SaveChangesAsync(cancellationToken);

            if (transaction is not null)
            {
                if (request.DryRun) await transaction.RollbackAsync(cancellationToken);
                else await transaction.CommitAsync(cancellationToken);
            }
            if (request.DryRun) db.ChangeTracker.Clear();

            var warnings = parsed.Warnings.Select(w => w.Line is { } line ? $"{fileName}, linje {line}: {w.Message}" : $"{fileName}: {w.Message}")
                .Concat(_notes).ToList();
            return new ImportReport(meetings, warnings,
                [new ImportedFile(fileName, request.Content.LongLength, sha, result.ToString().ToLowerInvariant(), request.DryRun)])
            {
                Unassigned = [.. parsed.Unassigned.Select(u => new UnreadText(fileName, u.FirstLine, u.LastLine, u.Text))],
            };
        }
        catch (InputException ex) when (ownTransaction && !request.DryRun)
        {
            await transaction!.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            db.ImportRecords.Add(new ImportRecord
            {
                FileName = fileName,
                Size = request.Content.LongLength,
                Sha256 = sha,
                ImportedBy = audit.User.Name,
                ImportedAt = clock.GetUtcNow(),
                Result = ImportResult.Failed,
                Details = ex.Message,
            });
            await db.SaveChangesAsync(cancellationToken);
            throw;
        }
    }

    private async Task<ImportedMeeting> ImportMeetingAsync(ParsedMeeting pm, SourceDocument document, CancellationToken ct)
    {
        // Local first: one file can hold two meetings of a body that this import is adding.
        var body = db.Bodies.Local.FirstOrDefault(b => b.Code == pm.Body)
            ?? await db.Bodies.FirstOrDefaultAsync(b => b.Code == pm.Body, ct)
            ?? db.Bodies.Add(new Body { Code = pm.Body, ShortName = Bodies.ShortName(pm.Body), Name = Bodies.FullName(pm.Body) }).Entity;

        var meeting = body.Id == 0 ? null : await db.Meetings
            .Include(m => m.Attendances).ThenInclude(a => a.Organisation)
            .FirstOrDefaultAsync(m => m.BodyId == body.Id && m.Number == pm.Number, ct);
        var created = meeting is null;
        meeting ??= db.Meetings.Add(new Meeting { Body = body, Number = pm.Number, Date = pm.Date }).Entity;

        var changes = new List<string>();
        void Note(string what) { if (!created) changes.Add(what); }

        if (meeting.Date != pm.Date) { meeting.Date = pm.Date; Note("møtedato"); }
        if (pm.Start is not null && meeting.StartTime != pm.Start) { meeting.StartTime = pm.Start; Note("starttid"); }
        if (pm.End is not null && meeting.EndTime != pm.End) { meeting.EndTime = pm.End; Note("sluttid"); }
        if (!string.IsNullOrWhiteSpace(pm.Place) && meeting.Place != pm.Place) { meeting.Place = pm.Place; Note("sted"); }
        if (pm.Kind == DocumentKind.Agenda && !meeting.HasAgenda) { meeting.HasAgenda = true; Note("innkalling lagt til"); }
        if (pm.Kind == DocumentKind.Minutes && !meeting.HasMinutes) { meeting.HasMinutes = true; Note("referat lagt til"); }
        if (pm.Kind == DocumentKind.Minutes && meeting.IsPlanned) { meeting.IsPlanned = false; Note("møtet er holdt"); }

        if (pm.Attendees.Count > 0 && !SameAttendance(meeting.Attendances, pm.Attendees))
        {
            meeting.Attendances.Clear();
            foreach (var a in pm.Attendees)
                meeting.Attendances.Add(new Attendance
                {
                    PersonName = a.Name,
                    Role = a.Role,
                    Organisation = a.Organisation is null ? null : await OrganisationAsync(a.Organisation, ct),
                });
            Note("deltakere");
        }

        var existingCases = body.Id == 0 ? [] : await db.Cases
            .Where(c => c.BodyId == body.Id && pm.Cases.Select(x => x.Number.ToString()).Contains(c.Number))
            .Include(c => c.Inputs).Include(c => c.ActionPoints).Include(c => c.Attachments)
            .Include(c => c.Sections).Include(c => c.References)
            .ToDictionaryAsync(c => c.Number, ct);

        if (meeting.IsPlanned && meeting.Id != 0) await MatchPlannedCasesAsync(meeting, pm, existingCases, changes, ct);

        var cases = new List<ImportedCase>();
        foreach (var pc in pm.Cases)
        {
            var number = pc.Number.ToString();
            if (!existingCases.TryGetValue(number, out var entity))
            {
                entity = new Case
                {
                    Body = body,
                    Number = number,
                    Year = pc.Number.Year,
                    Sequence = pc.Number.Sequence,
                    SubNumber = pc.Number.SubNumber,
                    Title = pc.Title,
                    Meeting = meeting,
                    MeetingDate = meeting.Date,
                };
                db.Cases.Add(entity);
                if (!created) changes.Add($"ny sak {number}");
            }
            var dateChanged = entity.MeetingDate != meeting.Date;
            entity.Meeting = meeting;
            entity.MeetingDate = meeting.Date;

            var caseChanges = CaseMerger.Apply(entity, pc, document);
            if (entity.Id == 0 || dateChanged || caseChanges.Count > 0) _touched.Add(entity);
            if (!created && entity.Id != 0 && caseChanges.Count > 0)
                changes.Add($"{number}: {string.Join(", ", caseChanges)}");

            cases.Add(new ImportedCase(
                number, entity.Title, entity.Type, entity.ProposedDecision, entity.Decision,
                entity.Inputs.Count, entity.ActionPoints.Count,
                [.. entity.References.Select(r => new ImportedReference($"{Bodies.ShortName(r.ReferencedBody)} {r.ReferencedNumber}", r.Date))]));
        }

        var status = created ? "created" : changes.Count > 0 ? "updated" : "unchanged";
        return new ImportedMeeting(Bodies.ShortName(pm.Body), pm.Number, meeting.Date,
            pm.Kind == DocumentKind.Agenda ? "agenda" : "minutes", status, cases, changes);
    }

    /// <summary>
    /// A planned meeting's cases carry the numbers of the secretariat's draft; the real document may number them otherwise.
    /// Each of the document's cases takes the planned case with its title, else the planned case with its number; a planned
    /// case that takes another number is renumbered, and one the document does not have is named in the warnings, so what
    /// differed from the plan is shown.
    /// </summary>
    private async Task MatchPlannedCasesAsync(Meeting meeting, ParsedMeeting pm, Dictionary<string, Case> existingCases, List<string> changes, CancellationToken ct)
    {
        var planned = await db.Cases.Where(c => c.MeetingId == meeting.Id)
            .Include(c => c.Inputs).Include(c => c.ActionPoints).Include(c => c.Attachments)
            .Include(c => c.Sections).Include(c => c.References)
            .ToListAsync(ct);
        var free = planned.ToList();
        var taken = new Dictionary<ParsedCase, Case>();
        foreach (var pc in pm.Cases)
            if (free.FirstOrDefault(c => SameTitle(c.Title, pc.Title)) is { } byTitle) { taken[pc] = byTitle; free.Remove(byTitle); }
        foreach (var pc in pm.Cases.Where(c => !taken.ContainsKey(c)))
            if (free.FirstOrDefault(c => c.Number == pc.Number.ToString()) is { } byNumber) { taken[pc] = byNumber; free.Remove(byNumber); }

        foreach (var c in planned) existingCases.Remove(c.Number);
        foreach (var (pc, c) in taken)
        {
            var number = pc.Number.ToString();
            if (c.Number != number)
            {
                changes.Add($"sak {c.Number} «{c.Title}» har nummer {number} i dokumentet");
                c.Number = number;
                c.Year = pc.Number.Year;
                c.Sequence = pc.Number.Sequence;
                c.SubNumber = pc.Number.SubNumber;
            }
            existingCases[number] = c;
        }
        foreach (var c in free)
            _notes.Add($"{Bodies.ShortName(pm.Body)} møte {pm.Number}: den planlagte saken {c.Number} «{c.Title}» står ikke i dokumentet; den er beholdt.");
    }

    private static bool SameTitle(string a, string b) =>
        string.Equals(TextJoiner.CollapseSpaces(a), TextJoiner.CollapseSpaces(b), StringComparison.OrdinalIgnoreCase);

    private readonly List<string> _notes = [];

    private static bool SameAttendance(IEnumerable<Attendance> stored, IReadOnlyList<ParsedAttendee> parsed) =>
        stored.Select(a => (a.PersonName, a.Organisation?.Name, a.Role)).Order()
            .SequenceEqual(parsed.Select(a => (a.Name, a.Organisation, a.Role)).Order());

    private readonly List<Case> _touched = [];
    private readonly Dictionary<string, Organisation> _organisations = new(StringComparer.OrdinalIgnoreCase);

    private async Task<Organisation> OrganisationAsync(string name, CancellationToken ct)
    {
        if (_organisations.TryGetValue(name, out var known)) return known;
        var org = await db.Organisations.FirstOrDefaultAsync(o => o.Name == name, ct)
            ?? db.Organisations.Add(new Organisation { Name = name }).Entity;
        return _organisations[name] = org;
    }

    private static string Describe(IEnumerable<ImportedMeeting> meetings) => string.Join("; ", meetings.Select(m =>
        $"{m.Body} {m.Number} ({m.Kind}): {m.Status}{(m.Changes.Count > 0 ? " – " + string.Join(" | ", m.Changes) : "")}"));
}
