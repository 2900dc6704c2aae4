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

namespace Spdf.Build.Analyzers.CodeFixes;

/// <summary>
/// SPDF2005: adds <c>[DefaultDllImportSearchPaths(DllImportSearchPath.System32)]</c> to the import, or the same attribute at
/// assembly level (which covers every import in the project).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnsafeNativeLibrarySearchPathCodeFixProvider)), Shared]
public sealed class UnsafeNativeLibrarySearchPathCodeFixProvider : SpdfCodeFixProvider
{
    private const string MethodTitle = "Search only System32 for this import";
    private const string AssemblyTitle = "Search only System32 for all imports (assembly attribute)";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.UnsafeNativeLibrarySearchPath);

    protected override IEnumerable<CodeAction> CreateFixes(CodeFixTarget target)
    {
        if (target.Root is not CompilationUnitSyntax compilationUnit
            || compilationUnit.FindToken(target.Diagnostic.Location.SourceSpan.Start).Parent is not MethodDeclarationSyntax method)
        {
            yield break;
        }

        yield return Fix(MethodTitle, ct => AddToMethodAsync(target.Document, compilationUnit, method, ct));
        yield return Fix(AssemblyTitle, ct => AddToAssemblyAsync(target.Document, compilationUnit, ct));
    }

    private static Task<Document> AddToMethodAsync(Document document, CompilationUnitSyntax root, MethodDeclarationSyntax method, CancellationToken cancellationToken)
    {
        var leading = method.GetLeadingTrivia();
        var indentation = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : SyntaxFactory.TriviaList();
        var attributeList = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(Attribute()))
            .WithLeadingTrivia(leading)
            .WithTrailingTrivia(NewLine(root));
        var updated = method.WithLeadingTrivia(indentation);
        updated = updated.WithAttributeLists(updated.AttributeLists.Insert(0, attributeList));
        return WithUsingAsync(document.WithSyntaxRoot(root.ReplaceNode(method, updated)), cancellationToken);
    }

    private static Task<Document> AddToAssemblyAsync(Document document, CompilationUnitSyntax root, CancellationToken cancellationToken)
    {
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(Attribute()))
            .WithTarget(SyntaxFactory.AttributeTargetSpecifier(SyntaxFactory.Token(SyntaxKind.AssemblyKeyword)))
            .WithTrailingTrivia(NewLine(root), NewLine(root));
        return WithUsingAsync(document.WithSyntaxRoot(root.WithAttributeLists(root.AttributeLists.Add(list))), cancellationToken);
    }

    private static Task<Document> WithUsingAsync(Document document, CancellationToken cancellationToken)
        => SyntaxFactoryHelpers.EnsureUsingAsync(document, "System.Runtime.InteropServices", cancellationToken);

    private static AttributeSyntax Attribute()
        => SyntaxFactory.Attribute(
            SyntaxFactory.IdentifierName("DefaultDllImportSearchPaths"),
            SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName("DllImportSearchPath"), SyntaxFactory.IdentifierName("System32"))))));

    private static SyntaxTrivia NewLine(SyntaxNode root)
    {
        var existing = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        return existing.IsKind(SyntaxKind.EndOfLineTrivia) ? existing : SyntaxFactory.LineFeed;
    }
}
