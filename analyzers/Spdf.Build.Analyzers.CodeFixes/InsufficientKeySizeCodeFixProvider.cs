using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Spdf.Build.Analyzers.Cryptography;

namespace Spdf.Build.Analyzers.CodeFixes;

/// <summary>SPDF1006: raises a too-small RSA key size to 3072 bits (NIST's 128-bit security level).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsufficientKeySizeCodeFixProvider)), Shared]
public sealed class InsufficientKeySizeCodeFixProvider : SpdfCodeFixProvider
{
    private const string Title = "Use a 3072-bit RSA key";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.InsufficientKeySize);

    protected override IEnumerable<CodeAction> CreateFixes(CodeFixTarget target)
    {
        if (target.Property(InsufficientKeySizeAnalyzer.FixableProperty) is not null && target.Node is ExpressionSyntax size)
            yield return Replace(Title, target, size, SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(3072)));
    }
}
