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
        return await root.Parse(args).InvokeAsync();
    }
}
