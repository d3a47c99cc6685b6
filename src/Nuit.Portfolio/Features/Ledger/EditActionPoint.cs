using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Features.Shared;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Linking;

namespace Nuit.Portfolio.Features.Ledger;

/// <summary>
/// Changes an action point: owners, due date, status, note; closing records who (the current user), when and the
/// later case that closed it; reopening clears them. Only the fields given change; a due date is removed with <see cref="ClearDue"/>. With <see cref="ExpectedVersion"/>
/// an edit made on stale data is refused (409 / exit 5). Every change goes into the audit trail.
/// </summary>
public sealed record EditActionPoint(int Id) : ICommand<EditedActionPoint>
{
    public IReadOnlyList<string>? Owners { get; init; }
    public DateOnly? Due { get; init; }

    /// <summary>Removes the due date (and a due text that was never read as a date); <see cref="Due"/> wins if both are given.</summary>
    public bool ClearDue { get; init; }
    public string? Status { get; init; }
    public string? Note { get; init; }

    /// <summary>The later case that closed it ("NUIT 5/25"); implies status closed.</summary>
    public string? ClosedByCase { get; init; }
    public Guid? ExpectedVersion { get; init; }
}

public sealed record EditedActionPoint(int Id, string Status, DateOnly? ClosedOn, string? ClosedBy, Guid Version);

public sealed class EditActionPointValidator : AbstractValidator<EditActionPoint>
{
    public EditActionPointValidator()
    {
        RuleFor(x => x.Status).Must(s => s is null || ActionPointStatuses.TryParse(s, out _))
            .WithMessage("Ukjent status. Bruk open, in-progress, closed eller dropped.");
        RuleFor(x => x.ClosedByCase).MustBeACase().When(x => x.ClosedByCase is not null);
        RuleForEach(x => x.Owners).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Note).MaximumLength(2000);
    }
}

public sealed class EditActionPointHandler(PortfolioDbContext db, TimeProvider clock, AuditTrail audit) : ICommandHandler<EditActionPoint, EditedActionPoint>
{
    public async ValueTask<EditedActionPoint> Handle(EditActionPoint command, CancellationToken cancellationToken)
    {
        var a = await db.ActionPoints.Include(x => x.Owners).Include(x => x.Case!).ThenInclude(c => c.Body)
                .Include(x => x.ClosedByCase!).ThenInclude(c => c.Body)
                .FirstOrDefaultAsync(x => x.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException($"Finner ikke aksjonspunkt {command.Id}.");
        // Tell EF which version the person saw; SaveChanges then fails if someone else changed it since.
        db.ExpectVersion(a, command.ExpectedVersion);
        var subject = GetActionPointHandler.Subject(a.Case!.Key(a.Case.Body!.Code).ToString(), a.Id);
        void Audit(string field, string? old, string? now) => audit.Record(null, subject, field, old, now);

        if (command.Owners is { } owners)
        {
            var names = owners.Select(o => o.Trim()).Where(o => o.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            Audit("ansvarlig", string.Join(", ", a.Owners.Select(o => o.Name)), string.Join(", ", names));
            a.Owners.Clear();
            a.Owners.AddRange(names.Select(n => new ActionPointOwner { Name = n }));
            a.EditedByPerson = true;
        }
        if (command.Due is { } due)
        {
            Audit("frist", Iso(a.DueOn), Iso(due));
            (a.DueOn, a.DueKind, a.DueText) = (due, ActionPointDue.Date, null);
            a.EditedByPerson = true;
        }
        else if (command.ClearDue && (a.DueKind != ActionPointDue.None || a.DueText is not null))
        {
            Audit("frist", Iso(a.DueOn) ?? a.DueText, null);
            (a.DueOn, a.DueKind, a.DueText) = (null, ActionPointDue.None, null);
            a.EditedByPerson = true;
        }
        if (command.Note is { } note)
        {
            Audit("merknad", a.Note, note);
            a.Note = note.Length == 0 ? null : note;
        }

        int? closedBy = null;
        if (command.ClosedByCase is { } caseText)
        {
            var key = CaseKey.Parse(caseText);
            closedBy = await CaseLookup.IdAsync(db, caseText, cancellationToken);
            Audit("lukket av sak", a.ClosedByCase is { } old ? old.Key(old.Body!.Code).ToString() : null, key.ToString());
        }
        var status = command.Status is { } s && ActionPointStatuses.TryParse(s, out var parsed) ? parsed
            : closedBy is not null ? ActionPointStatus.Closed : a.Status;
        if (status != a.Status)
        {
            Audit("status", ActionPointStatuses.Name(a.Status), ActionPointStatuses.Name(status));
            if (status is ActionPointStatus.Closed or ActionPointStatus.Dropped)
            {
                a.ClosedOn = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
                a.ClosedBy = audit.User.Name;
            }
            else
            {
                (a.ClosedOn, a.ClosedBy, a.ClosedByCaseId) = (null, null, null);
            }
            a.Status = status;
        }
        if (closedBy is not null) a.ClosedByCaseId = closedBy;

        a.Version = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        return new EditedActionPoint(a.Id, ActionPointStatuses.Name(a.Status), a.ClosedOn, a.ClosedBy, a.Version);
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
