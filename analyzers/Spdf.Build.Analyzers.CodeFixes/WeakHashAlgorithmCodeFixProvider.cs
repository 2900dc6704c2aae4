using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using Spdf.Build.Analyzers.Cryptography;

namespace Spdf.Build.Analyzers.CodeFixes;

/// <summary>SPDF1001: replaces the weak algorithm with SHA-256 (HMAC-SHA256 for keyed hashes).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WeakHashAlgorithmCodeFixProvider)), Shared]
public sealed class WeakHashAlgorithmCodeFixProvider : SpdfCodeFixProvider
{
    private const string Sha256Type = "System.Security.Cryptography.SHA256";
    private const string HmacSha256Type = "System.Security.Cryptography.HMACSHA256";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.WeakHashAlgorithm);

    protected override IEnumerable<CodeAction> CreateFixes(CodeFixTarget target)
    {
        var form = target.Property(WeakHashAlgorithmAnalyzer.FormProperty);
        if (form is null)
            yield break;

        var keyed = target.Property(WeakHashAlgorithmAnalyzer.KeyedProperty) == "true";
        var title = keyed ? "Use HMAC-SHA256" : "Use SHA-256";
        var node = target.Node;
        yield return Fix(title, ct => FixAsync(target.Document, node, form, keyed, ct));
    }

    private static async Task<Document> FixAsync(Document document, SyntaxNode node, string form, bool keyed, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var replacementType = ParseType(keyed ? HmacSha256Type : Sha256Type);

        switch (form)
        {
            case WeakHashAlgorithmAnalyzer.FormCreation when node is BaseObjectCreationExpressionSyntax creation:
                var newExpression = keyed
                    ? SyntaxFactory.ObjectCreationExpression(replacementType, creation.ArgumentList ?? SyntaxFactory.ArgumentList(), creation.Initializer)
                    : (ExpressionSyntax)SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, replacementType, SyntaxFactory.IdentifierName("Create")));
                editor.ReplaceNode(creation, newExpression.WithTriviaFrom(creation));
                ReplaceDeclaredType(editor, creation, replacementType);
                break;

            case WeakHashAlgorithmAnalyzer.FormStaticMember when node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation:
                editor.ReplaceNode(access.Expression, replacementType.WithTriviaFrom(access.Expression));
                ReplaceDeclaredType(editor, invocation, replacementType);
                break;

            case WeakHashAlgorithmAnalyzer.FormAlgorithmNameString when node is LiteralExpressionSyntax literal:
                var name = keyed ? "HMACSHA256" : "SHA256";
                editor.ReplaceNode(literal, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name)).WithTriviaFrom(literal));
                break;

            case WeakHashAlgorithmAnalyzer.FormHashAlgorithmName:
                var sha256Name = SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    ParseType("System.Security.Cryptography.HashAlgorithmName"),
                    SyntaxFactory.IdentifierName("SHA256"));
                editor.ReplaceNode(node, sha256Name.WithTriviaFrom(node));
                break;

            default:
                return document;
        }

        return editor.GetChangedDocument();
    }

    /// <summary><c>MD5 hash = MD5.Create();</c> must become <c>SHA256 hash = SHA256.Create();</c> to compile.</summary>
    private static void ReplaceDeclaredType(DocumentEditor editor, ExpressionSyntax value, TypeSyntax replacementType)
    {
        if (value.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } })
            return;
        if (declaration.Type.IsVar || declaration.Variables.Count != 1)
            return;

        var declaredType = editor.SemanticModel.GetTypeInfo(declaration.Type).Type;
        var hashAlgorithm = editor.SemanticModel.Compilation.GetTypeByMetadataName("System.Security.Cryptography.HashAlgorithm");
        var keyedHashAlgorithm = editor.SemanticModel.Compilation.GetTypeByMetadataName("System.Security.Cryptography.KeyedHashAlgorithm");
        var hmac = editor.SemanticModel.Compilation.GetTypeByMetadataName("System.Security.Cryptography.HMAC");
        var isGeneralType = new[] { hashAlgorithm, keyedHashAlgorithm, hmac }.Contains(declaredType, SymbolEqualityComparer.Default)
                            || declaredType?.SpecialType == SpecialType.System_Object
                            || declaredType?.TypeKind == TypeKind.Interface;
        if (!isGeneralType)
            editor.ReplaceNode(declaration.Type, replacementType.WithTriviaFrom(declaration.Type));
    }

    private static TypeSyntax ParseType(string fullName)
        => SyntaxFactory.ParseTypeName("global::" + fullName).WithAdditionalAnnotations(Simplifier.Annotation);
}
