namespace Lscb.Site.Cli;

/// <summary>
/// The command line: <c>build</c>, <c>check</c>, <c>preview</c>, <c>new</c> and <c>diff</c>. Exit status 0 success, 1 content errors, 2 wrong usage.
/// <see cref="CommandParser"/> reads the arguments into a <see cref="ParsedCommand"/> and
/// <see cref="CommandRunner"/> runs it; the usage text is in <see cref="Usage"/>.
/// </summary>
public static class CommandLine
{
    /// <summary>Runs the command line; returns the exit status.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        CommandRunner.Run(CommandParser.Parse(args), stdout, stderr);
}
