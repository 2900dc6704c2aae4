using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Spdf.Build;
using Spdf.Build.Core;
using Spdf.Build.Core.Traceability;

namespace Spdf.Cli;

/// <summary>
/// <c>spdf threatmodel import &lt;file&gt; -o &lt;out.spdf.json&gt;</c>: converts an OWASP Threat Dragon v2 model or a
/// Microsoft Threat Modeling Tool .tm7 file to Spdf.Build's format, once; the converted file is then the source
/// of truth. Exit codes: 0 imported; 1 usage error; 2 the input is invalid or the output cannot be written.
/// </summary>
public static class ThreatModelCommand
{
    public const int Success = 0;
    public const int InputError = 2;

    public static Command Create()
    {
        var command = new Command("threatmodel", "Work with threat models for Spdf.Build traceability.");
        command.Subcommands.Add(CreateImport());
        return command;
    }

    private static Command CreateImport()
    {
        var input = new Argument<FileInfo>("file") { Description = "An OWASP Threat Dragon v2 model (*.json) or a Microsoft Threat Modeling Tool model (*.tm7)." };
        var output = new Option<FileInfo>("--output", "-o") { Description = "The threat model to write, in Spdf.Build's format (*.spdf.json).", Required = true };
        var force = new Option<bool>("--force") { Description = "Overwrite the output file if it exists." };

        var import = new Command("import", "Convert a Threat Dragon or Threat Modeling Tool model to Spdf.Build's *.spdf.json format (a one-way bootstrap).");
        import.Arguments.Add(input);
        import.Options.Add(output);
        import.Options.Add(force);
        import.SetAction(parseResult =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            try
            {
                var summary = Import(parseResult.GetValue(input)!.FullName, parseResult.GetValue(output)!.FullName, parseResult.GetValue(force));
                stdout.WriteLine(summary);
                return Success;
            }
            catch (SpdfException exception)
            {
                stderr.WriteLine(FormatError(exception));
                return InputError;
            }
        });
        return import;
    }

    /// <summary>Imports and writes the model; returns a one-line summary.</summary>
    internal static string Import(string inputPath, string outputPath, bool force)
    {
        if (!outputPath.EndsWith(".spdf.json", StringComparison.OrdinalIgnoreCase))
            throw new SpdfException(DiagnosticIds.ThreatModelUnsupportedFormat, $"The output must be a *.spdf.json file, not '{Path.GetFileName(outputPath)}'.", outputPath);
        if (File.Exists(outputPath) && !force)
        {
            throw new SpdfException(
                DiagnosticIds.ImportOutputExists,
                $"'{outputPath}' exists. Import is a one-time bootstrap and the native model is the source of truth; pass --force to replace it.",
                outputPath);
        }

        var (model, format) = ThreatModelLoader.Load(inputPath);
        AtomicFile.WriteAllBytes(outputPath, ThreatModelWriter.Write(model));

        var byStatus = model.Threats.GroupBy(t => ThreatModelNames.ToJson(t.Status)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {g.Key}");
        var tool = format switch
        {
            ThreatModelFormat.ThreatDragon => "OWASP Threat Dragon",
            ThreatModelFormat.ThreatModelingTool => "Microsoft Threat Modeling Tool",
            _ => "Spdf.Build",
        };
        return $"Imported {model.Threats.Count} threats ({string.Join(", ", byStatus)}), {model.Controls.Count} controls and {model.Assets.Count} assets from the {tool} model '{inputPath}' into '{outputPath}'.";
    }

    /// <summary>One line, in the compiler's format so editors and build servers link it: file(line,column): error SPDFnnnn: message.</summary>
    internal static string FormatError(SpdfException exception)
    {
        var location = exception.File is null
            ? "spdf"
            : exception.File + (exception.Line > 0 ? "(" + exception.Line + (exception.Column > 0 ? "," + exception.Column : "") + ")" : "");
        return $"{location}: error {exception.DiagnosticId}: {exception.Message}";
    }
}
