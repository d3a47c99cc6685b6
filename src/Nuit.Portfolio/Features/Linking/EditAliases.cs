using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Features.Roadmap;
using Nuit.Portfolio.Features.Shared;

namespace Nuit.Portfolio.Features.Linking;

/// <summary>
/// Adds or removes names an item is known by, then refreshes every case's suggestions (in the same
/// transaction). An alias that would match nearly everything, or that another item already uses, is refused.
/// </summary>
public sealed record EditAliases(string Item, IReadOnlyList<string> Add, IReadOnlyList<string> Remove) : ICommand<AliasEditResult>;

public sealed record AliasEditResult(string Item, IReadOnlyList<string> Aliases, LinkRefresh Refresh);

public sealed class EditAliasesValidator : AbstractValidator<EditAliases>
{
    public EditAliasesValidator()
    {
        RuleFor(x => x.Item).NotEmpty();
        RuleFor(x => x).Must(x => x.Add.Count + x.Remove.Count > 0).WithMessage("Oppgi minst ett alias å legge til eller fjerne.");
        RuleForEach(x => x.Add).Must(a => !CommonWords.Contains(a.Trim()))
            .WithMessage((_, a) => $"«{a}» er et vanlig ord og ville koblet nesten alle saker; velg et mer særpreget navn.");
    }

    /// <summary>Words that occur in almost every case text; as an alias each would link nearly everything.</summary>
    internal static readonly HashSet<string> CommonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "og", "i", "på", "for", "til", "med", "av", "som", "er", "det", "en", "et", "sak", "saken", "nuit", "helse",
        "e-helse", "plan", "planen", "nasjonal", "nasjonalt", "digital", "digitale", "tiltak", "mål", "møte", "vedtak",
        "innspill", "helsedirektoratet", "strategi", "strategien", "arbeid", "arbeidet",
    };
}

public sealed class EditAliasesHandler(PortfolioDbContext db, CaseLinker linker, AuditTrail audit) : ICommandHandler<EditAliases, AliasEditResult>
{
    public async ValueTask<AliasEditResult> Handle(EditAliases command, CancellationToken cancellationToken)
    {
        var item = await ItemLookup.FindAsync(db, command.Item, cancellationToken);
        var aliases = item.Aliases.ToList();
        foreach (var r in command.Remove)
            if (aliases.RemoveAll(a => string.Equals(a, r.Trim(), StringComparison.OrdinalIgnoreCase)) == 0)
                throw new InputException("aliaser", $"felt remove «{r}»", $"{item.Code} har ikke aliaset «{r}».");
        foreach (var a in command.Add.Select(a => a.Trim()))
            if (!aliases.Contains(a, StringComparer.OrdinalIgnoreCase)) aliases.Add(a);

        // Check the whole alias set as it would be, against every other item's names and aliases.
        var names = await RoadmapNames.LoadAsync(db, cancellationToken);
        var problems = names.ProblemsWith(MatcherCache.ToMatchItem(item) with { Aliases = aliases });
        if (problems.Count > 0) throw new InputException("aliaser", $"felt aliases ({item.Code})", string.Join(" ", problems));

        audit.Record(item.Code, null, "aliaser", string.Join(", ", item.Aliases), string.Join(", ", aliases));
        item.Aliases = aliases;
        await db.SaveChangesAsync(cancellationToken);
        var refresh = await linker.RefreshAsync(await db.Cases.Select(c => c.Id).ToListAsync(cancellationToken), cancellationToken);
        return new AliasEditResult(item.Code, aliases, refresh);
    }
}
