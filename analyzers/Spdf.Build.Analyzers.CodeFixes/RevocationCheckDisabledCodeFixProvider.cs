using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Spdf.Build.Analyzers.CodeFixes;

/// <summary>SPDF1012: <c>X509RevocationMode.NoCheck</c> becomes <c>Online</c>; a literal <c>false</c> becomes <c>true</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RevocationCheckDisabledCodeFixProvider)), Shared]
public sealed class RevocationCheckDisabledCodeFixProvider : SpdfCodeFixProvider
{
    private const string Title = "Check certificate revocation online";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.RevocationCheckDisabled);

    protected override IEnumerable<CodeAction> CreateFixes(CodeFixTarget target)
    {
        ExpressionSyntax? replacement = target.Node switch
        {
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.FalseLiteralExpression) => SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression),
            MemberAccessExpressionSyntax access => access.WithName(SyntaxFactory.IdentifierName("Online")),
            IdentifierNameSyntax { Identifier.ValueText: "NoCheck" } => SyntaxFactory.IdentifierName("Online"),
            _ => null,
        };
        if (replacement is not null)
            yield return Replace(Title, target, target.Node, replacement);
    }
}
