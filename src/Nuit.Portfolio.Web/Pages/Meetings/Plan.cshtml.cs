using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nuit.Portfolio.Features.Meetings;
using Nuit.Portfolio.Features.Meetings.Planning;
using Nuit.Portfolio.Web.Auth;

namespace Nuit.Portfolio.Web.Pages.Meetings;

/// <summary>
/// Editors plan the next meeting (number, date, place; the fixed items come by themselves) and add its cases with the
/// roadmap items they are about; the page shows the draft agenda and links to the pack as Word and for print.
/// </summary>
[Authorize(Policy = Policies.Editor)]
public sealed class PlanModel(ISender sender) : PageModel
{
    public MeetingPack? Pack { get; private set; }

    [BindProperty] public PlanForm Plan { get; set; } = new();
    [BindProperty] public CaseForm Case { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string? body, string? number, CancellationToken ct)
    {
        if (body is null || number is null) return Page();
        Pack = await sender.Send(new GetMeetingPack($"{body} {number}"), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPlanAsync(CancellationToken ct)
    {
        try
        {
            var date = DateOnly.TryParseExact(Plan.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
                : throw new Common.InputException("møte", "felt date", "Skriv møtedatoen som ÅÅÅÅ-MM-DD. Ingenting er lagret.");
            var pack = await sender.Send(new PlanMeeting(Plan.Meeting ?? "", date) { Place = Plan.Place }, ct);
            TempData["Melding"] = $"{pack.Body} møte {pack.Number} er planlagt med de faste sakene.";
            return Redirect(PageUrl(pack));
        }
        catch (Exception ex) when (FormErrors.TryAdd(ModelState, ex, nameof(Plan), formKey: "", formFields: [nameof(PlanForm.Meeting), nameof(PlanForm.Date), nameof(PlanForm.Place)]))
        {
            Response.StatusCode = FormErrors.Status(ex);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostAddCaseAsync(string body, string number, CancellationToken ct)
    {
        try
        {
            var pack = await sender.Send(new AddPlannedCase($"{body} {number}", Case.Title ?? "", Case.Type ?? "")
            {
                Owner = Case.Owner,
                Items = (Case.Items ?? "").Split([',', ' '], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                Time = TimeOnly.TryParseExact(Case.Time ?? "", "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null,
                ProposedDecision = Case.ProposedDecision,
                Purpose = Case.Purpose,
            }, ct);
            TempData["Melding"] = $"Saken «{Case.Title}» er lagt til med utkast til toppnotat.";
            return Redirect(PageUrl(pack));
        }
        catch (Exception ex) when (FormErrors.TryAdd(ModelState, ex, nameof(Case), formKey: "",
            formFields: [nameof(CaseForm.Title), nameof(CaseForm.Type), nameof(CaseForm.Owner), nameof(CaseForm.Items), nameof(CaseForm.Time)]))
        {
            Response.StatusCode = FormErrors.Status(ex);
            Pack = await sender.Send(new GetMeetingPack($"{body} {number}"), ct);
            return Page();
        }
    }

    public static string PageUrl(MeetingPack pack) => $"/meetings/plan/{pack.Body}/{pack.Number.Replace('/', '-')}";

    public static string ApiUrl(MeetingPack pack, string file) => $"/api/meetings/{pack.Body}/{pack.Number.Replace('/', '-')}/{file}";
}

public sealed class PlanForm
{
    public string? Meeting { get; set; }
    public string? Date { get; set; }
    public string? Place { get; set; }
}

public sealed class CaseForm
{
    public string? Title { get; set; }
    public string? Type { get; set; } = "Drøfting";
    public string? Owner { get; set; }

    /// <summary>Roadmap codes, comma-separated: "SFM, PLL".</summary>
    public string? Items { get; set; }
    public string? Time { get; set; }
    public string? ProposedDecision { get; set; }
    public string? Purpose { get; set; }
}
