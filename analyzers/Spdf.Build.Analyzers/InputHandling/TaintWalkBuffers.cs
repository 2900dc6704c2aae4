using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Spdf.Build.Analyzers.Infrastructure;

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

    public OperationBuffer Pending { get; } = new(64);

    public OperationBuffer Collected { get; } = new(256);

    [MethodImpl(HotPath.Optimize)]
    public static TaintWalkBuffers Rent()
    {
        for (var i = 0; i < Pool.Length; i++)
        {
            if (Interlocked.Exchange(ref Pool[i], null) is { } buffers)
                return buffers;
        }

        return new TaintWalkBuffers();
    }

    [MethodImpl(HotPath.Optimize)]
    public static void Return(TaintWalkBuffers buffers)
    {
        buffers.Pending.Clear();
        buffers.Collected.Clear();
        if (buffers.Collected.Capacity > MaxPooledCapacity || buffers.Pending.Capacity > MaxPooledCapacity)
            return;
        for (var i = 0; i < Pool.Length; i++)
        {
            if (Interlocked.CompareExchange(ref Pool[i], buffers, null) is null)
                return;
        }
    }
}

/// <summary>
/// A growable list of operations, also used as a stack. The elements sit in a struct so storing one is a plain write:
/// an <c>IOperation[]</c> is covariant, and every store into it runs the runtime's array type check, which was a
/// seventh of the walk over a member's operations.
/// </summary>
internal sealed class OperationBuffer
{
    private Slot[] _items;

    public OperationBuffer(int capacity) => _items = new Slot[capacity];

    public int Count { get; private set; }

    public int Capacity => _items.Length;

    public IOperation this[int index] => _items[index].Operation;

    [MethodImpl(HotPath.Optimize)]
    public void Add(IOperation operation)
    {
        if (Count == _items.Length)
            Array.Resize(ref _items, _items.Length * 2);
        _items[Count++].Operation = operation;
    }

    [MethodImpl(HotPath.Optimize)]
    public void Push(IOperation operation) => Add(operation);

    [MethodImpl(HotPath.Optimize)]
    public IOperation Pop()
    {
        var operation = _items[--Count].Operation;
        _items[Count].Operation = null!;
        return operation;
    }

    [MethodImpl(HotPath.Optimize)]
    public void Clear()
    {
        Array.Clear(_items, 0, Count);
        Count = 0;
    }

    private struct Slot
    {
        public IOperation Operation;
    }
}
