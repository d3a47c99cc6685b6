using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Nuit.Portfolio;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Web;
using Nuit.Portfolio.Web.Auth;
using Nuit.Portfolio.Web.Endpoints;
using Nuit.Portfolio.Web.Jobs;

// Content (settings, wwwroot) comes from the app's own folder, so the working directory only decides
// where a relative Database:Path points: ./data/portfolio.db under the folder the service is started in.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});

// http://localhost:5080 unless Urls / --urls / ASPNETCORE_URLS says otherwise.
if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls("http://localhost:5080");

// A failed start is reported once, in words, by the catch at the end; the host's own error log would
// add a stack trace for problems the person starting the service can fix. Other failures still throw.
builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

builder.Services.AddPortfolio(builder.Configuration);
builder.AddPortfolioAuth();
builder.Services.AddOpenApi();
builder.Services.AddRazorPages(options =>
{
    // Reading needs Reader (the fallback policy); changing needs Editor (the filter); sign-in is open.
    options.Conventions.AllowAnonymousToFolder("/Account");
    options.Conventions.AuthorizePage("/Import", Policies.Editor);
    options.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.TypeFilterAttribute(typeof(EditorForChangesFilter)));
});
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ErrorHandler>();
builder.Services.AddSingleton<PendingUploads>();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

builder.Services.AddHostedService<DatabaseStartup>();
builder.Services.AddHostedService<InitialAdminStartup>();
builder.Services.AddReportJobs(builder.Configuration);

var app = builder.Build();

var nbNo = new CultureInfo("nb-NO");
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(nbNo),
    SupportedCultures = [nbNo],
    SupportedUICultures = [nbNo],
});
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseRequestUser();
app.UseRateLimiter();
app.UseAuthorization();
app.UsePasswordChangeGate();
app.UseRequestSizeCheck();

app.MapOpenApi();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapStrategyEndpoints();
app.MapMeetingEndpoints();
app.MapLedgerEndpoints();
app.MapLinkEndpoints();
app.MapReportEndpoints();
app.MapWorkEndpoints();
app.MapStatusEndpoints();
app.UseReportJobsDashboard();
app.MapIndicatorEndpoints();
app.MapRoadmapEndpoints();
app.MapAccessEndpoints();
app.MapRazorPages();

try
{
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is StartupException or InputException)
{
    // A clear sentence, not a stack trace: these are problems the person starting the service can fix.
    var reason = ex is InputException ? $"feil i seed-data: {ex.Message}" : ex.Message;
    app.Logger.LogCritical("Tjenesten kan ikke starte: {Reason}", reason);
    await Console.Error.WriteLineAsync($"Tjenesten kan ikke starte: {reason}");
    return 1;
}

/// <summary>Lets WebApplicationFactory find the entry point.</summary>
public partial class Program;
