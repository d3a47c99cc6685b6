using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Meetings;

/// <summary>One case in full: meeting, decisions, inputs, action points, attachments, earlier treatments and its text with sources.</summary>
public sealed record GetCase(string Case) : IQuery<CaseDetail>;

public sealed record CaseDetail(
    string Case, string Body, string Number, string Title, string? Type,
    string? Meeting, DateOnly? MeetingDate, int? AgendaOrder, TimeOnly? TimeSlot,
    string? Owner, IReadOnlyList<string> Officers,
    string? ProposedDecision, string? Decision, bool DecisionUpdated,
    IReadOnlyList<string> Inputs, IReadOnlyList<ActionPointDto> ActionPoints, IReadOnlyList<AttachmentDto> Attachments,
    IReadOnlyList<ReferenceDto> References, IReadOnlyList<SectionDto> Sections);

public sealed record ActionPointDto(string Text, string Status);

public sealed record AttachmentDto(int Number, string Title);

/// <summary><see cref="InRegister"/> tells whether the earlier case itself has been imported.</summary>
public sealed record ReferenceDto(string Case, DateOnly? Date, string? DecisionText, bool InRegister);

public sealed record SectionDto(string Kind, string Text, string? Document, int? FirstLine, int? LastLine, int? Page);

public sealed class GetCaseValidator : AbstractValidator<GetCase>
{
    public GetCaseValidator() =>
        RuleFor(x => x.Case).MustBeACase();
}

public sealed class GetCaseHandler(PortfolioDbContext db) : IQueryHandler<GetCase, CaseDetail>
{
    public async ValueTask<CaseDetail> Handle(GetCase query, CancellationToken cancellationToken)
    {
        var key = CaseKey.Parse(query.Case);
        var number = key.Number.ToString();
        var c = await db.Cases.AsNoTracking()
            .Include(x => x.Meeting).Include(x => x.Inputs).Include(x => x.ActionPoints).Include(x => x.Attachments)
            .Include(x => x.References).Include(x => x.Sections).ThenInclude(s => s.Document)
            .FirstOrDefaultAsync(x => x.Body!.Code == key.Body && x.Number == number, cancellationToken)
            ?? throw new NotFoundException($"Finner ikke saken {key}.");

        return new CaseDetail(
            key.ToString(), Bodies.ShortName(key.Body), number, c.Title, c.Type,
            c.Meeting?.Number, c.MeetingDate, c.AgendaOrder, c.TimeSlot, c.Owner, c.Officers,
            c.ProposedDecision, c.Decision, c.DecisionUpdated,
            [.. c.Inputs.OrderBy(i => i.Order).Select(i => i.Text)],
            [.. c.ActionPoints.OrderBy(a => a.Order).Select(a => new ActionPointDto(a.Text, ActionPointStatuses.Name(a.Status)))],
            [.. c.Attachments.OrderBy(a => a.Number).Select(a => new AttachmentDto(a.Number, a.Title))],
            [.. c.References.OrderBy(r => r.Id).Select(r => new ReferenceDto(
                $"{Bodies.ShortName(r.ReferencedBody)} {r.ReferencedNumber}", r.Date, r.DecisionText, r.ReferencedCaseId is not null))],
            [.. c.Sections.OrderBy(s => s.Id).Select(s => new SectionDto(s.Kind, s.Text, s.Document?.FileName, s.FirstLine, s.LastLine, s.Page))]);
    }
}
