using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Linking;
using Nuit.Portfolio.Features.Status;
using Nuit.Portfolio.Features.Strategy;
using Nuit.Portfolio.Web.Auth;

using Nuit.Portfolio.Web.Jobs;

namespace Nuit.Portfolio.Web.Pages.Items;

// The forms of the item and case pages: what each posts, the command it becomes, and where a refusal is shown.
// Every property is nullable: an empty field reaches the feature's validator, which owns the wording.

/// <summary>«Registrer status»: a quarter's RAG and narrative, with when the newest status on the page was recorded.</summary>
public sealed class StatusForm
{
    public string? Quarter { get; set; }
    public string? Rag { get; set; }
    public string? Text { get; set; }

    /// <summary>Round-trip time of the newest status the page showed, or "ingen"; a newer one for the quarter is a conflict.</summary>
    public string? Seen { get; set; }

    /// <summary>Green, amber, red: each radio button carries its name, so status is never colour alone.</summary>
    public static readonly IReadOnlyList<RagStatus> Choices = [RagStatus.Green, RagStatus.Amber, RagStatus.Red];

    public const string SawNone = "ingen";

    /// <summary>
    /// The quarter that ended last in the council's time zone (Reports:TimeZone), as the scheduled report and the
    /// reports page see it; it is what people report on. Not the server's own zone, which may be UTC.
    /// </summary>
    public static string DefaultQuarter(TimeProvider clock, ReportScheduleOptions options) =>
        Nuit.Portfolio.Domain.Quarter.LastEnded(clock.GetUtcNow(), options.TimeZone).ToString();

    public static string SeenOf(StatusHistory history) =>
        history.Quarters.SelectMany(q => q.Revisions).Select(r => (DateTimeOffset?)r.RecordedAt).Max() is { } newest
            ? newest.ToString("O", CultureInfo.InvariantCulture)
            : SawNone;

    public SetStatus ToCommand(string item) => new(item, Quarter?.Trim() ?? "", Rag ?? "", Text,
        Seen == SawNone ? DateTimeOffset.MinValue
        : DateTimeOffset.TryParse(Seen, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var seen) ? seen : null);
}

/// <summary>A link added by hand: from the case page the item is typed, from the item page the case.</summary>
public sealed class LinkForm
{
    public string? Case { get; set; }
    public string? Item { get; set; }
    public string? Note { get; set; }

    public DecideLink ToCommand(string caseKey, string item) =>
        new(caseKey.Trim(), item.Trim(), LinkDecision.Add, string.IsNullOrWhiteSpace(Note) ? null : Note.Trim());
}

/// <summary>One alias to add or one to remove.</summary>
public sealed class AliasForm
{
    public string? Add { get; set; }
    public string? Remove { get; set; }

    public EditAliases ToCommand(string item) => new(item,
        string.IsNullOrWhiteSpace(Add) ? [] : [Add.Trim()],
        string.IsNullOrWhiteSpace(Remove) ? [] : [Remove.Trim()]);
}

internal static class ItemForms
{
    /// <summary>
    /// Confirms or rejects one link with the version the person saw, and says what came of it: one wording for the item
    /// page and the review queue. A refusal (stale version, unknown case) is the message, and nothing is stored.
    /// </summary>
    public static async Task<string> DecideAsync(Mediator.ISender sender, string caseKey, string item, string decision, Guid version, CancellationToken ct)
    {
        var what = decision == "reject" ? LinkDecision.Reject : LinkDecision.Confirm;
        try
        {
            await sender.Send(new DecideLink(caseKey, item, what, ExpectedVersion: version), ct);
            return $"{caseKey} er {(what == LinkDecision.Reject ? "avvist" : "bekreftet")} for {item.ToUpperInvariant()}.";
        }
        catch (Exception ex) when (FormErrors.Message(ex) is { } reason)
        {
            return $"{caseKey} og {item.ToUpperInvariant()}: {reason}";
        }
    }

    public static async Task<bool> CanEditAsync(IAuthorizationService authorization, ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, Policies.Editor)).Succeeded;

    /// <summary>Codes and names for the «element» field's datalist: every goal, sub-goal and initiative in use.</summary>
    public static IReadOnlyList<ItemRef> Choices(StrategyOverview roadmap) =>
    [
        .. roadmap.Goals.SelectMany(g => g.SubGoals.Select(s => new ItemRef(s.Code, s.Name, RoadmapItemKind.SubGoal))
                .Prepend(new ItemRef(g.Code, g.Name, RoadmapItemKind.Goal)))
            .Concat(roadmap.Goals.SelectMany(g => g.SubGoals.SelectMany(s => s.Initiatives).Concat(g.Initiatives)).Concat(roadmap.UnplacedInitiatives)
                .Select(i => new ItemRef(i.Code, i.Name, RoadmapItemKind.Initiative)))
            .DistinctBy(i => i.Code),
    ];

    /// <summary>
    /// Puts a refused request's reason next to a field of the form under <paramref name="prefix"/>: a validator's message
    /// on the field it names when the form has it, anything else (unknown code, alias rule, stale form) on <paramref name="field"/>.
    /// False for exceptions that are not the person's input; those go to the error handler.
    /// </summary>
    public static bool AddErrors(ModelStateDictionary state, Exception ex, string prefix, string field, params string[] formFields)
    {
        switch (ex)
        {
            case ValidationException v:
                foreach (var e in v.Errors)
                    state.AddModelError($"{prefix}.{formFields.FirstOrDefault(f => f.Equals(e.PropertyName, StringComparison.OrdinalIgnoreCase)) ?? field}", e.ErrorMessage);
                return true;
            case InputException i:
                state.AddModelError($"{prefix}.{field}", i.Reason);
                return true;
            case NotFoundException n:
                state.AddModelError($"{prefix}.{field}", n.Message);
                return true;
            case DbUpdateConcurrencyException:
                state.AddModelError($"{prefix}.{field}",
                    "Noen andre har registrert dette mens du så på siden. Se gjeldende tilstand og send skjemaet på nytt om det fortsatt skal lagres.");
                return true;
            default:
                return false;
        }
    }
}
