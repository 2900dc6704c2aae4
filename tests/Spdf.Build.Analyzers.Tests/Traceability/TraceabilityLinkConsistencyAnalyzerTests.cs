using System.Threading.Tasks;
using Spdf.Build.Analyzers.Traceability;

namespace Spdf.Build.Analyzers.Tests.Traceability;

public sealed class TraceabilityLinkConsistencyAnalyzerTests
{
    [Fact]
    public Task Distinct_links_are_fine()
        => TraceabilityAnalyzerTest<TraceabilityLinkConsistencyAnalyzer>.VerifyAsync("""
            using Spdf.Build;
            [ImplementsControl("SC-001"), ImplementsControl("SC-002"), Mitigates("TM-001")]
            class Authenticator { }
            """);

    [Fact]
    public Task Same_link_twice_is_SPDF4005()
        => TraceabilityAnalyzerTest<TraceabilityLinkConsistencyAnalyzer>.VerifyAsync("""
            using Spdf.Build;
            [ImplementsControl("SC-001")]
            [ImplementsControl({|SPDF4005:"SC-001"|})]
            class Authenticator { }
            """);

    [Fact]
    public Task Implementing_and_verifying_the_same_id_is_SPDF4006()
        => TraceabilityAnalyzerTest<TraceabilityLinkConsistencyAnalyzer>.VerifyAsync("""
            using Spdf.Build;
            class Authenticator
            {
                [Xunit.Fact]
                [ImplementsControl("SC-001")]
                [Verifies({|SPDF4006:"SC-001"|})]
                void SelfCheck() { }
            }
            """);
}
