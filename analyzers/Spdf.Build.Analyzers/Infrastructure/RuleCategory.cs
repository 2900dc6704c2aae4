namespace Spdf.Build.Analyzers.Infrastructure;

/// <summary>Diagnostic categories, <c>Spdf.&lt;Area&gt;</c>, one per ID range.</summary>
internal static class RuleCategory
{
    public const string Configuration = "Spdf.Configuration";
    public const string Cryptography = "Spdf.Cryptography";
    public const string Authentication = "Spdf.Authentication";
    public const string InputHandling = "Spdf.InputHandling";
    public const string Traceability = "Spdf.Traceability";
}
