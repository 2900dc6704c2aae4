using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Spdf.Build.Analyzers.Serialization;

namespace Spdf.Build.Analyzers.CodeFixes;

/// <summary>SPDF3010: replaces a Json.NET TypeNameHandling value with <c>TypeNameHandling.None</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TypeNameHandlingNoneCodeFixProvider)), Shared]
public sealed class TypeNameHandlingNoneCodeFixProvider : CodeFixProvider
{
    private const string Title = "Use TypeNameHandling.None";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.InsecureDeserialization);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(InsecureDeserializationAnalyzer.TypeNameHandlingProperty))
                continue;
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value)
                continue;
            context.RegisterCodeFix(
                CodeAction.Create(Title, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(value, None().WithTriviaFrom(value)))), Title),
                diagnostic);
        }
    }

    private static ExpressionSyntax None()
        => SyntaxFactory.ParseExpression("global::Newtonsoft.Json.TypeNameHandling.None").WithAdditionalAnnotations(Simplifier.Annotation);
}
