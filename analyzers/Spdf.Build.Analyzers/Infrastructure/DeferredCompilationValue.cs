using System;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Spdf.Build.Analyzers.Infrastructure;

/// <summary>
/// A per-compilation value, usually the framework types a rule needs, computed once at the rule's first callback
/// instead of in its compilation-start action. Compilation-start actions run while the compiler is still binding the
/// project's references; a <see cref="Compilation.GetTypeByMetadataName"/> there waits for that binding and the wait is
/// charged to the analyzer (about 0.3 s in <c>bench/analyzers</c>), although the compiler needs the binding anyway. By
/// the first operation or symbol callback the references are bound and the lookups take microseconds. When the types
/// are absent the value is null and every callback returns at once.
/// </summary>
internal sealed class DeferredCompilationValue<T>
    where T : class
{
    private readonly Lazy<T?> _value;

    public DeferredCompilationValue(Compilation compilation, Func<Compilation, T?> create)
        => _value = new Lazy<T?>(() => create(compilation), LazyThreadSafetyMode.ExecutionAndPublication);

    public T? Value => _value.Value;
}
