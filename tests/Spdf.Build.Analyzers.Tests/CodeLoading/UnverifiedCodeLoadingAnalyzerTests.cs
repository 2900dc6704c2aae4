using System.Threading.Tasks;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.CodeLoading.UnverifiedCodeLoadingAnalyzer>;

namespace Spdf.Build.Analyzers.Tests.CodeLoading;

public sealed class UnverifiedCodeLoadingAnalyzerTests
{
    [Fact]
    public Task Loads_without_a_preceding_verification_are_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System.IO;
            using System.Reflection;
            using System.Runtime.Loader;
            class PluginHost
            {
                Assembly A(string path) => {|SPDF3018:Assembly.LoadFrom(path)|};
                Assembly B(string path) => {|SPDF3018:Assembly.LoadFile(path)|};
                Assembly C(byte[] image) => {|SPDF3018:Assembly.Load(image)|};
                Assembly D(string path) => {|SPDF3018:AssemblyLoadContext.Default.LoadFromAssemblyPath(path)|};
                Assembly E(Stream image) => {|SPDF3018:new AssemblyLoadContext("plugins").LoadFromStream(image)|};
                Assembly F(string path)
                {
                    var assembly = {|SPDF3018:Assembly.LoadFrom(path)|};
                    Verify(path);
                    return assembly;
                }

                static void Verify(string path) { }
            }
            """);

    [Fact]
    public Task Verified_loads_and_loads_from_the_application_directory_are_not_reported()
        => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.IO;
            using System.Reflection;
            using System.Runtime.Loader;
            using System.Security.Cryptography;
            class PluginHost
            {
                readonly ECDsa _manufacturerKey = ECDsa.Create();

                Assembly Signed(byte[] image, byte[] signature)
                {
                    if (!_manufacturerKey.VerifyData(image, signature, HashAlgorithmName.SHA256))
                        throw new InvalidDataException("Plug-in signature does not verify.");
                    return Assembly.Load(image);
                }

                Assembly? Pinned(byte[] image, byte[] expected)
                    => CryptographicOperations.FixedTimeEquals(SHA256.HashData(image), expected) ? Assembly.Load(image) : null;

                Assembly Thrower(string path)
                {
                    VerifySignatureOrThrow(path);
                    return Assembly.LoadFrom(path);
                }

                Assembly Local()
                {
                    var path = Path.Combine(AppContext.BaseDirectory, "Contoso.Pump.Drivers.dll");
                    return AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
                }

                Assembly ByName() => Assembly.Load("Contoso.Pump.Drivers");

                static void VerifySignatureOrThrow(string path) { }
            }
            """);
}
