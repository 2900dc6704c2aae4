using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Spdf.Build.Analyzers.Cryptography;

namespace Spdf.Build.Analyzers.CodeFixes;

/// <summary>SPDF1006: raises a too-small RSA key size to 3072 bits (NIST's 128-bit security level).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsufficientKeySizeCodeFixProvider)), Shared]
public sealed class InsufficientKeySizeCodeFixProvider : CodeFixProvider
{
    private const string Title = "Use a 3072-bit RSA key";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.InsufficientKeySize);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(InsufficientKeySizeAnalyzer.FixableProperty))
                continue;
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax size)
                continue;

            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(size, SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(3072)).WithTriviaFrom(size)))),
                    equivalenceKey: Title),
                diagnostic);
        }
    }
}
