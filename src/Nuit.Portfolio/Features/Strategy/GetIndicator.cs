using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Strategy;

public sealed record GetIndicator(string Code) : IQuery<IndicatorDetail>;

public sealed record IndicatorDetail(
    string Code, string Name, string? Description, string? Goal, string Unit, string Direction, string Periodicity,
    string? Source, string? SourceUrl, string? BaselinePeriod, decimal? BaselineValue,
    IReadOnlyList<IndicatorValueDto> Values, IReadOnlyList<IndicatorTargetDto> Targets);

public sealed record IndicatorValueDto(string Period, decimal Value, string Source, string? Note);

public sealed record IndicatorTargetDto(string Period, decimal Value, string? Note);

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
        var d = await db.Indicators.AsNoTracking()
            .Include(x => x.Values).Include(x => x.Targets).Include(x => x.Goal)
            .FirstOrDefaultAsync(x => x.Code == code, cancellationToken)
            ?? throw new NotFoundException($"Finner ikke indikatoren «{query.Code}».");
        var s = d.ToSummary();
        return new IndicatorDetail(
            d.Code, d.Name, d.Description, s.Goal, d.Unit, s.Direction, s.Periodicity, d.Source, d.SourceUrl,
            d.BaselinePeriod, d.BaselineValue,
            [.. d.Values.OrderBy(v => Period.Parse(v.Period)).Select(v => new IndicatorValueDto(v.Period, v.Value, v.Source, v.Note))],
            [.. d.Targets.OrderBy(v => Period.Parse(v.Period)).Select(v => new IndicatorTargetDto(v.Period, v.Value, v.Note))]);
    }
}
