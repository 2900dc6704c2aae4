using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Spdf.Build.Analyzers.InputHandling.Sinks;

/// <summary>One sink class: the rule it reports, the taint bit it consumes and the members that are sinks.</summary>
internal sealed class TaintSinkDefinition
{
    public TaintSinkDefinition(DiagnosticDescriptor rule, TaintFlags flag, string sinkDescription, params SinkMember[] members)
    {
        Rule = rule;
        Flag = flag;
        SinkDescription = sinkDescription;
        Members = ImmutableArray.Create(members);
    }

    public DiagnosticDescriptor Rule { get; }

    public TaintFlags Flag { get; }

    /// <summary>Words for the message: "... reaches {SinkDescription}".</summary>
    public string SinkDescription { get; }

    public ImmutableArray<SinkMember> Members { get; }
}

internal enum SinkMemberKind
{
    Method,
    Constructor,
    PropertySetter,
}

/// <summary>
/// A member whose string (or <see cref="System.Type"/>) parameters with one of <see cref="ParameterNames"/>
/// are sinks. <see cref="IncludeDerived"/> also matches members of derived types and implementations of an
/// interface (<c>SqlCommand.CommandText</c> through <c>IDbCommand</c>).
/// </summary>
internal sealed class SinkMember
{
    private SinkMember(SinkMemberKind kind, string typeName, ImmutableArray<string> memberNames, ImmutableArray<string> parameterNames, bool includeDerived)
    {
        Kind = kind;
        TypeName = typeName;
        MemberNames = memberNames;
        ParameterNames = parameterNames;
        IncludeDerived = includeDerived;
    }

    public SinkMemberKind Kind { get; }

    public string TypeName { get; }

    /// <summary>Method or property names; empty means every method of the type.</summary>
    public ImmutableArray<string> MemberNames { get; }

    public ImmutableArray<string> ParameterNames { get; }

    public bool IncludeDerived { get; }

    public static SinkMember Methods(string typeName, string[] methodNames, params string[] parameterNames)
        => new(SinkMemberKind.Method, typeName, ImmutableArray.Create(methodNames), ImmutableArray.Create(parameterNames), includeDerived: false);

    public static SinkMember AnyMethod(string typeName, params string[] parameterNames)
        => new(SinkMemberKind.Method, typeName, ImmutableArray<string>.Empty, ImmutableArray.Create(parameterNames), includeDerived: false);

    public static SinkMember Constructor(string typeName, params string[] parameterNames)
        => new(SinkMemberKind.Constructor, typeName, ImmutableArray<string>.Empty, ImmutableArray.Create(parameterNames), includeDerived: false);

    public static SinkMember ConstructorOfDerived(string typeName, params string[] parameterNames)
        => new(SinkMemberKind.Constructor, typeName, ImmutableArray<string>.Empty, ImmutableArray.Create(parameterNames), includeDerived: true);

    public static SinkMember Properties(string typeName, params string[] propertyNames)
        => new(SinkMemberKind.PropertySetter, typeName, ImmutableArray.Create(propertyNames), ImmutableArray<string>.Empty, includeDerived: true);

    public static SinkMember MethodsOfDerived(string typeName, string[] methodNames, params string[] parameterNames)
        => new(SinkMemberKind.Method, typeName, ImmutableArray.Create(methodNames), ImmutableArray.Create(parameterNames), includeDerived: true);
}
