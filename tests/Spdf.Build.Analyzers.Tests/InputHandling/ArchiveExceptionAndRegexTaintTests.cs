using System.Threading.Tasks;
using static Spdf.Build.Analyzers.Tests.InputHandling.UntrustedInputSourceSinkMatrixTests;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.InputHandling.UntrustedInputAnalyzer>;
using VerifyFix = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.InputHandling.UntrustedInputAnalyzer, Spdf.Build.Analyzers.CodeFixes.RegexTimeoutCodeFixProvider>;

namespace Spdf.Build.Analyzers.Tests.InputHandling;

public sealed class ArchiveExceptionAndRegexTaintTests
{
    private const string ZipUsings = "using System;\nusing System.IO;\nusing System.IO.Compression;\nusing System.Formats.Tar;\n";

    [Fact]
    public Task Zip_slip_entry_names_combined_into_paths_are_reported()
        => Verify.VerifyAnalyzerAsync(ZipUsings + """
            static class Updater
            {
                static void Extract(ZipArchive archive, string destination)
                {
                    foreach (var entry in archive.Entries)
                    {
                        var target = Path.Combine(destination, entry.FullName);
                        entry.ExtractToFile({|SPDF3012:target|}, overwrite: true);
                        using var stream = File.Create({|SPDF3012:Path.Combine(destination, entry.Name)|});
                    }
                }

                static void ExtractTar(TarEntry entry, string destination)
                    => entry.ExtractToFile({|SPDF3012:destination + "/" + entry.Name|}, overwrite: false);
            }
            """);

    [Fact]
    public Task Zip_entries_checked_against_the_canonical_destination_are_not_reported()
        => Verify.VerifyAnalyzerAsync(ZipUsings + """
            static class Updater
            {
                static void Extract(ZipArchive archive, string destination)
                {
                    var root = Path.GetFullPath(destination) + Path.DirectorySeparatorChar;
                    foreach (var entry in archive.Entries)
                    {
                        var target = Path.GetFullPath(Path.Combine(root, entry.FullName));
                        if (!target.StartsWith(root, StringComparison.Ordinal))
                            throw new InvalidDataException("Entry outside the destination: " + entry.FullName);
                        entry.ExtractToFile(target, overwrite: true);
                        File.WriteAllText(Path.Combine(root, Path.GetFileName(entry.FullName)) + ".sha256", "");
                    }
                }
            }
            """);

    [Fact]
    public Task Exception_details_written_to_peers_are_reported()
        => Verify.VerifyAnalyzerAsync(Program("""
            var writer = new StreamWriter(Client.GetStream());
            try
            {
                Process.Start("pumpctl");
            }
            catch (Exception ex)
            {
                var reply = "ERR " + ex.Message;
                writer.WriteLine({|SPDF3016:reply|});
                Port.WriteLine({|SPDF3016:ex.ToString()|});
                Socket.Send({|SPDF3016:Encoding.UTF8.GetBytes($"ERR {ex.StackTrace}")|});
                Network.Write({|SPDF3016:Encoding.UTF8.GetBytes(ex.Message)|});
                writer.Write({|SPDF3016:ex|});
            }
            """));

    [Fact]
    public Task An_exception_thrown_and_caught_in_one_member_is_reported_through_its_catch_variable()
        => Verify.VerifyAnalyzerAsync(Program("""
            try
            {
                throw new InvalidOperationException("pump state " + DateTime.UtcNow.Ticks);
            }
            catch (InvalidOperationException ex)
            {
                Port.WriteLine({|SPDF3016:ex.Message|});
            }
            """));

    [Fact]
    public Task Fixed_error_codes_and_local_logs_of_exceptions_are_not_reported()
        => Verify.VerifyAnalyzerAsync(Program("""
            var writer = new StreamWriter(Client.GetStream());
            var localLog = new StreamWriter("/var/log/pump.log");
            try
            {
                Process.Start("pumpctl");
            }
            catch (Exception ex)
            {
                writer.WriteLine("ERR 17");
                Port.WriteLine("ERR " + ex.GetType().Name.Length);
                localLog.WriteLine(ex.ToString());
                Console.Error.WriteLine(ex.Message);
                Logger.LogError(ex, "Command failed");
            }
            """));

    [Fact]
    public Task Regex_over_input_without_timeout_is_reported_and_fixed()
        => VerifyFix.VerifyCodeFixAsync(
            """
            using System.IO.Ports;
            using System.Text.RegularExpressions;
            static class Parser
            {
                static bool Valid(SerialPort port) => Regex.IsMatch({|SPDF3017:port.ReadLine()|}, "^(a+)+$");
                static bool Local(SerialPort port)
                {
                    var regex = new Regex("^(a+)+$", RegexOptions.CultureInvariant);
                    return regex.IsMatch({|SPDF3017:port.ReadLine()|});
                }
            }
            """ + StandIns.SerialPort,
            """
            using System.IO.Ports;
            using System.Text.RegularExpressions;
            static class Parser
            {
                static bool Valid(SerialPort port) => Regex.IsMatch(port.ReadLine(), "^(a+)+$", RegexOptions.None, System.TimeSpan.FromSeconds(1));
                static bool Local(SerialPort port)
                {
                    var regex = new Regex("^(a+)+$", RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));
                    return regex.IsMatch(port.ReadLine());
                }
            }
            """ + StandIns.SerialPort);

    [Fact]
    public Task Regex_fields_without_timeout_are_reported_and_safe_forms_are_not()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO.Ports;
            using System.Text.RegularExpressions;
                        static partial class Parser
            {
                // What the regex source generator would add.
                private static partial Regex Generated() => new("^(a+)+$");
                private static partial Regex GeneratedBounded() => new("^(a+)+$");
            }

            static partial class Parser
            {
                static readonly Regex Frame = new("^(a+)+$");
                static readonly Regex Bounded = new("^(a+)+$", RegexOptions.None, TimeSpan.FromMilliseconds(50));
                static readonly Regex Linear = new("^(a+)+$", RegexOptions.NonBacktracking);

                [GeneratedRegex("^(a+)+$")]
                private static partial Regex Generated();

                [GeneratedRegex("^(a+)+$", RegexOptions.None, 100)]
                private static partial Regex GeneratedBounded();

                static void Check(SerialPort port)
                {
                    var line = port.ReadLine();
                    Frame.IsMatch({|SPDF3017:line|});
                    Generated().IsMatch({|SPDF3017:line|});
                    Bounded.IsMatch(line);
                    Linear.IsMatch(line);
                    GeneratedBounded().IsMatch(line);
                    Regex.IsMatch(line, "^a+$", RegexOptions.NonBacktracking);
                    Regex.IsMatch(line, "^a+$", RegexOptions.None, TimeSpan.FromSeconds(1));
                    Frame.IsMatch("constant");
                }
            }
            """ + StandIns.SerialPort);

    [Fact]
    public Task Serializers_for_types_named_by_input_are_reported()
        => Verify.VerifyAnalyzerAsync(Program("""
            var typeName = Port.ReadLine();
            var type = Type.GetType({|SPDF3007:typeName|})!;
            _ = new System.Xml.Serialization.XmlSerializer({|SPDF3010:type|});
            _ = System.Text.Json.JsonSerializer.Deserialize("{}", {|SPDF3010:type|});
            _ = new System.Xml.Serialization.XmlSerializer(typeof(Program));
            """));
}
