using System.Threading.Tasks;
using static Spdf.Build.Analyzers.Tests.InputHandling.UntrustedInputSourceSinkMatrixTests;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.InputHandling.UntrustedInputAnalyzer>;

namespace Spdf.Build.Analyzers.Tests.InputHandling;

/// <summary>Propagation through joins and local functions, reflection and scope sinks, and allow-list guard forms.</summary>
public sealed class TaintGapsAndGuardTests
{
    [Fact]
    public Task Join_and_Concat_over_arrays_and_lists_propagate()
        => Verify.VerifyAnalyzerAsync(Program("""
            var input = Port.ReadLine();
            Process.Start({|SPDF3001:string.Join(" ", new[] { "--profile", input })|});
            var parts = input.Split(';');
            File.ReadAllText({|SPDF3003:string.Join("/", parts)|});
            var list = new System.Collections.Generic.List<string>();
            list.Add(input);
            Type.GetType({|SPDF3007:string.Concat(list)|});
            Process.Start(string.Join(" ", new[] { "--profile", "default" }));
            Process.Start({|SPDF3001:string.Join(" ", ["--profile", input])|});
            File.ReadAllText({|SPDF3003:string.Concat((string[])["/var/pump/", .. parts])|});
            Process.Start(string.Join(" ", ["--profile", "default"]));
            """));

    [Fact]
    public Task Local_functions_return_what_they_read_and_pass_their_arguments_through()
        => Verify.VerifyAnalyzerAsync(Program("""
            string ReadCommand() => Console.ReadLine()!;
            string InFolder(string name) { return "/var/pump/" + name; }
            string Fixed() => "pump.cfg";
            var command = ReadCommand();
            Process.Start({|SPDF3001:command|});
            File.ReadAllText({|SPDF3003:InFolder(Port.ReadExisting())|});
            File.ReadAllText(Fixed());
            static string Constant(int n) => "/var/pump/" + n;
            File.ReadAllText(Constant(3));
            """));

    [Fact]
    public Task SqlDataAdapter_command_text_is_a_sql_sink()
        => Verify.VerifyAnalyzerAsync(Program("""
            var drug = Console.ReadLine();
            using var adapter = new System.Data.SqlClient.SqlDataAdapter({|SPDF3002:"SELECT * FROM Doses WHERE Drug = '" + drug + "'"|}, "Server=.");
            using var safe = new System.Data.SqlClient.SqlDataAdapter("SELECT * FROM Doses", drug!);
            """) + """
            namespace System.Data.SqlClient
            {
                public sealed class SqlDataAdapter : System.Data.Common.DbDataAdapter
                {
                    public SqlDataAdapter(string selectCommandText, string selectConnectionString) { }
                }
            }
            """);

    [Fact]
    public Task Reflection_on_members_named_by_input_and_scopes_with_input_templates_are_reported()
        => Verify.VerifyAnalyzerAsync(Program("""
            var name = Port.ReadLine();
            typeof(Program).GetMethod({|SPDF3007:name|})!.Invoke(null, null);
            typeof(Program).GetProperty({|SPDF3007:"Get" + name|});
            typeof(Program).GetMethod("Main");
            using (Logger.BeginScope({|SPDF3008:name|})) { }
            using (Logger.BeginScope("Frame {Frame}", name)) { }
            using (Logger.BeginScope({|SPDF3008:"Session " + name|})) { }
            using (Logger.BeginScope(name.Length)) { }
            using (Logger.BeginScope(new System.Collections.Generic.Dictionary<string, object> { ["Frame"] = name })) { }
            """));

    [Fact]
    public Task Equality_disjunctions_are_allow_lists()
        => Verify.VerifyAnalyzerAsync(Program("""
            var mode = Port.ReadLine();
            var other = Port.ReadLine();
            if (mode == "basal" || mode == "bolus")
                File.ReadAllText(mode);
            if (mode != "basal" && mode != "bolus")
                return;
            Process.Start(mode);
            if (other == "basal" || mode == "bolus")
                File.ReadAllText({|SPDF3003:other|});
            if (other is "basal" or "bolus")
                Type.GetType(other);
            if (other == "basal" || other == null)
                File.ReadAllText({|SPDF3003:other|});
            """));

