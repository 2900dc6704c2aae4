using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Spdf.Build.Analyzers.Transport;

namespace Spdf.Build.Analyzers.CodeFixes;

/// <summary>
/// SPDF1010/SPDF1011: replaces the whole protocol expression (<c>SslProtocols.Tls | SslProtocols.Tls12</c>) with
/// <c>SslProtocols.None</c> or <c>SecurityProtocolType.SystemDefault</c>, leaving the choice to the operating system.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ObsoleteTlsProtocolCodeFixProvider)), Shared]
public sealed class ObsoleteTlsProtocolCodeFixProvider : SpdfCodeFixProvider
{
    private const string Title = "Use the operating system default TLS version";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.ObsoleteTlsProtocol, DiagnosticIds.PinnedTlsProtocolVersion);

    protected override IEnumerable<CodeAction> CreateFixes(CodeFixTarget target)
    {
        var enumType = target.Property(ObsoleteTlsProtocolAnalyzer.EnumTypeProperty);
        if (enumType is not null && target.Node is ExpressionSyntax reference)
            yield return Fix(Title, ct => FixAsync(target.Document, reference, enumType == "SslProtocols", ct));
    }

    private static async Task<Document> FixAsync(Document document, ExpressionSyntax reference, bool isSslProtocols, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var whole = reference;
        while (whole.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.BitwiseOrExpression } or ParenthesizedExpressionSyntax)
            whole = (ExpressionSyntax)whole.Parent;

        var replacement = isSslProtocols
            ? SyntaxFactoryHelpers.QualifiedMember("System.Security.Authentication.SslProtocols", "None")
            : SyntaxFactoryHelpers.QualifiedMember("System.Net.SecurityProtocolType", "SystemDefault");
        editor.ReplaceNode(whole, replacement.WithTriviaFrom(whole));
        return editor.GetChangedDocument();
    }
}
