using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Indicators;

namespace Nuit.Portfolio.Features.Strategy;

public sealed record GetIndicator(string Code) : IQuery<IndicatorDetail>;

public sealed record IndicatorDetail(
    string Code, string Name, string? Description, string? Goal, string Unit, string Direction, string Periodicity,
    string? Source, string? SourceUrl, string? BaselinePeriod, decimal? BaselineValue,
    IReadOnlyList<IndicatorValueDto> Values, IReadOnlyList<IndicatorTargetDto> Targets,
    decimal AmberTolerance, IReadOnlyList<IndicatorPeriodDto> Periods);

/// <summary><see cref="Version"/> goes back as <c>expectedVersion</c> with an edit, so a stale edit is refused.</summary>
public sealed record IndicatorValueDto(string Period, decimal Value, string Source, string? Note, Guid Version);

/// <summary><see cref="SetBy"/> names the case whose decision set the target, e.g. "NUIT 31/24"; <see cref="Version"/> as on values.</summary>
public sealed record IndicatorTargetDto(string Period, decimal Value, string? Note, string? SetBy, Guid Version);

/// <summary>One period with value, target and the status they give (see <see cref="IndicatorStatus"/>).</summary>
public sealed record IndicatorPeriodDto(
    string Period, decimal? Value, decimal? Target, string Status, string StatusText, string? Source, string? Note, string? TargetSetBy);

public sealed class GetIndicatorValidator : AbstractValidator<GetIndicator>
{
    public GetIndicatorValidator() =>
        RuleFor(x => x.Code).NotEmpty().WithMessage("Oppgi koden til indikatoren.").MaximumLength(40);
}

public sealed class GetIndicatorHandler(PortfolioDbContext db) : IQueryHandler<GetIndicator, IndicatorDetail>
{
    public async ValueTask<IndicatorDetail> Handle(GetIndicator query, CancellationToken cancellationToken)
    {
        var code = query.Code.Trim().ToUpperInvariant();
        var d = await db.Indicators.AsNoTracking().WithPeriods()
            .FirstOrDefaultAsync(x => x.Code == code, cancellationToken)
            ?? throw new NotFoundException($"Finner ikke indikatoren «{query.Code}».");
        var s = d.ToSummary();
        return new IndicatorDetail(
            d.Code, d.Name, d.Description, s.Goal, d.Unit, s.Direction, s.Periodicity, d.Source, d.SourceUrl,
            d.BaselinePeriod, d.BaselineValue,
            [.. d.Values.OrderBy(v => Period.Parse(v.Period)).Select(v => new IndicatorValueDto(v.Period, v.Value, v.Source, v.Note, v.Version))],
            [.. d.Targets.OrderBy(v => Period.Parse(v.Period)).Select(v => new IndicatorTargetDto(v.Period, v.Value, v.Note, IndicatorPeriods.CaseName(v.SetByCase), v.Version))],
            d.AmberTolerance,
            [.. IndicatorPeriods.Rows(d).Select(r => new IndicatorPeriodDto(
                r.Period.ToString(), r.Value, r.Target, IndicatorStatus.ToCode(r.Status), IndicatorStatus.ToText(r.Status),
                r.Source, r.Note, r.TargetSetBy))]);
    }
}
