using Mediator;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Tests.Architecture;

/// <summary>
/// Architecture rule 12: handlers do not call the mediator; shared query pieces are plain services. The two runners
/// below still do, because they start a whole other use case (an import or a report) with its own pipeline
/// (validation, unit of work, retry); they are named here so that a new one is a decision, not an accident.
/// </summary>
public sealed class HandlerRulesTests
{
    private static readonly string[] StillSending = ["RunWorkHandler", "SeedDatabaseHandler"];

    [Fact]
    public void No_handler_but_the_named_runners_takes_the_mediator()
    {
        var handlers = typeof(PortfolioDbContext).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(IsHandlerInterface))
            .ToList();
        Assert.True(handlers.Count > 50, $"Fant bare {handlers.Count} handlere; leser testen riktig assembly?");

        var sending = handlers
            .Where(t => t.GetConstructors().SelectMany(c => c.GetParameters())
                .Any(p => p.ParameterType == typeof(ISender) || p.ParameterType == typeof(IMediator) || p.ParameterType == typeof(IPublisher)))
            .Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(StillSending, sending);
    }

    private static bool IsHandlerInterface(Type i) =>
        i.IsGenericType && i.GetGenericTypeDefinition() is var d
        && (d == typeof(ICommandHandler<,>) || d == typeof(IQueryHandler<,>) || d == typeof(IRequestHandler<,>));
}
