namespace Nuit.Portfolio.Web.Jobs;

/// <summary>The "Reports" section: when the quarterly report is built, and who hears about it.</summary>
public sealed class ReportScheduleOptions
{
    public const string SectionName = "Reports";

    /// <summary>Run the scheduler at all (tests and single-purpose instances can turn it off).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Cron in <see cref="TimeZone"/>: 06:00 on the first day of each quarter.</summary>
    public string Schedule { get; set; } = "0 6 1 1,4,7,10 *";

    public string TimeZone { get; set; } = "Europe/Oslo";

    /// <summary>At start, build the draft for the last ended quarter if the database has no report for it.</summary>
    public bool CatchUpAtStart { get; set; } = true;

    public SmtpOptions Smtp { get; set; } = new();
}

/// <summary>E-mail for report notices; without <see cref="Host"/> notices only go to the log.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool EnableSsl { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "nuit-portefolje@localhost";
    public List<string> To { get; set; } = [];
}
