using System.Threading.Tasks;
using Spdf.Build.Analyzers.Traceability;

namespace Spdf.Build.Analyzers.Tests.Traceability;

public sealed class TraceabilityIdAnalyzerTests
{
    private static Task VerifyAsync(string source, string? ids = TraceabilityAnalyzerTest<TraceabilityIdAnalyzer>.Ids)
        => TraceabilityAnalyzerTest<TraceabilityIdAnalyzer>.VerifyAsync(source, ids);

    [Fact]
    public Task Known_ids_of_the_right_kind_are_fine()
        => VerifyAsync("""
            using Spdf.Build;
            [ImplementsControl("SC-001")]
            [Mitigates("TM-001")]
            class Authenticator
            {
                [Xunit.Fact, Verifies("SC-002"), Verifies("TM-002")]
                void Test() { }
            }
            """);

    [Fact]
    public Task Unknown_id_is_SPDF4001()
        => VerifyAsync("""
            using Spdf.Build;
            class Authenticator
            {
                [ImplementsControl({|SPDF4001:"SC-099"|})]
                void Accept() { }

                [Mitigates({|SPDF4001:"TM-100"|})]
                int Field;
            }
            """);

    [Fact]
    public Task Wrong_kind_is_SPDF4002()
        => VerifyAsync("""
            using Spdf.Build;
            [Mitigates({|SPDF4002:"SC-001"|})]
            [ImplementsControl({|SPDF4002:"TM-001"|})]
            class Authenticator
            {
                [Xunit.Fact, Verifies({|SPDF4002:"AS-001"|})]
                void Test() { }
            }
            """);

    [Theory]
    [InlineData("TM12")]
    [InlineData("tm-012")]
    [InlineData("TM-")]
    [InlineData("TM-01a")]
    [InlineData("")]
    public Task Malformed_id_is_SPDF4003(string id)
        => VerifyAsync($$"""
            using Spdf.Build;
            [Mitigates({|SPDF4003:"{{id}}"|})]
            class Authenticator { }
            """);

    [Fact]
    public Task Custom_prefixes_from_the_model_apply()
        => VerifyAsync(
            """
            using Spdf.Build;
            [Mitigates("THR-7")]
            [ImplementsControl({|SPDF4003:"SC-001"|})]
            class Authenticator { }
            """,
            "prefix threat THR\nprefix control CTL\nprefix asset AST\nthreat THR-7\n");

    [Fact]
    public Task Without_a_model_only_the_syntax_is_checked()
        => VerifyAsync(
            """
            using Spdf.Build;
            [Mitigates("TM-999")]
            [ImplementsControl({|SPDF4002:"TM-1"|})]
            [Mitigates({|SPDF4003:"XYZ"|})]
            class Authenticator { }
            """,
            ids: null);
}
