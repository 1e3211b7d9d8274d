using Lscb.Site.Cli;

return CommandLine.Run(args, Console.Out, Console.Error);
