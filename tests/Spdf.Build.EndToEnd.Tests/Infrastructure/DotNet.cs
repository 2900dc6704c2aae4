using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace Spdf.Build.EndToEnd.Tests.Infrastructure;

public sealed record CommandResult(int ExitCode, string Output)
{
    public CommandResult AssertSuccess()
    {
        if (ExitCode != 0)
            throw new Xunit.Sdk.XunitException($"Command failed with exit code {ExitCode}:\n{Output}");
        return this;
    }
}

/// <summary>Runs the dotnet CLI the way a build server does, without MSBuild node reuse (it would keep old task assemblies loaded).</summary>
public static class DotNet
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    public static CommandResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        if (arguments.Length > 0 && arguments[0] is "build" or "pack" or "test" or "restore" or "publish")
        {
            start.ArgumentList.Add("-nr:false");
            start.ArgumentList.Add("-clp:NoSummary");
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // Inherited from `dotnet test`; a nested build must not think it runs inside the test host's MSBuild.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
                start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within {Timeout}.\n{output}");
        }

        process.WaitForExit();
        lock (output)
            return new CommandResult(process.ExitCode, output.ToString());
    }

    public static CommandResult Run(string workingDirectory, params string[] arguments) => Run(workingDirectory, null, arguments);
}
