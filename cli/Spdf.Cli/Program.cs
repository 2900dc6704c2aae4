using System.CommandLine;

namespace Spdf.Cli;

public static class Program
{
    public static int Main(string[] args) => CreateRootCommand().Parse(args).Invoke();

    /// <summary>Every command lives in its own file and is added here.</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("spdf: Secure Product Development Framework evidence tools for Spdf.Build.");
        root.Subcommands.Add(ThreatModelCommand.Create());
        root.Subcommands.Add(VerifyCommand.Create());
        return root;
    }
}
