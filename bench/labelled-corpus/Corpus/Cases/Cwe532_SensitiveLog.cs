using System;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Corpus.Cwe532
{
    public class Patient { public string PatientName { get; set; } public string Mrn { get; set; } public DateTime DateOfBirth { get; set; } public string Ssn { get; set; } public string Diagnosis { get; set; } public int BedNumber { get; set; } }

    // CASE: id=532-b01, cwe=532, expect=BAD, form=logger.LogInformation("{Password}", password)
    public class B01 { public void Run(ILogger log, string user, string password) { log.LogInformation("Login {User} with {Password}", user, password); } }

    // CASE: id=532-b02, cwe=532, expect=BAD, form=Console.WriteLine of apiKey
    public class B02 { public void Run(string apiKey) { Console.WriteLine("Using key " + apiKey); } }

    // CASE: id=532-b03, cwe=532, expect=BAD, form=Trace.WriteLine token interpolation
    public class B03 { public void Run(string accessToken) { Trace.WriteLine($"token={accessToken}"); } }

    // CASE: id=532-b04, cwe=532, expect=BAD, form=Debug.WriteLine of secret property
    public class B04 { public string ClientSecret { get; set; } public void Dump() { Debug.WriteLine(ClientSecret); } }

    // CASE: id=532-b05, cwe=532, expect=BAD, form=LogDebug privateKey field
    public class B05 { private readonly string _privateKey = Environment.GetEnvironmentVariable("PK"); public void Run(ILogger log) { log.LogDebug("Loaded private key {Key}", _privateKey); } }

    // CASE: id=359-b01, cwe=359, expect=BAD, form=log patient.PatientName
    public class P01 { public void Run(ILogger log, Patient p) { log.LogInformation("Admitted {Name}", p.PatientName); } }

    // CASE: id=359-b02, cwe=359, expect=BAD, form=Console.WriteLine of SSN interpolation
    public class P02 { public void Run(Patient p) { Console.WriteLine($"SSN: {p.Ssn}"); } }

    // CASE: id=359-b03, cwe=359, expect=BAD, form=destructured whole patient {@Patient}
    public class P03 { public void Run(ILogger log, Patient patient) { log.LogInformation("Record {@Patient}", patient); } }

    // CASE: id=359-b04, cwe=359, expect=BAD, form=dateOfBirth parameter to LogWarning
    public class P04 { public void Run(ILogger log, DateTime dateOfBirth) { log.LogWarning("Age check failed for {Dob}", dateOfBirth); } }

    // CASE: id=359-b05, cwe=359, expect=BAD, form=diagnosis in BeginScope
    public class P05 { public IDisposable Run(ILogger log, Patient p) => log.BeginScope("Diagnosis {Diagnosis}", p.Diagnosis); }

    // CASE: id=359-b06, cwe=359, expect=BAD, form=Mrn in Trace.TraceInformation
    public class P06 { public void Run(Patient p) { Trace.TraceInformation("Processing MRN " + p.Mrn); } }

    // CASE: id=532-g01, cwe=532, expect=GOOD, form=log user name only
    public class G01 { public void Run(ILogger log, string user, string password) { log.LogInformation("Login {User}", user); } }

    // CASE: id=532-g02, cwe=532, expect=GOOD, form=log password length only
    public class G02 { public void Run(ILogger log, string password) { log.LogDebug("Password policy check on {Length} chars", password.Length); } }

    // CASE: id=532-g03, cwe=532, expect=GOOD, form=Console.WriteLine constant mention of token
    public class G03 { public void Run() { Console.WriteLine("Token refreshed"); } }

    // CASE: id=532-g04, cwe=532, expect=GOOD, form=log key id not key
    public class G04 { public void Run(ILogger log, string keyId) { log.LogInformation("Rotated key {KeyId}", keyId); } }

    // CASE: id=359-g01, cwe=359, expect=GOOD, form=log bed number only
    public class P07 { public void Run(ILogger log, Patient p) { log.LogInformation("Bed {Bed} alarm", p.BedNumber); } }

    // CASE: id=359-g02, cwe=359, expect=GOOD, form=log count of patients
    public class P08 { public void Run(ILogger log, Patient[] ps) { log.LogInformation("{Count} patients loaded", ps.Length); } }

    // CASE: id=359-g03, cwe=359, expect=GOOD, form=Console.WriteLine device serial
    public class P09 { public void Run(string deviceSerial) { Console.WriteLine("Device " + deviceSerial + " online"); } }
}
