using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Spdf.Build.Analyzers.CodeFixes;

/// <summary>SPDF1012: <c>X509RevocationMode.NoCheck</c> becomes <c>Online</c>; a literal <c>false</c> becomes <c>true</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RevocationCheckDisabledCodeFixProvider)), Shared]
public sealed class RevocationCheckDisabledCodeFixProvider : CodeFixProvider
{
    private const string Title = "Check certificate revocation online";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.RevocationCheckDisabled);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            ExpressionSyntax? replacement = node switch
            {
                LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.FalseLiteralExpression) => SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression),
                MemberAccessExpressionSyntax access => access.WithName(SyntaxFactory.IdentifierName("Online")),
                IdentifierNameSyntax { Identifier.ValueText: "NoCheck" } => SyntaxFactory.IdentifierName("Online"),
                _ => null,
            };
            if (replacement is null)
                continue;

            context.RegisterCodeFix(
                CodeAction.Create(Title, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(node, replacement.WithTriviaFrom(node)))), equivalenceKey: Title),
                diagnostic);
        }
    }
}
