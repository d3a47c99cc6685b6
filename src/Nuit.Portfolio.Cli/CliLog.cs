using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Nuit.Portfolio.Cli;

/// <summary>
/// Where `nuit` writes its log: a file, never the console, so a command prints its result on stdout and at most one
/// line on stderr (what went wrong and what to do). EF Core's warnings and the trace of an unexpected error land
/// here; <c>--verbose</c> shows the trace on stderr as well.
/// </summary>
public sealed class CliLog : ILoggerProvider
{
    /// <summary>$TMPDIR/nuit-USER.log: writable on any machine, one file per user, outside the checkout and the data.</summary>
    public static string FilePath { get; } = Path.Combine(Path.GetTempPath(), $"nuit-{Environment.UserName}.log");

    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new Writer(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>Appends one entry; a log that cannot be written must not turn a finished command into a failure.</summary>
    public void Write(string category, LogLevel level, string message, Exception? exception)
    {
        var at = DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
        var entry = $"{at} {level} {category}: {message}{(exception is null ? "" : Environment.NewLine + exception)}{Environment.NewLine}";
        lock (_gate)
        {
            try { File.AppendAllText(FilePath, entry); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        }
    }

    private sealed class Writer(CliLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) log.Write(category, logLevel, formatter(state, exception), exception);
        }
    }
}
