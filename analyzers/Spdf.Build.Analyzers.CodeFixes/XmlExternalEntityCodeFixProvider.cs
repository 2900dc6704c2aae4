using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
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
public sealed class XmlExternalEntityCodeFixProvider : SpdfCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.XmlExternalEntityResolution);

    protected override IEnumerable<CodeAction> CreateFixes(CodeFixTarget target)
    {
        var fix = target.Property(XmlExternalEntityAnalyzer.FixProperty);
        if (fix is null || target.Node is not ExpressionSyntax value)
            yield break;

        yield return fix == XmlExternalEntityAnalyzer.FixProhibitDtd
            ? Replace("Use DtdProcessing.Prohibit", target, value, ProhibitDtd())
            : Replace("Set XmlResolver to null", target, value, SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression));
    }

    private static ExpressionSyntax ProhibitDtd()
        => SyntaxFactory.ParseExpression("global::System.Xml.DtdProcessing.Prohibit").WithAdditionalAnnotations(Simplifier.Annotation);
}
