using System.CommandLine;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Cli;

/// <summary>
/// Runs one command the way the web host runs a request: same services, same migrate-and-seed path,
/// same mediator. Errors become one line on stderr and an exit code from the shared table (<see cref="Outcomes"/>), never a stack trace.
/// </summary>
public static class CliHost
{
    public const int Ok = 0;

    public static async Task<int> RunAsync(ParseResult parse, Func<ISender, OutputFormat, CancellationToken, Task> action,
        CancellationToken ct, bool seed = true)
    {
        var settings = new Dictionary<string, string?>();
        if (parse.GetValue(CliOptions.Db) is { } db) settings["Database:Path"] = db;
        if (parse.GetValue(CliOptions.Provider) is { } kind) settings["Database:Provider"] = kind;
        if (parse.GetValue(CliOptions.Connection) is { } connection) settings["ConnectionStrings:Portfolio"] = connection;
        if (parse.GetValue(CliOptions.SeedData) is { } seedData) settings["Database:SeedDataPath"] = seedData;
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings)
            .Build();

        var log = new CliLog();
        try
        {
            var provider = new ServiceCollection()
                // stdout carries the result (tables, JSON for scripts), stderr one line when something fails; log lines go to a file.
                .AddLogging(b => b.ClearProviders().SetMinimumLevel(LogLevel.Warning).AddProvider(log))
                .AddPortfolio(configuration)
                .BuildServiceProvider();
            await using var _ = provider;
            await DatabaseInitializer.InitializeAsync(provider, seed && configuration.GetValue("Database:Seed", true), ct);
            await using var scope = provider.CreateAsyncScope();
            // From the command line the author of a change is the operating-system user running `nuit`.
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(Environment.UserName, Channels.Cli);
            ShowProgress(scope.ServiceProvider.GetRequiredService<WorkProgress>());
            await action(scope.ServiceProvider.GetRequiredService<ISender>(), parse.GetValue(CliOptions.Format), ct);
            ClearProgress();
            return Ok;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Fail(ex, parse, log);
        }
    }

    /// <summary>
    /// One line on stderr from the shared table (<see cref="Outcomes"/>) and its exit code. A fault nobody foresaw also
    /// says where its trace is; the trace itself goes to the log file, or with --verbose to stderr too.
    /// </summary>
    public static int Fail(Exception ex, ParseResult parse, CliLog? log = null)
    {
        log ??= new CliLog();
        var outcome = Outcomes.Of(ex);
        if (outcome.Log) log.Write("nuit", LogLevel.Error, outcome.Message, ex);
        ClearProgress();
        Console.Error.WriteLine(outcome.Kind switch
        {
            OutcomeKind.Unexpected => $"Feil: {outcome.Message} Detaljene står i {CliLog.FilePath}; kjør kommandoen på nytt med --verbose for å se dem her, og meld feilen hvis den gjentar seg.",
            OutcomeKind.Conflict => $"Feil: {outcome.Message} (med --format json får du gjeldende versjoner)",
            _ => $"Feil: {outcome.Message}",
        });
        if (parse.GetValue(CliOptions.Verbose)) Console.Error.WriteLine(ex);
        return outcome.ExitCode;
    }

    private static bool _progressShown;

    /// <summary>
    /// Long work (a report, a big PDF) says how far it has come on one self-rewriting line of stderr — only when a
    /// person is watching: scripts that redirect stderr get no progress lines to parse around.
    /// </summary>
    private static void ShowProgress(WorkProgress progress)
    {
        if (Console.IsErrorRedirected) return;
        if (Console.Out is not AfterProgress) Console.SetOut(new AfterProgress(Console.Out));
        var gate = new Lock();
        progress.Listener = step =>
        {
            lock (gate)
            {
                var line = step.Step > 0 ? $"{step.Text} (steg {step.Step} av {step.Steps})" : step.Text;
                var width = Math.Max(20, TerminalWidth() - 1);
                Console.Error.Write("\r" + (line.Length > width ? line[..width] : line.PadRight(width)));
                _progressShown = true;
            }
        };
    }

    private static int TerminalWidth()
    {
        try { return Console.WindowWidth > 0 ? Console.WindowWidth : 80; }
        catch (IOException) { return 80; }
    }

    /// <summary>Blanks the progress line, so what the command prints next starts on a clean line.</summary>
    private static void ClearProgress()
    {
        if (!_progressShown) return;
        Console.Error.Write("\r" + new string(' ', Math.Max(20, TerminalWidth() - 1)) + "\r");
        _progressShown = false;
    }

    /// <summary>Standard output that first blanks a progress line on the terminal.</summary>
    private sealed class AfterProgress(TextWriter inner) : TextWriter
    {
        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            ClearProgress();
            inner.Write(value);
        }

        public override void Write(string? value)
        {
            ClearProgress();
            inner.Write(value);
        }

        public override void WriteLine(string? value)
        {
            ClearProgress();
            inner.WriteLine(value);
        }

        public override void Flush() => inner.Flush();
    }
}
