using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace Nuit.Portfolio.Web.Jobs;

/// <summary>
/// Hangfire keeps its log provider in a process-wide static, set by every host that starts. With several hosts in one
/// process (the integration tests), a host starting while another is being disposed could be handed the disposed
/// host's logger factory and fail to start (Hangfire issue 2147). A disposed factory here gives a silent logger
/// instead; with one host per process, as in production, it is exactly Hangfire's own provider.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider inner = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
