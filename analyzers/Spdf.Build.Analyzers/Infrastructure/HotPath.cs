using System.Runtime.CompilerServices;

namespace Spdf.Build.Analyzers.Infrastructure;

/// <summary>
/// <c>[MethodImpl(HotPath.Optimize)]</c> marks the code the compiler runs for most operations, symbols or syntax nodes:
/// every rule callback, the taint walk, and the helpers they call on most calls. The runtime compiles such a method
/// fully optimized at its first call instead of starting it as unoptimized (tier-0) code. Inside the compiler the
/// runtime starts replacing tier-0 code only after 100 ms in which no new tier-0 code was compiled, and a compile of
/// thousands of files hardly ever pauses that long: in <c>bench/analyzers</c> 71 of the ~820 methods of ours that ran
/// were replaced during the whole compile, so the callbacks ran unoptimized almost to the end. Cold code stays unmarked,
/// because compiling it fully optimized costs more than it saves; so does the part of a callback that runs only after
/// its cheap tests pass (a helper marked <see cref="Cold"/>): in <c>bench/analyzers</c> that halved the time the JIT
/// spent compiling marked methods (274 → 150 ms).
/// </summary>
internal static class HotPath
{
    /// <summary>
    /// <c>MethodImplOptions.AggressiveOptimization</c>, which netstandard2.0 does not declare. Runtimes without tiered
    /// compilation (.NET Framework in Visual Studio) optimize every method anyway and ignore the flag.
    /// </summary>
    public const MethodImplOptions Optimize = (MethodImplOptions)512;

    /// <summary>
    /// <c>MethodImplOptions.NoInlining</c>, on the part of a marked method that runs only after its cheap tests pass.
    /// Compiling a method fully optimized costs about 3 ms, more for a large one; kept out of the marked method's
    /// compilation, the rarely reached part is compiled as ordinary tiered code if and when it first runs.
    /// </summary>
    public const MethodImplOptions Cold = MethodImplOptions.NoInlining;
}
