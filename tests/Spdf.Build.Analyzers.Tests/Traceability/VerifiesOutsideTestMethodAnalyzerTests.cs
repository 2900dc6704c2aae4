using System.Threading.Tasks;
using Spdf.Build.Analyzers.Traceability;

namespace Spdf.Build.Analyzers.Tests.Traceability;

public sealed class VerifiesOutsideTestMethodAnalyzerTests
{
    [Fact]
    public Task Verifies_on_facts_and_theories_is_fine()
        => TraceabilityAnalyzerTest<VerifiesOutsideTestMethodAnalyzer>.VerifyAsync("""
            using Spdf.Build;
            class Tests
            {
                [Xunit.Fact, Verifies("SC-001")]
                void A() { }

                [Xunit.Theory, Verifies("SC-001")]
                void B(int x) { }
            }
            """);

    [Fact]
    public Task Verifies_on_a_helper_is_SPDF4004()
        => TraceabilityAnalyzerTest<VerifiesOutsideTestMethodAnalyzer>.VerifyAsync("""
            using Spdf.Build;
            class Tests
            {
                [Verifies({|SPDF4004:"SC-001"|})]
                void Helper() { }
            }
            """);
}
