using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Spdf.Build.Analyzers.CodeFixes;

/// <summary>
/// The registration every Spdf.Build code fix shares: find the reported node, ask the provider for its fixes, batch
/// fix-all. Providers only decide which fixes apply to a diagnostic and how to rewrite the code.
/// </summary>
public abstract class SpdfCodeFixProvider : CodeFixProvider
{
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;

        foreach (var diagnostic in context.Diagnostics)
        {
            var target = new CodeFixTarget(context.Document, root, diagnostic);
            foreach (var fix in CreateFixes(target))
                context.RegisterCodeFix(fix, diagnostic);
        }
    }

    /// <summary>The fixes for one diagnostic; none when its form has no mechanical fix.</summary>
    protected abstract IEnumerable<CodeAction> CreateFixes(CodeFixTarget target);

    /// <summary>A fix whose title is also its equivalence key, so fix-all groups it.</summary>
    protected static CodeAction Fix(string title, Func<CancellationToken, Task<Document>> apply)
        => CodeAction.Create(title, apply, equivalenceKey: title);

    /// <summary>A fix that replaces one node, keeping the replaced node's trivia.</summary>
    protected static CodeAction Replace(string title, CodeFixTarget target, SyntaxNode node, SyntaxNode replacement)
        => Fix(title, _ => Task.FromResult(target.Document.WithSyntaxRoot(target.Root.ReplaceNode(node, replacement.WithTriviaFrom(node)))));
}

/// <summary>One diagnostic to fix, with its document, syntax root and the innermost node at the reported span.</summary>
public sealed class CodeFixTarget
{
    private SyntaxNode? _node;

    internal CodeFixTarget(Document document, SyntaxNode root, Diagnostic diagnostic)
    {
        Document = document;
        Root = root;
        Diagnostic = diagnostic;
    }

    public Document Document { get; }

    public SyntaxNode Root { get; }

    public Diagnostic Diagnostic { get; }

    public SyntaxNode Node => _node ??= Root.FindNode(Diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);

    public string? Property(string name) => Diagnostic.Properties.TryGetValue(name, out var value) ? value : null;
}
