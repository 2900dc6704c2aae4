using System.Threading.Tasks;
using Spdf.Build.Analyzers.Logging;
using Spdf.Build.Analyzers.Tests.InputHandling;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.Logging.SensitiveDataLoggingAnalyzer>;

namespace Spdf.Build.Analyzers.Tests.Logging;

public sealed class SensitiveDataLoggingAnalyzerTests
{
    private const string Usings = "using System;\nusing System.Diagnostics;\nusing Microsoft.Extensions.Logging;\nusing Spdf.Build;\n";

    [Fact]
    public Task Marked_members_and_types_are_reported()
        => Verify.VerifyAnalyzerAsync(Usings + """
            class Patient
            {
                [Phi] public string Name { get; set; } = "";
                [Phi] public DateTime Born { get; set; }
                public string Ward { get; set; } = "";
                public override string ToString() => Name;
            }
            [Phi] sealed class Encounter { }
            class Gateway
            {
                [Sensitive] string Credential = "";
                void Log(ILogger logger, Patient patient, Encounter encounter)
                {
                    logger.LogInformation("Admitted {Name} born {Born} to {Ward}", {|SPDF3014:patient.Name|}, {|SPDF3014:patient.Born|}, patient.Ward);
                    Console.WriteLine($"Patient {{|SPDF3014:patient|}}");
                    Trace.WriteLine("Encounter " + {|SPDF3014:encounter|});
                    Debug.WriteLine({|SPDF3015:Credential|});
                    using var scope = logger.BeginScope("Encounter {Encounter}", {|SPDF3014:encounter|}.ToString());
                    using var state = logger.BeginScope({|SPDF3014:encounter|});
                }
            }
            """ + StandIns.Logging + StandIns.Markers);

    [Fact]
    public Task Arguments_of_LoggerMessage_methods_are_reported()
        => Verify.VerifyAnalyzerAsync(Usings + """
            static partial class Log
            {
                [LoggerMessage(EventId = 1, Message = "Admitted {PatientName} to {Ward}")]
                public static partial void Admitted(ILogger logger, string patientName, string ward);

                // What the logging source generator adds.
                public static partial void Admitted(ILogger logger, string patientName, string ward) { }

                public static void NotLogging(ILogger logger, string patientName) { }
            }
            class Admissions
            {
                void Admit(ILogger logger, string patientName, string ward)
                {
                    Log.Admitted(logger, {|SPDF3014:patientName|}, ward);
                    Log.NotLogging(logger, patientName);
                }
            }
            namespace Microsoft.Extensions.Logging
            {
                [AttributeUsage(AttributeTargets.Method)]
                public sealed class LoggerMessageAttribute : Attribute
                {
                    public int EventId { get; set; }
                    public string Message { get; set; } = "";
                }
            }
            """ + StandIns.Logging + StandIns.Markers);

    [Fact]
    public Task Names_from_the_lists_are_reported()
        => Verify.VerifyAnalyzerAsync(Usings + """
            record Admission(string PatientName, string Mrn, DateTime DateOfBirth, string Ward);
            class Gateway
            {
                void Log(ILogger logger, Admission admission, string password, string apiKey, byte[] pairingKey, string ssn)
                {
                    logger.LogInformation("Admitted {Name} {Mrn} {Dob}", {|SPDF3014:admission.PatientName|}, {|SPDF3014:admission.Mrn|}, {|SPDF3014:admission.DateOfBirth|});
                    logger.LogWarning("Login with {Password} and {Key}", {|SPDF3015:password|}, {|SPDF3015:apiKey|});
                    Console.Out.WriteLine({|SPDF3015:pairingKey|});
                    Console.Error.WriteLine("SSN " + {|SPDF3014:ssn|});
                    logger.LogInformation("Admission {Admission}", {|SPDF3014:admission|});
                }
            }
            """ + StandIns.Logging + StandIns.Markers);

    [Fact]
    public Task Redacted_values_counts_unrelated_names_and_plain_objects_are_not_reported()
        => Verify.VerifyAnalyzerAsync(Usings + """
            using System.Threading;
            class Device { public string Name { get; set; } = ""; public string Address { get; set; } = ""; }
            class Gateway
            {
                static string Redact(string value) => "***";
                void Log(ILogger logger, string password, int patientCount, string token, CancellationToken cancellationToken, Device device, string ipAddress, bool passwordExpired)
                {
                    logger.LogInformation("Password {Password}", Redact(password));
                    logger.LogInformation("Password length {Length}", password.Length);
                    logger.LogInformation("{Count} patients", patientCount);
                    logger.LogInformation("Cancelled {Cancelled}", cancellationToken.IsCancellationRequested);
                    logger.LogInformation("Device {Name} at {Address} {Ip}", device.Name, device.Address, ipAddress);
                    logger.LogInformation("Device {Device}", device);
                    logger.LogInformation("Expired {Expired}", passwordExpired);
                    Console.WriteLine("Token present: " + (token.Length > 0));
                }
            }
            """ + StandIns.Logging + StandIns.Markers);

    [Fact]
    public Task Name_lists_are_configurable()
        => Verify.VerifyAnalyzerAsync(
            Usings + """
            class Gateway
            {
                void Log(ILogger logger, string bedNumber, string patientName, string pin)
                {
                    logger.LogInformation("{Bed} {Patient} {Pin}", {|SPDF3014:bedNumber|}, patientName, {|SPDF3015:pin|});
                }
            }
            """ + StandIns.Logging + StandIns.Markers,
            "spdf.SPDF3014.sensitive_names = bed number\nspdf.SPDF3015.sensitive_names = pin\n");

    [Theory]
    [InlineData("dateOfBirth", "date of birth")]
    [InlineData("MRN_Value", "mrn value")]
    [InlineData("patientName", "patient name")]
    [InlineData("IPAddress", "ip address")]
    public void Identifiers_split_into_words(string identifier, string words)
        => Assert.Equal(words, string.Join(" ", SensitiveNameOption.Words(identifier)));
}
