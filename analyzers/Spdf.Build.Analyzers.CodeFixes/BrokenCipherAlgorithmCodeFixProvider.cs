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
using Spdf.Build.Analyzers.Cryptography;

namespace Spdf.Build.Analyzers.CodeFixes;

/// <summary>SPDF1002: replaces DES, Triple DES or RC2 with <c>Aes.Create()</c> (and <c>"AES"</c> in name-based factories).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BrokenCipherAlgorithmCodeFixProvider)), Shared]
public sealed class BrokenCipherAlgorithmCodeFixProvider : SpdfCodeFixProvider
{
    private const string Title = "Use AES";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.BrokenCipherAlgorithm);

    protected override IEnumerable<CodeAction> CreateFixes(CodeFixTarget target)
    {
        var node = target.Node;
        var fixable = target.Property(BrokenCipherAlgorithmAnalyzer.FormProperty) switch
        {
            BrokenCipherAlgorithmAnalyzer.FormCreation => node is BaseObjectCreationExpressionSyntax { Initializer: null } creation && (creation.ArgumentList is null || creation.ArgumentList.Arguments.Count == 0),
            BrokenCipherAlgorithmAnalyzer.FormStaticMember => node is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Create" } or IdentifierNameSyntax { Identifier.ValueText: "Create" } },
            BrokenCipherAlgorithmAnalyzer.FormAlgorithmName => node is LiteralExpressionSyntax,
            _ => false,
        };
        if (fixable)
            yield return Fix(Title, ct => FixAsync(target.Document, node, ct));
    }

    private static async Task<Document> FixAsync(Document document, SyntaxNode node, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        if (node is LiteralExpressionSyntax literal)
        {
            editor.ReplaceNode(literal, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("AES")).WithTriviaFrom(literal));
            return editor.GetChangedDocument();
        }

        var aes = SyntaxFactoryHelpers.QualifiedType("System.Security.Cryptography.Aes");
        var create = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, aes, SyntaxFactory.IdentifierName("Create")));
        editor.ReplaceNode(node, create.WithTriviaFrom(node));
        SyntaxFactoryHelpers.ReplaceSpecificDeclaredType(editor, (ExpressionSyntax)node, aes, "System.Security.Cryptography.SymmetricAlgorithm");
        return editor.GetChangedDocument();
    }
}
