using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Cryptography;

namespace Spdf.Build.Analyzers.CodeFixes;

/// <summary>
/// SPDF1007: PBKDF2 with SHA-1 (explicit or the constructors' default) becomes PBKDF2-HMAC-SHA256 with at least 600 000
/// iterations; a too-small constant iteration count becomes the OWASP minimum for the hash in use.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WeakPasswordKeyDerivationCodeFixProvider)), Shared]
public sealed class WeakPasswordKeyDerivationCodeFixProvider : SpdfCodeFixProvider
{
    private const string Sha256Title = "Use PBKDF2-HMAC-SHA256 with 600 000 iterations";
    private const string IterationsTitle = "Use the OWASP minimum iteration count";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.WeakPasswordKeyDerivation);

    protected override IEnumerable<CodeAction> CreateFixes(CodeFixTarget target)
    {
        var fix = target.Property(WeakPasswordKeyDerivationAnalyzer.FixProperty);
        if (fix is null || !int.TryParse(target.Property(WeakPasswordKeyDerivationAnalyzer.MinimumIterationsProperty), NumberStyles.None, CultureInfo.InvariantCulture, out var minimum))
            yield break;

        var node = target.Node;
        yield return fix == WeakPasswordKeyDerivationAnalyzer.FixUseSha256
            ? Fix(Sha256Title, ct => UseSha256Async(target.Document, node, ct))
            : Fix(IterationsTitle, ct => SetIterationsAsync(target.Document, node, minimum, ct));
    }

    private static async Task<Document> SetIterationsAsync(Document document, SyntaxNode node, int minimum, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.ReplaceNode(node, Iterations(minimum).WithTriviaFrom(node));
        return editor.GetChangedDocument();
    }

    private static async Task<Document> UseSha256Async(Document document, SyntaxNode node, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var call = node.AncestorsAndSelf().FirstOrDefault(n => n is BaseObjectCreationExpressionSyntax or InvocationExpressionSyntax);
        if (call is null || editor.SemanticModel.GetOperation(call, cancellationToken) is not { } operation)
            return document;

        var arguments = operation switch
        {
            IObjectCreationOperation creation => creation.Arguments,
            IInvocationOperation invocation => invocation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };
        var sha256 = SyntaxFactoryHelpers.QualifiedMember("System.Security.Cryptography.HashAlgorithmName", "SHA256");
        var hash = arguments.FirstOrDefault(a => a.Parameter?.Name == "hashAlgorithm");
        var iterations = arguments.FirstOrDefault(a => a.Parameter?.Name == "iterations");

        if (hash is not null)
        {
            editor.ReplaceNode(hash.Value.Syntax, sha256.WithTriviaFrom(hash.Value.Syntax));
            if (iterations is not null && IsBelow(iterations.Value, WeakPasswordKeyDerivationAnalyzer.Sha256Iterations))
                editor.ReplaceNode(iterations.Value.Syntax, Iterations(WeakPasswordKeyDerivationAnalyzer.Sha256Iterations).WithTriviaFrom(iterations.Value.Syntax));
            return editor.GetChangedDocument();
        }

        // A constructor without a hash algorithm: (password, salt[, iterations]) -> (password, salt, iterations, SHA256).
        if (call is not BaseObjectCreationExpressionSyntax { ArgumentList: { } argumentList } || argumentList.Arguments.Count is < 2 or > 3
            || argumentList.Arguments.Any(a => a.NameColon is not null))
        {
            return document;
        }

        var newArguments = new List<ArgumentSyntax> { argumentList.Arguments[0], argumentList.Arguments[1] };
        var keepIterations = iterations is not null && !IsBelow(iterations.Value, WeakPasswordKeyDerivationAnalyzer.Sha256Iterations);
        newArguments.Add(keepIterations ? argumentList.Arguments[2] : SyntaxFactory.Argument(Iterations(WeakPasswordKeyDerivationAnalyzer.Sha256Iterations)));
        newArguments.Add(SyntaxFactory.Argument(sha256));
        editor.ReplaceNode(argumentList, argumentList.WithArguments(SyntaxFactory.SeparatedList(newArguments)));
        return editor.GetChangedDocument();
    }

    private static bool IsBelow(IOperation value, int minimum)
        => value.ConstantValue is not { HasValue: true, Value: int count } || count < minimum;

    private static ExpressionSyntax Iterations(int count)
        => SyntaxFactory.LiteralExpression(
            SyntaxKind.NumericLiteralExpression,
            SyntaxFactory.Literal(count.ToString("#,0", CultureInfo.InvariantCulture).Replace(",", "_"), count));
}
