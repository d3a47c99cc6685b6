using System.CommandLine;
using Nuit.Portfolio.Cli.Commands;

namespace Nuit.Portfolio.Cli;

public static class NuitProgram
{
    public static async Task<int> Main(string[] args)
    {
        // Norwegian text on any terminal.
        Console.OutputEncoding = System.Text.Encoding.UTF8;

        var root = new RootCommand("nuit – NUIT-porteføljen: strategi, veikart, møter og saker fra kommandolinjen.");
        CliOptions.AddTo(root);
        StrategyCommands.AddTo(root);
        MeetingCommands.AddTo(root);
        LinkCommands.AddTo(root);
        ActionCommands.AddTo(root);
        StatusCommands.AddTo(root);
        ReportCommands.AddTo(root);
        IndicatorCommands.AddTo(root);
        AccessCommands.AddTo(root);
        SynthCommand.AddTo(root);
        RoadmapCommands.AddTo(root);
        var parse = root.Parse(args);
        try
        {
            // Our own last resort instead of System.CommandLine's, which prints the stack trace.
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: the work was stopped on purpose; a unit of work that had begun was rolled back.
            return 130;
        }
        catch (Exception ex)
        {
            return CliHost.Fail(ex, parse);
        }
    }
}
