using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.InputHandling.UntrustedInputAnalyzer>;

namespace Spdf.Build.Analyzers.Tests.InputHandling;

/// <summary>
/// The sample pump reads provisioning files named on its command line through one method with a canonical
/// prefix check. These tests take that method from the sample's source: as written it is silent, and with the
/// check removed SPDF3003 reports it, so the sample's warning-free build is a real control.
/// </summary>
public sealed class SampleDeviceAppControlTests
{
    [Fact]
    public Task The_sample_provisioning_reader_is_silent()
        => Verify.VerifyAnalyzerAsync(Wrap(SampleMethod()));

    [Fact]
    public Task The_sample_provisioning_reader_without_its_check_is_reported()
    {
        var method = SampleMethod();
        var check = method.Body!.Statements.OfType<IfStatementSyntax>().Single();
        var unsafeMethod = method.RemoveNode(check, SyntaxRemoveOptions.KeepNoTrivia)!;
        var source = Wrap(unsafeMethod).Replace("File.ReadAllBytesAsync(fullPath)", "File.ReadAllBytesAsync({|SPDF3003:fullPath|})", StringComparison.Ordinal);
        return Verify.VerifyAnalyzerAsync(source);
    }

    private static MethodDeclarationSyntax SampleMethod()
    {
        var path = Path.Combine(RepositoryRoot(), "sample-device-app", "InfusionPump", "Program.cs");
        var root = CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetRoot();
        return root.DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == "ReadProvisionedFileAsync");
    }

    private static string Wrap(MethodDeclarationSyntax method) => $$"""
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using Spdf.Build;
        static class Program
        {
            static readonly string ProvisioningDirectory = "/opt/pump/provisioning";
            {{method.WithoutLeadingTrivia().ToFullString()}}
        }
        {{StandIns.Markers}}
        """;

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Spdf.Build.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("Spdf.Build.sln not found above " + AppContext.BaseDirectory);
    }
}
