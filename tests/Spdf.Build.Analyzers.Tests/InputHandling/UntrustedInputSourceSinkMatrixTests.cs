using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.InputHandling.UntrustedInputAnalyzer>;

namespace Spdf.Build.Analyzers.Tests.InputHandling;

/// <summary>Every device source against every injection sink class (SPDF3001-SPDF3009).</summary>
public sealed class UntrustedInputSourceSinkMatrixTests
{
    private static readonly Dictionary<string, string> Sources = new()
    {
        ["SerialPort.ReadLine"] = "var input = Port.ReadLine();",
        ["SerialPort.ReadExisting"] = "var input = Port.ReadExisting();",
        ["SerialPort.Read buffer"] = "var buffer = new byte[64]; var n = Port.Read(buffer, 0, buffer.Length); var input = Encoding.ASCII.GetString(buffer, 0, n);",
        ["Socket.Receive"] = "var buffer = new byte[64]; var n = Socket.Receive(buffer); var input = Encoding.UTF8.GetString(buffer, 0, n);",
        ["NetworkStream.Read"] = "var buffer = new byte[64]; var n = Network.Read(buffer, 0, 64); var input = Encoding.UTF8.GetString(buffer, 0, n);",
        ["TcpClient stream reader"] = "using var reader = new StreamReader(Client.GetStream()); var input = reader.ReadLine()!;",
        ["UdpClient.Receive"] = "IPEndPoint? remote = null; var input = Encoding.UTF8.GetString(Udp.Receive(ref remote));",
        ["Console.ReadLine"] = "var input = Console.ReadLine()!;",
        ["Main args"] = "var input = args[0];",
        ["Environment"] = "var input = Environment.GetEnvironmentVariable(\"PUMP_PROFILE\")!;",
        ["Command line"] = "var input = Environment.GetCommandLineArgs()[1];",
        ["UntrustedInput parser"] = "var input = ParseFrame();",
        ["SerialPort.BaseStream"] = "var input = new StreamReader(Port.BaseStream).ReadToEnd();",
    };

    private static readonly Dictionary<string, string> Sinks = new()
    {
        ["SPDF3001"] = "Process.Start({|SPDF3001:input|});",
        ["SPDF3002"] = "Command.CommandText = {|SPDF3002:\"SELECT * FROM Doses WHERE Drug = '\" + input + \"'\"|};",
        ["SPDF3003"] = "File.ReadAllText({|SPDF3003:input|});",
        ["SPDF3004"] = "Document.SelectNodes({|SPDF3004:$\"//drug[@code='{input}']\"|});",
        ["SPDF3005"] = "_ = new DirectorySearcher({|SPDF3005:\"(cn=\" + input + \")\"|});",
        ["SPDF3006"] = "_ = new Regex({|SPDF3006:input|});",
        ["SPDF3007"] = "Type.GetType({|SPDF3007:input|});",
        ["SPDF3008"] = "Logger.LogInformation({|SPDF3008:input|});",
        ["SPDF3009"] = "_ = string.Format({|SPDF3009:input|}, 1);",
    };

    public static IEnumerable<object[]> Pairs()
        => from source in Sources.Keys from sink in Sinks.Keys select new object[] { source, sink };

    [Theory]
    [MemberData(nameof(Pairs))]
    public Task Device_input_reaching_a_sink_is_reported(string source, string sink)
        => Verify.VerifyAnalyzerAsync(Program(Sources[source] + "\n        " + Sinks[sink]));

    [Theory]
    [MemberData(nameof(SinkNames))]
    public Task Constants_reaching_a_sink_are_not_reported(string sink)
    {
        var statement = System.Text.RegularExpressions.Regex.Replace(Sinks[sink], @"\{\|SPDF\d+:(.*?)\|\}", "$1");
        return Verify.VerifyAnalyzerAsync(Program("var input = \"pump.cfg\";\n        " + statement));
    }

    public static IEnumerable<object[]> SinkNames() => Sinks.Keys.Select(k => new object[] { k });

    internal static string Program(string body) => $$"""
        using System;
        using System.Data.Common;
        using System.Diagnostics;
        using System.DirectoryServices;
        using System.IO;
        using System.IO.Ports;
        using System.Net;
        using System.Net.Sockets;
        using System.Text;
        using System.Text.RegularExpressions;
        using System.Xml;
        using Microsoft.Extensions.Logging;

        static class Program
        {
            static SerialPort Port = new SerialPort("COM1");
            static Socket Socket = null!;
            static NetworkStream Network = null!;
            static TcpClient Client = null!;
            static UdpClient Udp = null!;
            static DbCommand Command = null!;
            static XmlDocument Document = new XmlDocument();
            static ILogger Logger = null!;

            [return: Spdf.Build.UntrustedInput]
            static string ParseFrame() => "";

            static void Main(string[] args)
            {
                {{body}}
            }
        }

        {{StandIns.All}}
        """;
}
