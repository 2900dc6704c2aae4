using System.Threading.Tasks;
using static Spdf.Build.Analyzers.Tests.InputHandling.UntrustedInputSourceSinkMatrixTests;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.InputHandling.UntrustedInputAnalyzer>;

namespace Spdf.Build.Analyzers.Tests.InputHandling;

public sealed class UntrustedInputFlowAndSanitizerTests
{
    [Fact]
    public Task Taint_flows_through_locals_concatenation_interpolation_format_builder_and_assignments()
        => Verify.VerifyAnalyzerAsync(Program("""
            var line = Port.ReadLine();
            string copy;
            copy = line;
            var joined = string.Concat("tool ", copy.Trim());
            var formatted = string.Format("{0}.cfg", joined);
            var builder = new StringBuilder("/opt/pump/");
            builder.Append(formatted);
            var fromBuilder = builder.ToString();
            Process.Start({|SPDF3001:fromBuilder|});
            File.Delete({|SPDF3003:$"/var/pump/{line.Split(' ')[0]}"|});
            """));

    [Fact]
    public Task Out_arguments_of_sources_and_foreach_over_arguments_are_tainted()
        => Verify.VerifyAnalyzerAsync(Program("""
            foreach (var argument in args)
                File.ReadAllBytes({|SPDF3003:argument|});
            var buffer = new char[16];
            var reader = new StreamReader(Network);
            reader.Read(buffer, 0, buffer.Length);
            Process.Start({|SPDF3001:new string(buffer)|});
            """));

    [Fact]
    public Task Reading_a_file_named_by_input_yields_input()
        => Verify.VerifyAnalyzerAsync(Program("""
            var text = File.ReadAllText({|SPDF3003:args[0]|});
            Process.Start({|SPDF3001:text|});
            """));

    [Fact]
    public Task DataReceived_handlers_read_device_input()
        => Verify.VerifyAnalyzerAsync(Program("""
            Port.DataReceived += (sender, e) =>
            {
                var port = (SerialPort)sender;
                var frame = port.ReadExisting();
                Type.GetType({|SPDF3007:frame|});
            };
            """));

    [Fact]
    public Task Untrusted_input_parameters_fields_and_properties_are_sources()
        => Verify.VerifyAnalyzerAsync("""
            using System.Diagnostics;
            using Spdf.Build;
            class Gateway
            {
                [UntrustedInput] string LastFrame = "";
                [UntrustedInput] string Header { get; set; } = "";
                void Handle([UntrustedInput] string frame)
                {
                    Process.Start({|SPDF3001:frame|});
                    Process.Start({|SPDF3001:LastFrame|});
                    Process.Start({|SPDF3001:Header|});
                }
                void Unmarked(string frame) => Process.Start(frame);
            }
            """ + StandIns.Markers);

    [Fact]
    public Task Numeric_and_enum_parsing_sanitizes()
        => Verify.VerifyAnalyzerAsync(Program("""
            var line = Port.ReadLine();
            var rate = int.Parse(line);
            File.ReadAllText("/var/pump/rate-" + rate + ".cfg");
            if (int.TryParse(line, out var channel))
                Process.Start("pumpctl", "--channel " + channel);
            if (Enum.TryParse<ConsoleColor>(line, out var color) && Enum.IsDefined(color))
                Type.GetType("Pump.Theme" + color);
            var verb = Enum.Parse<DayOfWeek>(line);
            Logger.LogInformation("Verb " + verb);
            """));

    [Fact]
    public Task Path_GetFileName_sanitizes_paths_only()
        => Verify.VerifyAnalyzerAsync(Program("""
            var line = Port.ReadLine();
            var name = Path.GetFileName(line);
            File.ReadAllText(Path.Combine("/var/pump/profiles", name));
            Process.Start({|SPDF3001:name|});
            """));

    [Fact]
    public Task GetFullPath_with_StartsWith_check_sanitizes_paths()
        => Verify.VerifyAnalyzerAsync(Program("""
            const string Root = "/var/pump/profiles/";
            var line = Port.ReadLine();
            var full = Path.GetFullPath(Path.Combine(Root, line));
            if (!full.StartsWith(Root, StringComparison.Ordinal))
                throw new InvalidDataException("Profile outside the profile folder.");
            File.ReadAllText(full);
            """));

    [Fact]
    public Task StartsWith_without_GetFullPath_or_after_the_use_does_not_sanitize()
        => Verify.VerifyAnalyzerAsync(Program("""
            const string Root = "/var/pump/profiles/";
            var line = Port.ReadLine();
            var combined = Path.Combine(Root, line);
            if (!combined.StartsWith(Root, StringComparison.Ordinal))
                return;
            File.ReadAllText({|SPDF3003:combined|});
            var full = Path.GetFullPath(combined);
            File.ReadAllText({|SPDF3003:full|});
            if (!full.StartsWith(Root, StringComparison.Ordinal))
                return;
            """));

    [Fact]
    public Task Regex_Escape_sanitizes_patterns_only()
        => Verify.VerifyAnalyzerAsync(Program("""
            var line = Port.ReadLine();
            var escaped = Regex.Escape(line);
            _ = new Regex("^" + escaped + "$", RegexOptions.None, TimeSpan.FromSeconds(1));
            File.ReadAllText({|SPDF3003:escaped|});
            """));

