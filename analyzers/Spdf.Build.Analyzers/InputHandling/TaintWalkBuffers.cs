using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Spdf.Build.Analyzers.InputHandling;

/// <summary>
/// The stack and list one member's walk needs, reused across members: most members introduce no taint, and growing
/// fresh buffers for each of them was most of the analyzer's allocations (and of the GC pauses they cause in the
/// compiler). Kept in a few slots taken and returned with one interlocked exchange: a <c>[ThreadStatic]</c> field is
/// slow to reach from an assembly in the compiler's analyzer load context. Sixteen slots cover the compiler's
/// concurrent analysis threads on common machines; a thread that finds none free allocates.
/// </summary>
internal sealed class TaintWalkBuffers
{
    private const int MaxPooledCapacity = 16_384;
    private static readonly TaintWalkBuffers?[] Pool = new TaintWalkBuffers?[16];

    private TaintWalkBuffers()
    {
    }

    public Stack<IOperation> Pending { get; } = new(64);

    public List<IOperation> Collected { get; } = new(256);

    public static TaintWalkBuffers Rent()
    {
        for (var i = 0; i < Pool.Length; i++)
        {
            if (Interlocked.Exchange(ref Pool[i], null) is { } buffers)
                return buffers;
        }

        return new TaintWalkBuffers();
    }

    public static void Return(TaintWalkBuffers buffers)
    {
        buffers.Pending.Clear();
        buffers.Collected.Clear();
        if (buffers.Collected.Capacity > MaxPooledCapacity)
            return;
        for (var i = 0; i < Pool.Length; i++)
        {
            if (Interlocked.CompareExchange(ref Pool[i], buffers, null) is null)
                return;
        }
    }
}
