// Spdf.Build's data-handling markers. In the Spdf build the analyzer's source generator adds them (internal,
// embedded); the other builds get these identical declarations instead, so every tool compiles the same cases.
#if !CORPUS_SPDF
namespace Spdf.Build
{
    [System.AttributeUsage(System.AttributeTargets.Parameter | System.AttributeTargets.ReturnValue | System.AttributeTargets.Field | System.AttributeTargets.Property | System.AttributeTargets.Method)]
    internal sealed class UntrustedInputAttribute : System.Attribute { }

    [System.AttributeUsage(System.AttributeTargets.All)]
    internal sealed class PhiAttribute : System.Attribute { }

    [System.AttributeUsage(System.AttributeTargets.All)]
    internal sealed class SensitiveAttribute : System.Attribute { }
}
#endif
