namespace Spdf.Build.Core.Traceability;

public enum LinkKind
{
    Mitigates,
    ImplementsControl,
    Verifies,
}

/// <summary>One traceability attribute found in a built assembly: what it links, where it sits in the source.</summary>
/// <param name="Symbol">Fully qualified: <c>Namespace.Type</c>, <c>Namespace.Type.Member</c>; nested types use '+'.</param>
/// <param name="File">Source file from the portable PDB, relative to the repository root when inside it; null without a PDB.</param>
/// <param name="Line">1-based line of the member's first sequence point (for a type, its first method's); 0 when unknown.</param>
public sealed record CodeLink(LinkKind Kind, string Id, string Assembly, string Symbol, string? File, int Line);
