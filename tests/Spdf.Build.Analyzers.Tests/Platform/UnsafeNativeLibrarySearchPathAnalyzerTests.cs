using System.Threading.Tasks;
using Verify = Spdf.Build.Analyzers.Tests.Infrastructure.Verifier<Spdf.Build.Analyzers.Platform.UnsafeNativeLibrarySearchPathAnalyzer, Spdf.Build.Analyzers.CodeFixes.UnsafeNativeLibrarySearchPathCodeFixProvider>;

namespace Spdf.Build.Analyzers.Tests.Platform;

public sealed class UnsafeNativeLibrarySearchPathAnalyzerTests
{
    [Fact]
    public async Task Imports_without_a_search_path_and_relative_loads_are_reported()
    {
        const string source = """
            using System;
            using System.Runtime.InteropServices;
            using Interop = System.Runtime.InteropServices;
            static partial class Native
            {
                [DllImport("pumpdriver.dll")]
                private static extern int {|SPDF2005:Open|}(int port);

                [Interop.DllImport("kernel32.dll", SetLastError = true)]
                internal static extern bool {|SPDF2005:Beep|}(uint frequency, uint duration);

                [LibraryImport("sensor")]
                internal static partial int {|SPDF2005:ReadSensor|}();

                static IntPtr Load() => NativeLibrary.Load({|SPDF2005:"vendor/codec.dll"|});
            }
            static partial class Native
            {
                internal static partial int ReadSensor() => 0;
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Restricted_and_absolute_imports_are_not_reported()
    {
        const string source = """
            using System;
            using System.Reflection;
            using System.Runtime.InteropServices;
            static class Native
            {
                [DllImport("pumpdriver.dll"), DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
                private static extern int Open(int port);

                [DllImport("/usr/lib/libpump.so")]
                private static extern int Close(int port);

                [DllImport(@"C:\Program Files\Vendor\driver.dll")]
                private static extern int Reset();

                static IntPtr Load(string configured) => NativeLibrary.Load(configured);
                static IntPtr LoadAbsolute() => NativeLibrary.Load("/opt/vendor/libcodec.so");
                static IntPtr LoadSafe() => NativeLibrary.Load("codec", typeof(Native).Assembly, DllImportSearchPath.System32);
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Assembly_level_attribute_covers_every_import()
    {
        const string source = """
            using System.Runtime.InteropServices;
            [assembly: DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
            static class Native
            {
                [DllImport("pumpdriver.dll")]
                private static extern int Open(int port);
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Code_fix_adds_the_attribute_to_the_method()
    {
        const string source = """
            using System.Runtime.InteropServices;
            static class Native
            {
                [DllImport("pumpdriver.dll")]
                private static extern int {|SPDF2005:Open|}(int port);
            }
            """;
        const string fixedSource = """
            using System.Runtime.InteropServices;
            static class Native
            {
                [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
                [DllImport("pumpdriver.dll")]
                private static extern int Open(int port);
            }
            """;
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }
}
