using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace Spdf.Build.Analyzers.CodeFixes;

internal static class SyntaxFactoryHelpers
{
    /// <summary><c>global::Full.Name</c>, simplified to the shortest name in scope when the fix is applied.</summary>
    public static TypeSyntax QualifiedType(string fullName)
        => SyntaxFactory.ParseTypeName("global::" + fullName).WithAdditionalAnnotations(Simplifier.Annotation);

    public static ExpressionSyntax QualifiedMember(string fullTypeName, string member)
        => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, QualifiedType(fullTypeName), SyntaxFactory.IdentifierName(member))
            .WithAdditionalAnnotations(Simplifier.Annotation);

    /// <summary>
    /// <c>TripleDES c = TripleDES.Create();</c> must become <c>Aes c = Aes.Create();</c> to compile; a declaration of a general
    /// type (<paramref name="generalTypes"/>, <c>object</c>, interfaces, <c>var</c>) stays as it is.
    /// </summary>
    public static void ReplaceSpecificDeclaredType(DocumentEditor editor, ExpressionSyntax value, TypeSyntax replacementType, params string[] generalTypes)
    {
        if (value.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } })
            return;
        if (declaration.Type.IsVar || declaration.Variables.Count != 1)
            return;

        var declaredType = editor.SemanticModel.GetTypeInfo(declaration.Type).Type;
        var isGeneralType = generalTypes.Any(name => SymbolEqualityComparer.Default.Equals(declaredType, editor.SemanticModel.Compilation.GetTypeByMetadataName(name)))
                            || declaredType?.SpecialType == SpecialType.System_Object
                            || declaredType?.TypeKind == TypeKind.Interface;
        if (!isGeneralType)
            editor.ReplaceNode(declaration.Type, replacementType.WithTriviaFrom(declaration.Type));
    }

    /// <summary>Adds <c>using <paramref name="namespaceName"/>;</c> when the file lacks it, so simplified names compile.</summary>
    public static async Task<Document> EnsureUsingAsync(Document document, string namespaceName, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root)
            return document;
        if (root.Usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == namespaceName))
            return document;

        var newLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToString();
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(namespaceName))
            .WithTrailingTrivia(SyntaxFactory.ElasticEndOfLine(newLine.Length > 0 ? newLine : "\n"));
        return document.WithSyntaxRoot(root.AddUsings(directive));
    }
}
