// Minimal stand-ins for library types the corpus uses but that are not in the shared framework. They keep the
// full names of the real types, which is what all three tools match on. No CASE markers: never scored.
using System;
using System.Data;
using System.Data.Common;

namespace System.Data.SqlClient
{
    public sealed class SqlConnection : DbConnection
    {
        public SqlConnection() { }
        public SqlConnection(string connectionString) { ConnectionString = connectionString; }
        public override string ConnectionString { get; set; }
        public override string Database => "";
        public override string DataSource => "";
        public override string ServerVersion => "";
        public override ConnectionState State => ConnectionState.Closed;
        public override void ChangeDatabase(string databaseName) { }
        public override void Close() { }
        public override void Open() { }
        protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => throw new NotSupportedException();
        protected override DbCommand CreateDbCommand() => new SqlCommand();
    }

    public sealed class SqlCommand : DbCommand
    {
        public SqlCommand() { }
        public SqlCommand(string cmdText) { CommandText = cmdText; }
        public SqlCommand(string cmdText, SqlConnection connection) { CommandText = cmdText; Connection = connection; }
        public override string CommandText { get; set; }
        public override int CommandTimeout { get; set; }
        public override CommandType CommandType { get; set; }
        public override bool DesignTimeVisible { get; set; }
        public override UpdateRowSource UpdatedRowSource { get; set; }
        protected override DbConnection DbConnection { get; set; }
        protected override DbParameterCollection DbParameterCollection => throw new NotSupportedException();
        protected override DbTransaction DbTransaction { get; set; }
        public new SqlParameterCollection Parameters { get; } = new SqlParameterCollection();
        public new SqlConnection Connection { get; set; }
        public override void Cancel() { }
        public override int ExecuteNonQuery() => 0;
        public override object ExecuteScalar() => null;
        public override void Prepare() { }
        protected override DbParameter CreateDbParameter() => throw new NotSupportedException();
        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => throw new NotSupportedException();
    }

    public sealed class SqlParameterCollection
    {
        public object AddWithValue(string parameterName, object value) => value;
    }

    public sealed class SqlDataAdapter : System.Data.Common.DbDataAdapter
    {
        public SqlDataAdapter(string selectCommandText, SqlConnection connection) { }
        public SqlDataAdapter(string selectCommandText, string connectionString) { }
    }
}

namespace System.DirectoryServices
{
    public enum SearchScope { Base, OneLevel, Subtree }

    public class DirectoryEntry : IDisposable
    {
        public DirectoryEntry() { }
        public DirectoryEntry(string path) { Path = path; }
        public DirectoryEntry(string path, string username, string password) { Path = path; }
        public string Path { get; set; }
        public void Dispose() { }
    }

    public class SearchResult { }

    public class DirectorySearcher : IDisposable
    {
        public DirectorySearcher() { }
        public DirectorySearcher(string filter) { Filter = filter; }
        public DirectorySearcher(DirectoryEntry searchRoot, string filter) { SearchRoot = searchRoot; Filter = filter; }
        public string Filter { get; set; }
        public DirectoryEntry SearchRoot { get; set; }
        public SearchResult FindOne() => null;
        public void Dispose() { }
    }
}

namespace Microsoft.IdentityModel.Tokens
{
    public abstract class SecurityToken { }
    public abstract class SecurityKey { }
    public delegate SecurityToken SignatureValidator(string token, TokenValidationParameters validationParameters);
    public delegate bool LifetimeValidator(DateTime? notBefore, DateTime? expires, SecurityToken securityToken, TokenValidationParameters validationParameters);
    public delegate string AudienceValidatorStub(string audience);

    public class TokenValidationParameters
    {
        public bool ValidateIssuer { get; set; } = true;
        public bool ValidateAudience { get; set; } = true;
        public bool ValidateLifetime { get; set; } = true;
        public bool ValidateIssuerSigningKey { get; set; }
        public bool RequireSignedTokens { get; set; } = true;
        public bool RequireExpirationTime { get; set; } = true;
        public string ValidIssuer { get; set; }
        public string ValidAudience { get; set; }
        public SecurityKey IssuerSigningKey { get; set; }
        public SignatureValidator SignatureValidator { get; set; }
        public LifetimeValidator LifetimeValidator { get; set; }
    }
}
