using System;
using System.Net;
using System.Data.SqlClient;

namespace Corpus.Cwe798
{
    // CASE: id=798-b01, cwe=798, expect=BAD, form=const string Password = literal
    public class B01 { private const string Password = "P@ssw0rd!2024"; public string Get() => Password; }

    // CASE: id=798-b02, cwe=798, expect=BAD, form=new NetworkCredential("svc", "literal")
    public class B02 { public ICredentials Run() => new NetworkCredential("service", "Winter2024!"); }

    // CASE: id=798-b03, cwe=798, expect=BAD, form=connection string with Password= literal
    public class B03 { public SqlConnection Run() => new SqlConnection("Server=db;Database=emr;User Id=app;Password=Sup3rS3cret;"); }

    // CASE: id=798-b04, cwe=798, expect=BAD, form=property ApiKey initialized with literal
    public class B04 { public string ApiKey { get; set; } = "sk_live_51HxY2eKq8L9mN0pQ7rS"; }

    // CASE: id=798-b05, cwe=798, expect=BAD, form=local var pwd = literal passed on
    public class B05 { public bool Run(Func<string, string, bool> login) { var pwd = "hunter2hunter2"; return login("admin", pwd); } }

    // CASE: id=798-b06, cwe=798, expect=BAD, form=object initializer NetworkCredential Password =
    public class B06 { public NetworkCredential Run() => new NetworkCredential { UserName = "pump", Password = "pump-default-123" }; }

    // CASE: id=798-b07, cwe=798, expect=BAD, form=named argument password: literal
    public class B07 { private static bool Login(string user, string password) => user.Length + password.Length > 0; public bool Run() => Login("tech", password: "service!42"); }

    // CASE: id=798-b08, cwe=798, expect=BAD, form=static readonly clientSecret field
    public class B08 { private static readonly string clientSecret = "a8f5f167f44f4964e6c998dee827110c"; public int Len => clientSecret.Length; }

    // CASE: id=798-b09, cwe=798, expect=BAD, form=authToken assignment in method
    public class B09 { private string _authToken; public void Init() { _authToken = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwdW1wIn0.abc123"; } }

    // CASE: id=798-b10, cwe=798, expect=BAD, form=connection string Pwd= in const field to SqlCommand
    public class B10 { private const string Cs = "Data Source=.;Initial Catalog=x;uid=sa;pwd=sa12345"; public SqlConnection Run() => new SqlConnection(Cs); }

    // CASE: id=798-g01, cwe=798, expect=GOOD, form=password from environment variable
    public class G01 { public string Password => Environment.GetEnvironmentVariable("DEVICE_PASSWORD"); }

    // CASE: id=798-g02, cwe=798, expect=GOOD, form=empty password string
    public class G02 { public string Password { get; set; } = ""; }

    // CASE: id=798-g03, cwe=798, expect=GOOD, form=resource key name PasswordLabel
    public class G03 { public const string PasswordPrompt = "Enter your password:"; }

    // CASE: id=798-g04, cwe=798, expect=GOOD, form=nameof(Password)
    public class G04 { public string Password { get; set; } public string Field => nameof(Password); }

    // CASE: id=798-g05, cwe=798, expect=GOOD, form=user name literal only
    public class G05 { public NetworkCredential Run(string secretFromVault) => new NetworkCredential("service", secretFromVault); }

    // CASE: id=798-g06, cwe=798, expect=GOOD, form=connection string Integrated Security
    public class G06 { public SqlConnection Run() => new SqlConnection("Server=db;Database=emr;Integrated Security=true;"); }

    // CASE: id=798-g07, cwe=798, expect=GOOD, form=config key name "Auth:Token"
    public class G07 { public const string TokenConfigKey = "Auth:Token"; }

    // CASE: id=798-g08, cwe=798, expect=GOOD, form=placeholder <password>
    public class G08 { public string PasswordExample => "<password>"; }

    // CASE: id=798-g09, cwe=798, expect=GOOD, form=password compared against policy length only
    public class G09 { public bool Valid(string password) => password.Length >= 12; }
}
