using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
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
public sealed class RegexTimeoutCodeFixProvider : SpdfCodeFixProvider
{
    private const string Title = "Add a match timeout";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.RegexWithoutTimeoutOnInput);

    protected override IEnumerable<CodeAction> CreateFixes(CodeFixTarget target)
    {
        var diagnostic = target.Diagnostic;
        if (target.Property(RegexWithoutTimeoutSink.FixKindProperty) is null || diagnostic.AdditionalLocations.Count == 0)
            yield break;
        var argumentList = target.Root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) switch
        {
            InvocationExpressionSyntax invocation => invocation.ArgumentList,
            BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
            _ => null,
        };
        if (argumentList is not null)
            yield return Replace(Title, target, argumentList, WithTimeout(argumentList));
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