    [Fact]
    public Task IndexOf_Exists_and_Any_over_constant_sets_are_allow_lists()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Linq;
            using System.IO.Ports;
            static class Plugins
            {
                static readonly string[] Known = { "Pump.Basal", "Pump.Bolus" };

                static void Load(SerialPort port)
                {
                    var a = port.ReadLine();
                    if (Array.IndexOf(Known, a) < 0)
                        throw new InvalidOperationException();
                    Type.GetType(a);

                    var b = port.ReadLine();
                    if (Array.IndexOf(Known, b) >= 0)
                        Type.GetType(b);
                    if (-1 != Array.IndexOf(Known, b))
                        Type.GetType(b);
                    if (Array.IndexOf(Known, b) < 5)
                        Type.GetType({|SPDF3007:b|});

                    var c = port.ReadLine();
                    if (Array.Exists(Known, k => k == c))
                        Type.GetType(c);
                    if (!Known.Any(k => string.Equals(k, c, StringComparison.Ordinal)))
                        return;
                    Type.GetType(c);

                    var d = port.ReadLine();
                    var mutable = port.ReadLine().Split(',');
                    if (Array.Exists(mutable, k => k == d))
                        Type.GetType({|SPDF3007:d|});
                    if (Known.Any(k => k.Length == d.Length))
                        Type.GetType({|SPDF3007:d|});
                }
            }
            """ + StandIns.SerialPort);

    [Fact]
    public Task Constant_patterns_that_cannot_backtrack_need_no_timeout_and_validate_as_allow_lists()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.DirectoryServices;
            using System.IO.Ports;
            using System.Text.RegularExpressions;
            using System.Xml;
            static class Lookup
            {
                static readonly Regex Serial = new("^[A-Z0-9]{1,8}$");
                static readonly Regex Catastrophic = new(@"^(\w+\s?)*$");

                static XmlNode? Find(SerialPort port, XmlDocument document)
                {
                    var s = port.ReadLine();
                    if (!Regex.IsMatch(s, "^[A-Z0-9]{1,8}$"))
                        return null;
                    _ = new DirectorySearcher("(uid=" + s + ")");
                    var t = port.ReadLine();
                    if (Serial.IsMatch(t))
                        document.SelectSingleNode("//device[@serial='" + t + "']");
                    Catastrophic.IsMatch({|SPDF3017:t|});
                    Regex.IsMatch({|SPDF3017:t|}, "^(a|aa)+$");
                    Regex.IsMatch({|SPDF3017:t|}, @"^(\d+)\1$");
                    return document.SelectSingleNode({|SPDF3004:"//device[@serial='" + t + "']"|});
                }

                static void NotRestrictive(SerialPort port, XmlDocument document)
                {
                    var any = port.ReadLine();
                    if (Regex.IsMatch(any, "^.*$"))
                        document.SelectSingleNode({|SPDF3004:"//d[@s='" + any + "']"|});
                    if (Regex.IsMatch(any, "^[a-z]+$|x"))
                        document.SelectSingleNode({|SPDF3004:"//d[@s='" + any + "']"|});
                    if (Regex.IsMatch(any, "^[^']+$"))
                        document.SelectSingleNode({|SPDF3004:"//d[@s='" + any + "']"|});
                    if (Regex.IsMatch(any, "^[a-z]+$", RegexOptions.Multiline))
                        document.SelectSingleNode({|SPDF3004:"//d[@s='" + any + "']"|});
                    if (Regex.IsMatch(any, "[a-z]+"))
                        document.SelectSingleNode({|SPDF3004:"//d[@s='" + any + "']"|});
                }
            }
            """ + StandIns.SerialPort + StandIns.Ldap);
}
