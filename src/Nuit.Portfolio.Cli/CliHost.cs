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
            await action(scope.ServiceProvider.GetRequiredService<ISender>(), parse.GetValue(CliOptions.Format), ct);
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

    private static int Fail(string message, int code)
    {
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
