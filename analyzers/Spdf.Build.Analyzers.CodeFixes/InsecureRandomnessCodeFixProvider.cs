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

namespace Spdf.Build.Analyzers.CodeFixes;

/// <summary>
/// SPDF1008: <c>random.NextBytes(buffer)</c> becomes <c>RandomNumberGenerator.Fill(buffer)</c> and <c>random.Next(...)</c>
/// becomes <c>RandomNumberGenerator.GetInt32(...)</c> (same bounds; <c>Next()</c> becomes <c>GetInt32(int.MaxValue)</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsecureRandomnessCodeFixProvider)), Shared]
public sealed class InsecureRandomnessCodeFixProvider : SpdfCodeFixProvider
{
    private const string Title = "Use RandomNumberGenerator";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.InsecureRandomness);

    protected override IEnumerable<CodeAction> CreateFixes(CodeFixTarget target)
    {
        if (target.Node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation
            && access.Name.Identifier.ValueText is "NextBytes" or "Next"
            && invocation.ArgumentList.Arguments.Count <= 2
            && (access.Name.Identifier.ValueText == "Next" || invocation.ArgumentList.Arguments.Count == 1))
        {
            yield return Fix(Title, ct => FixAsync(target.Document, invocation, access, ct));
        }
    }

    private static async Task<Document> FixAsync(Document document, InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var isBytes = access.Name.Identifier.ValueText == "NextBytes";
        var arguments = invocation.ArgumentList;
        if (!isBytes && arguments.Arguments.Count == 0)
        {
            var intMax = SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.IntKeyword)),
                SyntaxFactory.IdentifierName("MaxValue"));
            arguments = SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(intMax)));
        }

        var replacement = SyntaxFactory.InvocationExpression(
            SyntaxFactoryHelpers.QualifiedMember("System.Security.Cryptography.RandomNumberGenerator", isBytes ? "Fill" : "GetInt32"),
            arguments);
        editor.ReplaceNode(invocation, replacement.WithTriviaFrom(invocation));
        return await SyntaxFactoryHelpers.EnsureUsingAsync(editor.GetChangedDocument(), "System.Security.Cryptography", cancellationToken).ConfigureAwait(false);
    }
}
