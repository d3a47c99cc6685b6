using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Indicators;

/// <summary>
/// Records the measured value of an indicator for one period (new, or replacing the old one).
/// With <see cref="ExpectedVersion"/> an edit made on stale data fails as a conflict instead of overwriting:
/// the version the client saw, or <see cref="Guid.Empty"/> for "this period had no value when I looked".
/// </summary>
public sealed record SetIndicatorValue(
    string Code, string Period, decimal Value, string Source, string? Note, Guid? ExpectedVersion = null)
    : ICommand<IndicatorEditResult>;

/// <summary>What changed, the period's status afterwards, and the versions to send back with the next edit.</summary>
public sealed record IndicatorEditResult(
    string Code, string Period, IReadOnlyList<IndicatorChange> Changes, string Status, string StatusText,
    Guid? ValueVersion, Guid? TargetVersion);

public sealed class SetIndicatorValueValidator : AbstractValidator<SetIndicatorValue>
{
    public SetIndicatorValueValidator()
    {
        RuleFor(x => x.Code).NotEmpty().WithMessage("Oppgi koden til indikatoren.").MaximumLength(40);
        RuleFor(x => x.Period).Must(p => Domain.Period.TryParse(p, out _))
            .WithMessage(x => $"«{x.Period}» er ikke en periode. Skriv 2024 eller 2025-Q1.");
        RuleFor(x => x.Source).NotEmpty().WithMessage("Oppgi kilden til verdien.").MaximumLength(400);
        RuleFor(x => x.Note).MaximumLength(2000);
    }
}

public sealed class SetIndicatorValueHandler(PortfolioDbContext db, AuditTrail audit) : ICommandHandler<SetIndicatorValue, IndicatorEditResult>
{
    public async ValueTask<IndicatorEditResult> Handle(SetIndicatorValue command, CancellationToken cancellationToken)
    {
        var (d, period) = await IndicatorCommands.FindAsync(db, command.Code, command.Period, cancellationToken);
        db.ExpectVersion(d.Values.FirstOrDefault(v => v.Period == period.ToString()), command.ExpectedVersion);
        var changes = IndicatorEdits.SetValue(d, period, command.Value, command.Source.Trim(), command.Note?.Trim(), audit);
        await db.SaveChangesAsync(cancellationToken);
        return IndicatorCommands.Result(d, period, changes);
    }
}

internal static class IndicatorCommands
{
    /// <summary>The indicator to edit and the period, checked against its periodicity.</summary>
    public static async Task<(Indicator, Period)> FindAsync(PortfolioDbContext db, string code, string periodText, CancellationToken ct)
    {
        var key = code.Trim().ToUpperInvariant();
        var found = await IndicatorEdits.LoadForEditAsync(db, [key], ct);
        var d = found.GetValueOrDefault(key) ?? throw new NotFoundException($"Finner ikke indikatoren «{code}».");
        var period = Period.Parse(periodText);
        if (IndicatorEdits.PeriodProblem(d, period) is { } problem) throw new InputException(d.Code, $"periode {period}", problem);
        return (d, period);
    }

    public static IndicatorEditResult Result(Indicator d, Period period, IReadOnlyList<IndicatorChange> changes)
    {
        var key = period.ToString();
        var value = d.Values.FirstOrDefault(v => v.Period == key);
        var target = d.Targets.FirstOrDefault(t => t.Period == key);
        var status = IndicatorStatus.Derive(d, value?.Value, target?.Value);
        return new IndicatorEditResult(d.Code, key, changes, IndicatorStatus.ToCode(status), IndicatorStatus.ToText(status), value?.Version, target?.Version);
    }
}
