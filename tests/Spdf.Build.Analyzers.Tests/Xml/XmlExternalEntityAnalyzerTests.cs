using System.Threading.Tasks;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.Xml.XmlExternalEntityAnalyzer, Spdf.Build.Analyzers.CodeFixes.XmlExternalEntityCodeFixProvider>;

namespace Spdf.Build.Analyzers.Tests.Xml;

public sealed class XmlExternalEntityAnalyzerTests
{
    private const string OldFramework = "[assembly: System.Runtime.Versioning.TargetFramework(\".NETFramework,Version=v4.5.1\")]\n";
    private const string NewFramework = "[assembly: System.Runtime.Versioning.TargetFramework(\".NETFramework,Version=v4.8\")]\n";

    [Fact]
    public Task Resolvers_are_reported_on_every_target_framework()
        => Verify.VerifyAnalyzerAsync("""
            using System.Xml;
            class Parser
            {
                XmlReaderSettings Settings() => new() { XmlResolver = {|SPDF3011:new XmlUrlResolver()|} };
                void Document(XmlDocument document, XmlResolver resolver)
                {
                    document.XmlResolver = {|SPDF3011:resolver|};
                    document.XmlResolver = null;
                    document.XmlResolver = XmlResolver.ThrowingResolver;
                }
            }
            """);

    [Fact]
    public Task DtdProcessing_Parse_and_default_resolvers_are_reported_only_on_old_NET_Framework()
    {
        const string body = """
            using System.IO;
            using System.Xml;
            class Parser
            {
                XmlReaderSettings Settings() => new() { DtdProcessing = DtdProcessing.Parse };
                XmlDocument Document() => new XmlDocument();
                XmlDocument Cleared()
                {
                    var document = new XmlDocument();
                    document.XmlResolver = null;
                    return document;
                }
            }
            """;
        return Task.WhenAll(
            Verify.VerifyAnalyzerAsync(body),
            Verify.VerifyAnalyzerAsync(body.Replace("class Parser", NewFramework + "class Parser", System.StringComparison.Ordinal)),
            Verify.VerifyAnalyzerAsync(body
                .Replace("class Parser", OldFramework + "class Parser", System.StringComparison.Ordinal)
                .Replace("DtdProcessing = DtdProcessing.Parse", "DtdProcessing = {|SPDF3011:DtdProcessing.Parse|}", System.StringComparison.Ordinal)
                .Replace("=> new XmlDocument();", "=> {|SPDF3011:new XmlDocument()|};", System.StringComparison.Ordinal)));
    }

    [Fact]
    public Task Xslt_with_document_function_and_a_resolver_is_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.Xml;
            using System.Xml.Xsl;
            class Transformer
            {
                void Load(XslCompiledTransform transform, XmlReader stylesheet)
                {
                    transform.Load(stylesheet, XsltSettings.TrustedXslt, {|SPDF3011:new XmlUrlResolver()|});
                    transform.Load(stylesheet, new XsltSettings(enableDocumentFunction: true, enableScript: false), {|SPDF3011:new XmlUrlResolver()|});
                    transform.Load(stylesheet, XsltSettings.Default, new XmlUrlResolver());
                    transform.Load(stylesheet, XsltSettings.TrustedXslt, null);
                }
            }
            """);

    [Fact]
    public Task Code_fix_prohibits_DTDs_and_clears_resolvers()
        => Verify.VerifyCodeFixAsync(
            """
            using System.Xml;
            [assembly: System.Runtime.Versioning.TargetFramework(".NETFramework,Version=v4.5.1")]
            class Parser
            {
                XmlReaderSettings Settings() => new() { DtdProcessing = {|SPDF3011:DtdProcessing.Parse|}, XmlResolver = {|SPDF3011:new XmlUrlResolver()|} };
            }
            """,
            """
            using System.Xml;
            [assembly: System.Runtime.Versioning.TargetFramework(".NETFramework,Version=v4.5.1")]
            class Parser
            {
                XmlReaderSettings Settings() => new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            }
            """,
            fixAllIterations: 2);
}
