using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
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
public sealed class TypeNameHandlingNoneCodeFixProvider : SpdfCodeFixProvider
{
    private const string Title = "Use TypeNameHandling.None";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(DiagnosticIds.InsecureDeserialization);

    protected override IEnumerable<CodeAction> CreateFixes(CodeFixTarget target)
    {
        if (target.Property(InsecureDeserializationAnalyzer.TypeNameHandlingProperty) is not null && target.Node is ExpressionSyntax value)
            yield return Replace(Title, target, value, None());
    }

    private static ExpressionSyntax None()
        => SyntaxFactory.ParseExpression("global::Newtonsoft.Json.TypeNameHandling.None").WithAdditionalAnnotations(Simplifier.Annotation);
}
