using System;
using System.Diagnostics;
using System.IO;

namespace Spdf.Build.EndToEnd.Tests.Infrastructure;

/// <summary>Debian's chromium (installed by .ci/run), run headless the way a reader's browser renders a page.</summary>
public static class HeadlessChromium
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string Executable { get; } = Find();

    /// <summary>The DOM after rendering (what --dump-dom prints).</summary>
    public static string DumpDom(string htmlFile) => Run(htmlFile, "--dump-dom");

    /// <summary>Renders the page to a PNG and returns the PNG's path.</summary>
    public static string Screenshot(string htmlFile, string pngFile)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(pngFile)!);
        Run(htmlFile, "--screenshot=" + pngFile, "--window-size=1400,2000");
        if (!File.Exists(pngFile) || new FileInfo(pngFile).Length == 0)
            throw new Xunit.Sdk.XunitException("chromium wrote no screenshot to " + pngFile);
        return pngFile;
    }

    private static string Run(string htmlFile, params string[] arguments)
    {
        using var profile = new TemporaryDirectory("spdf-chromium-");
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--user-data-dir=" + profile.Path })
            start.ArgumentList.Add(argument);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.ArgumentList.Add(new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri);

        using var process = Process.Start(start)!;
        var errorTask = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish within " + Timeout);
        }

        if (process.ExitCode != 0)
            throw new Xunit.Sdk.XunitException($"chromium exited with {process.ExitCode}: {errorTask.Result}");
        return output;
    }

    private static string Find()
    {
        foreach (var candidate in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" })
        {
            if (File.Exists(candidate))
                return candidate;
        }

        throw new InvalidOperationException("Debian's chromium is not installed; .ci/run installs it (apt-get install -y chromium).");
    }
}
