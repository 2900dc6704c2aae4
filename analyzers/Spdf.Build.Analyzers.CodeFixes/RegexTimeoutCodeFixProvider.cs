using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Spdf.Build.Analyzers.InputHandling.Sinks;

namespace Spdf.Build.Analyzers.CodeFixes;

/// <summary>
/// SPDF3017: adds a one-second match timeout to the static <c>Regex</c> call or to the <c>new Regex(...)</c> the
/// matched instance was created with (the diagnostic's additional location), adding <c>RegexOptions.None</c>
/// when the call has no options argument.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RegexTimeoutCodeFixProvider)), Shared]
public sealed class RegexTimeoutCodeFixProvider : CodeFixProvider
{
    private const string Title = "Add a match timeout";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.RegexWithoutTimeoutOnInput);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(RegexWithoutTimeoutSink.FixKindProperty) || diagnostic.AdditionalLocations.Count == 0)
                continue;
            var target = root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true);
            var argumentList = target switch
            {
                InvocationExpressionSyntax invocation => invocation.ArgumentList,
                BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
                _ => null,
            };
            if (argumentList is null)
                continue;
            context.RegisterCodeFix(
                CodeAction.Create(Title, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(argumentList, WithTimeout(argumentList)))), Title),
                diagnostic);
        }
    }

    /// <summary>Regex parameters run (input,) pattern, options, matchTimeout: append options when missing, then the timeout.</summary>
    private static ArgumentListSyntax WithTimeout(ArgumentListSyntax arguments)
    {
        var list = arguments.Arguments;
        var hasOptions = list.Any(a => a.Expression.ToString().Contains("RegexOptions") || a.NameColon?.Name.Identifier.Text == "options");
        if (!hasOptions)
            list = list.Add(SyntaxFactory.Argument(Simplified("global::System.Text.RegularExpressions.RegexOptions.None")));
        var timeout = SyntaxFactory.InvocationExpression(
            Simplified("global::System.TimeSpan.FromSeconds"),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(1))))));
        return arguments.WithArguments(list.Add(SyntaxFactory.Argument(timeout)));
    }

    private static ExpressionSyntax Simplified(string expression)
        => SyntaxFactory.ParseExpression(expression).WithAdditionalAnnotations(Simplifier.Annotation);
}
