using FluentValidation;
using Mediator;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Features.Indicators;

/// <summary>
/// Sets the target of an indicator for one period, optionally naming the case that decided it ("NUIT 31/24").
/// <see cref="ExpectedVersion"/> works as on <see cref="SetIndicatorValue"/>.
/// </summary>
public sealed record SetIndicatorTarget(
    string Code, string Period, decimal Value, string? Case, string? Note, Guid? ExpectedVersion = null)
    : ICommand<IndicatorEditResult>;

public sealed class SetIndicatorTargetValidator : AbstractValidator<SetIndicatorTarget>
{
    public SetIndicatorTargetValidator()
    {
        RuleFor(x => x.Code).NotEmpty().WithMessage("Oppgi koden til indikatoren.").MaximumLength(40);
        RuleFor(x => x.Period).Must(p => Domain.Period.TryParse(p, out _))
            .WithMessage(x => $"«{x.Period}» er ikke en periode. Skriv 2025 eller 2025-Q1.");
        RuleFor(x => x.Case).MustBeACase();
        RuleFor(x => x.Note).MaximumLength(2000);
    }
}

public sealed class SetIndicatorTargetHandler(PortfolioDbContext db, AuditTrail audit) : ICommandHandler<SetIndicatorTarget, IndicatorEditResult>
{
    public async ValueTask<IndicatorEditResult> Handle(SetIndicatorTarget command, CancellationToken cancellationToken)
    {
        var (d, period) = await IndicatorCommands.FindAsync(db, command.Code, command.Period, cancellationToken);
        db.ExpectVersion(d.Targets.FirstOrDefault(t => t.Period == period.ToString()), command.ExpectedVersion);
        Domain.Case? setBy = null;
        if (command.Case is { } caseText)
        {
            var (found, problem) = await IndicatorEdits.FindCaseAsync(db, caseText, cancellationToken);
            setBy = found ?? throw new NotFoundException($"Målverdien viser til en ukjent sak: {problem}.", field: "case");
        }
        var changes = IndicatorEdits.SetTarget(d, period, command.Value, setBy, command.Note?.Trim(), audit);
        await db.SaveChangesAsync(cancellationToken);
        return IndicatorCommands.Result(d, period, changes);
    }
}
