using Microsoft.CodeAnalysis;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.InputHandling.Sinks;

/// <summary>SPDF3005: device input in an LDAP filter or path (CWE-90).</summary>
internal static class LdapQuerySink
{
    public static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.UntrustedInputInLdapQuery,
        title: "Do not build LDAP filters from untrusted input",
        messageFormat: "Untrusted input from {0} reaches an LDAP filter or path",
        RuleCategory.InputHandling,
        FalsePositivePolicy.Precise,
        cwe: 90,
        description: "Data read from a port, socket, console, command line or environment must not become part of an LDAP search filter or directory path. Escape it per RFC 4515 in a reviewed helper, or select by allow-listed values.");

    public static readonly TaintSinkDefinition Definition = new(
        Rule,
        TaintFlags.LdapQuery,
        "an LDAP filter or path",
        SinkMember.Constructor("System.DirectoryServices.DirectorySearcher", "filter"),
        SinkMember.Properties("System.DirectoryServices.DirectorySearcher", "Filter"),
        SinkMember.Constructor("System.DirectoryServices.DirectoryEntry", "path"),
        SinkMember.Properties("System.DirectoryServices.DirectoryEntry", "Path"),
        SinkMember.Constructor("System.DirectoryServices.Protocols.SearchRequest", "ldapFilter", "distinguishedName"),
        SinkMember.Properties("System.DirectoryServices.Protocols.SearchRequest", "Filter", "DistinguishedName"));
}
