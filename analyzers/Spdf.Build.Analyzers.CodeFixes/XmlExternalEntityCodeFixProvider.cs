using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Spdf.Build.Analyzers.Xml;

namespace Spdf.Build.Analyzers.CodeFixes;

/// <summary>SPDF3011: <c>DtdProcessing.Parse</c> becomes <c>DtdProcessing.Prohibit</c>; a resolver becomes <c>null</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(XmlExternalEntityCodeFixProvider)), Shared]
public sealed class XmlExternalEntityCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.XmlExternalEntityResolution);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(XmlExternalEntityAnalyzer.FixProperty, out var fix)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value)
            {
                continue;
            }

            var (title, replacement) = fix == XmlExternalEntityAnalyzer.FixProhibitDtd
                ? ("Use DtdProcessing.Prohibit", ProhibitDtd())
                : ("Set XmlResolver to null", (ExpressionSyntax)SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression));
            context.RegisterCodeFix(
                CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(value, replacement.WithTriviaFrom(value)))), title),
                diagnostic);
        }
    }

    private static ExpressionSyntax ProhibitDtd()
        => SyntaxFactory.ParseExpression("global::System.Xml.DtdProcessing.Prohibit").WithAdditionalAnnotations(Simplifier.Annotation);
}
