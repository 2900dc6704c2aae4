using Microsoft.CodeAnalysis;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.InputHandling.Sinks;

/// <summary>SPDF3002: device input in the text of a SQL command (CWE-89).</summary>
internal static class SqlCommandSink
{
    public static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.UntrustedInputInSqlCommand,
        title: "Do not build SQL command text from untrusted input",
        messageFormat: "Untrusted input from {0} reaches SQL command text",
        RuleCategory.InputHandling,
        FalsePositivePolicy.Precise,
        cwe: 89,
        description: "Data read from a port, socket, console, command line or environment must not become part of SQL command text. Keep the text constant and pass values as command parameters.");

    public static readonly TaintSinkDefinition Definition = new(
        Rule,
        TaintFlags.SqlCommand,
        "SQL command text",
        SinkMember.Properties("System.Data.IDbCommand", "CommandText"),
        SinkMember.ConstructorOfDerived("System.Data.IDbCommand", "cmdText", "commandText"),
        SinkMember.ConstructorOfDerived("System.Data.IDbDataAdapter", "selectCommandText"),
        SinkMember.Methods("Microsoft.EntityFrameworkCore.RelationalQueryableExtensions", new[] { "FromSqlRaw" }, "sql"),
        SinkMember.Methods("Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions", new[] { "ExecuteSqlRaw", "ExecuteSqlRawAsync", "SqlQueryRaw" }, "sql"),
        SinkMember.AnyMethod("Dapper.SqlMapper", "sql"));
}
