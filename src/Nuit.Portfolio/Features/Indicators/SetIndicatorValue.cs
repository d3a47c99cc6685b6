using FluentValidation;
using Mediator;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Indicators;

/// <summary>Records the measured value of an indicator for one period (new, or replacing the old one).</summary>
public sealed record SetIndicatorValue(
    string Code, string Period, decimal Value, string Source, string? Note, string ChangedBy, string Via = "api")
    : ICommand<IndicatorEditResult>;

/// <summary>What changed, and the period's status afterwards.</summary>
public sealed record IndicatorEditResult(
    string Code, string Period, IReadOnlyList<IndicatorChange> Changes, string Status, string StatusText);

public sealed class SetIndicatorValueValidator : AbstractValidator<SetIndicatorValue>
{
    public SetIndicatorValueValidator()
    {
        RuleFor(x => x.Code).NotEmpty().WithMessage("Oppgi koden til indikatoren.").MaximumLength(40);
        RuleFor(x => x.Period).Must(p => Domain.Period.TryParse(p, out _))
            .WithMessage(x => $"«{x.Period}» er ikke en periode. Skriv 2024 eller 2025-Q1.");
        RuleFor(x => x.Source).NotEmpty().WithMessage("Oppgi kilden til verdien.").MaximumLength(400);
        RuleFor(x => x.Note).MaximumLength(2000);
        RuleFor(x => x.ChangedBy).NotEmpty().MaximumLength(200);
    }
}

public sealed class SetIndicatorValueHandler(PortfolioDbContext db, TimeProvider clock) : ICommandHandler<SetIndicatorValue, IndicatorEditResult>
{
    public async ValueTask<IndicatorEditResult> Handle(SetIndicatorValue command, CancellationToken cancellationToken)
    {
        var (d, period) = await IndicatorCommands.FindAsync(db, command.Code, command.Period, cancellationToken);
        var changes = IndicatorEdits.SetValue(db, d, period, command.Value, command.Source.Trim(), command.Note?.Trim(),
            new EditContext(command.ChangedBy, command.Via, clock.GetUtcNow()));
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
        var status = IndicatorStatus.Derive(d, d.Values.FirstOrDefault(v => v.Period == key)?.Value, d.Targets.FirstOrDefault(t => t.Period == key)?.Value);
        return new IndicatorEditResult(d.Code, key, changes, IndicatorStatus.ToCode(status), IndicatorStatus.ToText(status));
    }
}