    [Fact]
    public Task Parameterised_commands_are_not_reported()
        => Verify.VerifyAnalyzerAsync(Program("""
            var drug = Port.ReadLine();
            Command.CommandText = "SELECT * FROM Doses WHERE Drug = @drug";
            var parameter = Command.CreateParameter();
            parameter.ParameterName = "@drug";
            parameter.Value = drug;
            Command.Parameters.Add(parameter);
            """));

    [Fact]
    public Task Allow_list_membership_sanitizes()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.Diagnostics;
            using System.IO.Ports;
            using System.Linq;
            static class Service
            {
                static readonly HashSet<string> AllowedTools = new() { "selftest", "calibrate" };
                static readonly string[] AllowedProfiles = { "adult", "neonatal" };

                static void Run(SerialPort port)
                {
                    var tool = port.ReadLine();
                    if (!AllowedTools.Contains(tool))
                        return;
                    Process.Start(tool);
                }

                static void Profile(SerialPort port)
                {
                    var profile = port.ReadLine();
                    if (AllowedProfiles.Contains(profile))
                        Process.Start("pumpctl", "--profile " + profile);
                    Process.Start("pumpctl", {|SPDF3001:"--profile " + profile|});
                }

                static void Local(SerialPort port)
                {
                    var mode = port.ReadLine();
                    var modes = new[] { "run", "stop" };
                    if (modes.Contains(mode, StringComparer.Ordinal))
                        Process.Start("pumpctl", mode);
                }

                static void NotConstant(SerialPort port, List<string> fromPeer)
                {
                    var mode = port.ReadLine();
                    if (fromPeer.Contains(mode))
                        Process.Start("pumpctl", {|SPDF3001:mode|});
                }
            }
            """ + StandIns.SerialPort);

    [Fact]
    public Task Switch_and_equality_on_constants_sanitize()
        => Verify.VerifyAnalyzerAsync("""
            using System.Diagnostics;
            using System.IO.Ports;
            static class Service
            {
                static void Run(SerialPort port)
                {
                    var verb = port.ReadLine();
                    switch (verb)
                    {
                        case "selftest":
                        case "calibrate":
                            Process.Start("pumpctl", verb);
                            break;
                        default:
                            Process.Start("pumpctl", {|SPDF3001:verb|});
                            break;
                    }

                    var tool = verb switch
                    {
                        "a" or "b" => verb,
                        _ => "status",
                    };
                    Process.Start(tool);
                    var other = verb switch
                    {
                        "a" => "x",
                        _ => verb,
                    };
                    Process.Start({|SPDF3001:other|});
                    if (verb == "status")
                        Process.Start(verb);
                    if (verb is "on" or "off")
                        Process.Start(verb);
                    if (string.Equals(verb, "reset", System.StringComparison.Ordinal))
                        Process.Start(verb);
                }
            }
            """ + StandIns.SerialPort);

    [Fact]
    public Task Anchored_constant_regex_validation_sanitizes()
        => Verify.VerifyAnalyzerAsync(Program("""
            var code = Port.ReadLine();
            if (!Regex.IsMatch(code, "^[A-Z0-9]{1,8}$", RegexOptions.None, TimeSpan.FromMilliseconds(100)))
                return;
            File.ReadAllText("/var/pump/drugs/" + code + ".json");
            var other = Port.ReadLine();
            if (Regex.IsMatch(other, "[A-Z]", RegexOptions.None, TimeSpan.FromMilliseconds(100)))
                File.ReadAllText({|SPDF3003:"/var/pump/drugs/" + other|});
            """));

    [Fact]
    public Task Values_from_unknown_methods_and_fields_are_not_reported()
        => Verify.VerifyAnalyzerAsync(Program("""
            var line = Port.ReadLine();
            var profile = Lookup(line);
            File.ReadAllText(profile);
            File.ReadAllText(Configured);
            """).Replace("static void Main(", "static string Configured = \"/etc/pump.cfg\";\n    static string Lookup(string key) => \"/etc/pump/\" + key.Length;\n    static void Main(", System.StringComparison.Ordinal));

    [Fact]
    public Task Editorconfig_allow_list_silences_a_member()
        => Verify.VerifyAnalyzerAsync(
            Program("Process.Start(args[0]);"),
            "spdf.SPDF3001.allowed_symbols = Program.Main\n");

    [Fact]
    public Task Work_bound_stops_the_analysis_and_is_reported_when_enabled()
        => Verify.VerifyAnalyzerAsync(
            Program("var input = Port.ReadLine(); Process.Start(input);").Replace("static void Main(", "static void {|SPDF3019:Main|}(", System.StringComparison.Ordinal),
            "spdf.taint_analysis.max_operations_per_method = 2\ndotnet_diagnostic.SPDF3019.severity = warning\n");

    [Fact]
    public Task AspNetCore_request_data_is_a_source_when_present()
        => Verify.VerifyAnalyzerAsync("""
            using System.Diagnostics;
            using Microsoft.AspNetCore.Http;
            static class Endpoints
            {
                static void Export(HttpRequest request)
                {
                    var file = request.Query["file"];
                    System.IO.File.ReadAllText({|SPDF3003:file|});
                    Process.Start({|SPDF3001:request.Headers["X-Tool"]|});
                }
            }
            namespace Microsoft.AspNetCore.Http
            {
                public interface IQueryCollection { string this[string key] { get; } }
                public interface IHeaderDictionary { string this[string key] { get; } }
                public abstract class HttpRequest
                {
                    public abstract IQueryCollection Query { get; }
                    public abstract IHeaderDictionary Headers { get; }
                }
            }
            """);
}
