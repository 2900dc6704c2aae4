using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.Tests.Infrastructure;

public sealed class CompilationTextTests
{
    private const string Word = "UntrustedInput";
    private const string Declaration = "class UntrustedInputAttribute { }";

    private static Compilation CompilationOf(params string[] texts)
        => CSharpCompilation.Create("Device", System.Array.ConvertAll(texts, text => CSharpSyntaxTree.ParseText(text)));

    [Fact]
    public void Finds_the_word_in_any_file()
        => Assert.True(CompilationText.AnyTreeContains(CompilationOf("class A { }", "// see UntrustedInput"), Word, Declaration));

    [Fact]
    public void Does_not_find_a_word_no_file_holds_whole()
        => Assert.False(CompilationText.AnyTreeContains(CompilationOf("class Untrusted { }", "class Input { } // Untrusted Input"), Word, Declaration));

    [Fact]
    public void Leaves_out_a_file_that_is_exactly_the_ignored_text()
    {
        Assert.False(CompilationText.AnyTreeContains(CompilationOf(Declaration, "class A { }"), Word, Declaration));
        Assert.True(CompilationText.AnyTreeContains(CompilationOf(Declaration + " "), Word, Declaration));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8180)]
    [InlineData(8185)]
    [InlineData(8191)]
    [InlineData(8192)]
    [InlineData(20000)]
    public void Finds_the_word_wherever_it_falls_against_the_chunks_the_text_is_read_in(int position)
    {
        var text = new string(' ', position) + Word + new string(' ', 100);
        Assert.True(CompilationText.AnyTreeContains(CompilationOf(text), Word, Declaration));
    }

    [Fact]
    public void Finds_the_word_at_the_very_end_of_a_long_file()
        => Assert.True(CompilationText.AnyTreeContains(CompilationOf(new string(' ', 16371) + Word), Word, Declaration));

    [Theory]
    [InlineData(8175)]
    [InlineData(8180)]
    [InlineData(8184)]
    [InlineData(8188)]
    [InlineData(16360)]
    public void Finds_a_short_word_of_several_wherever_it_falls_against_the_chunks(int position)
    {
        // The chunks overlap by the longest word less one character; the short word must be found in every position too.
        var words = new[] { "ImplementsControl", "Verifies" };
        var text = new string(' ', position) + "Verifies" + new string(' ', 100);
        Assert.True(CompilationText.AnyTreeContainsAny(CompilationOf(text), words, Declaration));
        Assert.False(CompilationText.AnyTreeContainsAny(CompilationOf(text.Replace("Verifies", "Verified", System.StringComparison.Ordinal)), words, Declaration));
    }

    [Fact]
    public void Finds_any_of_several_words_in_any_file()
    {
        var words = new[] { "Mitigates", "ImplementsControl", "Verifies" };
        Assert.True(CompilationText.AnyTreeContainsAny(CompilationOf("class A { }", "// ImplementsControl"), words, Declaration));
        Assert.False(CompilationText.AnyTreeContainsAny(CompilationOf("class A { }", "// Mitigated, Implements Control, Verified"), words, Declaration));
    }
}
