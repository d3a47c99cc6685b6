using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;
using Nuit.Portfolio.Features.Reports;

namespace Nuit.Portfolio.Web.Jobs;

/// <summary>Tells people a report is ready: always in the log, by e-mail when SMTP is configured.</summary>
public sealed class ReportNotifier(IOptions<ReportScheduleOptions> options, ILogger<ReportNotifier> log)
{
    public async Task ReportReadyAsync(ReportSummary report, CancellationToken ct)
    {
        log.LogInformation("Kvartalsrapport klar: {Quarter} ({Edition}), rapport {Id} med {Files} filer. Hent den på /api/reports/{Id}",
            report.QuarterText, report.EditionText, report.Id, report.Files.Count, report.Id);

        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host) || smtp.To.Count == 0) return;
        try
        {
            using var message = new MailMessage { From = new MailAddress(smtp.From), Subject = $"Kvartalsrapport {report.QuarterText}: {report.EditionText.ToLowerInvariant()}" };
            foreach (var to in smtp.To) message.To.Add(to);
            message.Body = $"Kvartalsrapporten for {report.QuarterText} er laget ({report.EditionText.ToLowerInvariant()}).\n" +
                           $"Datagrunnlag per {report.CutOff:yyyy-MM-dd HH:mm} UTC. Rapport-id {report.Id}: /api/reports/{report.Id}\n";
            using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl };
            if (smtp.UserName is { Length: > 0 }) client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
            await client.SendMailAsync(message, ct);
        }
        catch (Exception ex) when (ex is SmtpException or InvalidOperationException or FormatException)
        {
            // The report is stored either way; a mail problem must not make the job retry and rebuild it.
            log.LogWarning(ex, "Kunne ikke sende e-post om kvartalsrapporten {Quarter}", report.Quarter);
        }
    }
}
