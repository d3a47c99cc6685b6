using System.CommandLine;
using Nuit.Portfolio.Cli;
using Nuit.Portfolio.Cli.Commands;

// Norwegian text on any terminal.
Console.OutputEncoding = System.Text.Encoding.UTF8;

var root = new RootCommand("nuit – NUIT-porteføljen: strategi, veikart, møter og saker fra kommandolinjen.");
CliOptions.AddTo(root);
StrategyCommands.AddTo(root);
return await root.Parse(args).InvokeAsync();
