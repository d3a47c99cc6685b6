using System.CommandLine;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Cli;

/// <summary>
/// Runs one command the way the web host runs a request: same services, same migrate-and-seed path,
/// same mediator. Errors become one line on stderr and an exit code, never a stack trace.
/// </summary>
public static class CliHost
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;
    public const int NotFound = 3;
    public const int Busy = 4;

    /// <summary>A stale edit: someone changed it since the version given; nothing was saved.</summary>
    public const int Conflict = 5;

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

        ServiceProvider provider;
        try
        {
            provider = new ServiceCollection()
                .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true))
                // stdout carries the result (tables, JSON for scripts); every log line goes to stderr.
                .Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
                .AddPortfolio(configuration)
                .AddScoped<ICurrentUser, OsUser>()
                .BuildServiceProvider();
        }
        catch (StartupException ex)
        {
            return Fail(ex.Message, Failed);
        }
        await using var _ = provider;

        try
        {
            await DatabaseInitializer.InitializeAsync(provider, seed && configuration.GetValue("Database:Seed", true), ct);
            await using var scope = provider.CreateAsyncScope();
            ShowProgress(scope.ServiceProvider.GetRequiredService<WorkProgress>());
            await action(scope.ServiceProvider.GetRequiredService<ISender>(), parse.GetValue(CliOptions.Format), ct);
            ClearProgress();
            return Ok;
        }
        catch (StartupException ex) { return Fail(ex.Message, Failed); }
        catch (InputException ex) { return Fail(ex.Message, BadInput); }
        catch (ValidationException ex) { return Fail(string.Join(" ", ex.Errors.Select(e => e.ErrorMessage)), BadInput); }
        catch (NotFoundException ex) { return Fail(ex.Message, NotFound); }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            return Fail("Noen andre har endret dette siden versjonen du oppga; ingenting er lagret. Hent gjeldende verdier og versjoner (med --format json) og prøv igjen.", Conflict);
        }
        catch (Exception ex) when (StorageProblem.Describe(ex) is { } storage) { return Fail(storage, Failed); }
        catch (Exception ex) when (DatabaseBusyException.Is(ex))
        {
            return Fail("Databasen er opptatt akkurat nå fordi noen andre lagrer; ingenting er lagret. Prøv igjen om litt.", Busy);
        }
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

    private static int Fail(string message, int code)
    {
        ClearProgress();
        Console.Error.WriteLine($"Feil: {message}");
        return code;
    }
}

/// <summary>From the command line the author of a change is the operating-system user running `nuit`.</summary>
internal sealed class OsUser : ICurrentUser
{
    public string Name => Environment.UserName;
    public string Via => "cli";
}
