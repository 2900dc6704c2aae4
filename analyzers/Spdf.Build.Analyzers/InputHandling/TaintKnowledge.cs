using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Spdf.Build.Analyzers.Attributes;
using Spdf.Build.Analyzers.Infrastructure;
using Spdf.Build.Analyzers.InputHandling.Sinks;

namespace Spdf.Build.Analyzers.InputHandling;

/// <summary>What a method does to taint, decided once per method symbol and compilation.</summary>
internal enum MethodRoleKind
{
    /// <summary>Unknown or unrelated: its result is clean (the analysis is intra-procedural and precise, not sound).</summary>
    None,

    /// <summary>Returns (and writes into its buffer and out arguments) untrusted device input.</summary>
    Source,

    /// <summary>Its result carries the taint of its receiver and arguments (string and text APIs, readers, parsers).</summary>
    Propagator,

    /// <summary>Propagates like <see cref="Propagator"/> but clears <see cref="MethodRole.Cleared"/>.</summary>
    Sanitizer,
}

/// <summary>Class types whose values are taint sources by themselves, whatever expression produced them.</summary>
internal enum TaintCarrier
{
    None,

    /// <summary>An exception: its message and stack trace are information-exposure sources.</summary>
    Exception,

    /// <summary>A network stream: everything read from it is device input.</summary>
    NetworkStream,
}

internal sealed class MethodRole
{
    public static readonly MethodRole None = new(MethodRoleKind.None, TaintFlags.None, ImmutableArray<(int, TaintSinkDefinition)>.Empty, "");

    public MethodRole(MethodRoleKind kind, TaintFlags cleared, ImmutableArray<(int Ordinal, TaintSinkDefinition Sink)> sinkParameters, string origin)
    {
        Kind = kind;
        Cleared = cleared;
        SinkParameters = sinkParameters;
        Origin = origin;
    }

    /// <summary>How a source is named in messages: "SerialPort.ReadLine()".</summary>
    public string Origin { get; }

    public MethodRoleKind Kind { get; }

    public TaintFlags Cleared { get; }

    /// <summary>Parameters (by ordinal) that are sinks, with the sink class.</summary>
    public ImmutableArray<(int Ordinal, TaintSinkDefinition Sink)> SinkParameters { get; }
}

/// <summary>
/// The sources, sanitizers, propagators and sinks present in one compilation, resolved once by metadata name
/// (types the compilation does not reference simply stay absent) and cached per symbol.
/// </summary>
internal sealed class TaintKnowledge
{
    public static readonly ImmutableArray<TaintSinkDefinition> SinkDefinitions = ImmutableArray.Create(
        ProcessStartSink.Definition,
        SqlCommandSink.Definition,
        FilePathSink.Definition,
        XPathSink.Definition,
        LdapQuerySink.Definition,
        RegexPatternSink.Definition,
        TypeNameSink.Definition,
        LogTemplateSink.Definition,
        FormatStringSink.Definition,
        DeserializationTypeSink.Definition);

    private static readonly string[] PropagatorTypeNames =
    {
        "System.String", "System.Text.StringBuilder", "System.Text.Encoding", "System.Convert", "System.IO.Path",
        "System.Linq.Enumerable", "System.MemoryExtensions", "System.IO.TextReader", "System.IO.Stream",
        "System.IO.BinaryReader", "System.IO.File", "System.Text.Json.JsonSerializer", "System.Text.Json.JsonDocument",
        "System.Text.Json.JsonElement", "System.Text.Json.Nodes.JsonNode", "System.Xml.Linq.XDocument", "System.Xml.Linq.XElement",
        "System.Array", "System.Buffer", "System.Uri", "System.Net.WebUtility", "System.Environment",
        "System.Text.RegularExpressions.Regex", "System.Text.RegularExpressions.Match", "System.Text.RegularExpressions.Group",
        "System.Text.RegularExpressions.Capture", "System.Collections.Generic.List`1", "System.Collections.Generic.Dictionary`2",
        "System.Net.Sockets.UdpReceiveResult", "Newtonsoft.Json.JsonConvert", "Newtonsoft.Json.Linq.JToken",
        "System.Collections.Specialized.NameValueCollection", "System.Web.HttpUtility", "System.Xml.XmlReader",
    };

    private static readonly Dictionary<string, string[]> SourceMethods = new(StringComparer.Ordinal)
    {
        ["System.IO.Ports.SerialPort"] = new[] { "ReadLine", "ReadExisting", "ReadTo", "Read" },
        ["System.Net.Sockets.Socket"] = new[] { "Receive", "ReceiveAsync", "ReceiveFrom", "ReceiveFromAsync", "ReceiveMessageFrom", "ReceiveMessageFromAsync" },
        ["System.Net.Sockets.UdpClient"] = new[] { "Receive", "ReceiveAsync" },
        ["System.Net.Sockets.TcpClient"] = new[] { "GetStream" },
        ["System.Console"] = new[] { "ReadLine", "OpenStandardInput" },
        ["System.Environment"] = new[] { "GetCommandLineArgs", "GetEnvironmentVariable", "GetEnvironmentVariables" },
        ["Microsoft.AspNetCore.Http.HttpRequest"] = new[] { "ReadFormAsync" },
        ["Microsoft.AspNetCore.Http.IFormFile"] = new[] { "OpenReadStream" },
    };

    private static readonly Dictionary<string, string[]> SourceProperties = new(StringComparer.Ordinal)
    {
        ["System.IO.Ports.SerialPort"] = new[] { "BaseStream" },
        ["System.Console"] = new[] { "In" },
        ["Microsoft.AspNetCore.Http.HttpRequest"] = new[] { "Query", "QueryString", "Form", "Headers", "Cookies", "Body", "BodyReader", "Path", "PathBase", "RouteValues", "Host" },
        ["Microsoft.AspNetCore.Http.IFormFile"] = new[] { "FileName", "Name", "ContentType", "ContentDisposition", "Headers" },
    };

    private static readonly string[] NetworkStreamReadMethods =
    {
        "Read", "ReadAsync", "ReadExactly", "ReadExactlyAsync", "ReadAtLeast", "ReadAtLeastAsync", "BeginRead",
    };

    private readonly Dictionary<string, List<(INamedTypeSymbol Type, SinkMember Member, TaintSinkDefinition Sink)>> _sinksByMemberName = new(StringComparer.Ordinal);
    private readonly Dictionary<INamedTypeSymbol, List<(SinkMember Member, TaintSinkDefinition Sink)>> _anyMethodSinks = new(SymbolEqualityComparer.Default);
    private readonly HashSet<INamedTypeSymbol> _propagatorTypes = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<INamedTypeSymbol, string[]> _sourceMethods = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<INamedTypeSymbol, string[]> _sourceProperties = new(SymbolEqualityComparer.Default);
    // One cache per thread: every method the project calls lands here, and a shared concurrent dictionary of them
    // spent more time waiting on its locks (and growing) than computing roles. Threads may compute a role twice.
    private readonly ThreadLocal<Dictionary<IMethodSymbol, MethodRole>> _methodRoles = new(() => new Dictionary<IMethodSymbol, MethodRole>(SymbolEqualityComparer.Default));
    // The referenced assemblies whose own members can carry the marker (usually none): asked for most calls and
    // field reads, so answered from a set built once instead of a lookup per assembly met.
    private readonly HashSet<IAssemblySymbol> _referencesWithMarks = new(SymbolEqualityComparer.Default);
    private readonly IAssemblySymbol _compilationAssembly;
    private readonly bool _compilationMayCarryMarks;
    // Names of the source members present: most calls and property reads are ruled out by name before any type test.
    private readonly HashSet<string> _sourceMethodNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sourcePropertyNames = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<IPropertySymbol, TaintSinkDefinition?> _propertySinks = new(SymbolEqualityComparer.Default);

    private TaintKnowledge(Compilation compilation)
    {
        foreach (var sink in SinkDefinitions)
        {
            foreach (var member in sink.Members)
            {
                if (compilation.FindType(member.TypeName) is not { } type)
                    continue;
                if (member.Kind != SinkMemberKind.Constructor && member.MemberNames.IsEmpty)
                {
                    if (!_anyMethodSinks.TryGetValue(type, out var anyList))
                        _anyMethodSinks[type] = anyList = new();
                    anyList.Add((member, sink));
                    continue;
                }

                var names = member.Kind == SinkMemberKind.Constructor ? new[] { ".ctor" } : (IEnumerable<string>)member.MemberNames;
                foreach (var name in names)
                {
                    if (!_sinksByMemberName.TryGetValue(name, out var list))
                        _sinksByMemberName[name] = list = new();
                    list.Add((type, member, sink));
                }
            }
        }

        foreach (var name in PropagatorTypeNames)
        {
            if (compilation.FindType(name) is { } type)
                _propagatorTypes.Add(type);
        }

        foreach (var pair in SourceMethods)
        {
            if (compilation.FindType(pair.Key) is { } type)
            {
                _sourceMethods[type] = pair.Value;
                _sourceMethodNames.UnionWith(pair.Value);
            }
        }

        foreach (var pair in SourceProperties)
        {
            if (compilation.FindType(pair.Key) is { } type)
            {
                _sourceProperties[type] = pair.Value;
                _sourcePropertyNames.UnionWith(pair.Value);
            }
        }

        _compilationAssembly = compilation.Assembly;
        // Every project that uses Spdf.Build gets the marker generated into it, but only one whose code names it
        // (directly, qualified, as UntrustedInputAttribute or through an alias) can apply it; for the others no own
        // member needs its attributes read. The generated declaration itself does not count.
        _compilationMayCarryMarks = compilation.Assembly.GetTypeByMetadataName(DataHandlingAttributeSources.UntrustedInputAttribute) is not null
            && CompilationText.AnyTreeContains(compilation, "UntrustedInput", DataHandlingAttributeSources.Source.Text);
        foreach (var reference in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (reference.GetTypeByMetadataName(DataHandlingAttributeSources.UntrustedInputAttribute) is not null)
                _referencesWithMarks.Add(reference);
        }

        String = compilation.GetSpecialType(SpecialType.System_String);
        Path = compilation.FindType("System.IO.Path");
        Regex = compilation.FindType("System.Text.RegularExpressions.Regex");
        RegexOptions = compilation.FindType("System.Text.RegularExpressions.RegexOptions");
        TimeSpan = compilation.FindType("System.TimeSpan");
        Exception = compilation.FindType("System.Exception");
        NetworkStream = compilation.FindType("System.Net.Sockets.NetworkStream");
        Stream = compilation.FindType("System.IO.Stream");
        TextWriter = compilation.FindType("System.IO.TextWriter");
        BinaryWriter = compilation.FindType("System.IO.BinaryWriter");
        StringBuilder = compilation.FindType("System.Text.StringBuilder");
        ZipArchiveEntry = compilation.FindType("System.IO.Compression.ZipArchiveEntry");
        TarEntry = compilation.FindType("System.Formats.Tar.TarEntry");
        GeneratedRegexAttribute = compilation.FindType("System.Text.RegularExpressions.GeneratedRegexAttribute");

        var channelWrites = new Dictionary<INamedTypeSymbol, string[]>(SymbolEqualityComparer.Default);
        foreach (var (typeName, methods) in ExceptionDetailsSink.ChannelWrites)
        {
            if (compilation.FindType(typeName) is { } type)
                channelWrites[type] = methods;
        }

        ChannelWrites = channelWrites;
        var peerWriteNames = new HashSet<string>(ExceptionDetailsSink.WriterMethodNames, StringComparer.Ordinal);
        foreach (var (_, methods) in ExceptionDetailsSink.ChannelWrites)
            peerWriteNames.UnionWith(methods);
        PeerWriteMethodNames = peerWriteNames;
        AspNetCore = new AspNetCoreBinding(compilation);
    }

    /// <summary>ASP.NET Core model binding (controller actions, page handlers, minimal APIs, bound properties).</summary>
    public AspNetCoreBinding AspNetCore { get; }

    public INamedTypeSymbol String { get; }
    public INamedTypeSymbol? Path { get; }
    public INamedTypeSymbol? Regex { get; }
    public INamedTypeSymbol? RegexOptions { get; }
    public INamedTypeSymbol? TimeSpan { get; }
    public INamedTypeSymbol? Exception { get; }
    public INamedTypeSymbol? NetworkStream { get; }
    public INamedTypeSymbol? Stream { get; }
    public INamedTypeSymbol? TextWriter { get; }
    public INamedTypeSymbol? BinaryWriter { get; }
    public INamedTypeSymbol? StringBuilder { get; }
    public INamedTypeSymbol? ZipArchiveEntry { get; }
    public INamedTypeSymbol? TarEntry { get; }
    public INamedTypeSymbol? GeneratedRegexAttribute { get; }
    public IReadOnlyDictionary<INamedTypeSymbol, string[]> ChannelWrites { get; }

    /// <summary>Every method name that can write to a peer: most calls are ruled out by name before any type test.</summary>
    public HashSet<string> PeerWriteMethodNames { get; }

    public static TaintKnowledge Create(Compilation compilation) => new(compilation);

    // The caches are asked for most operations of every member: a hit must not allocate a delegate or closure.
    public MethodRole RoleOf(IMethodSymbol method)
    {
        var definition = method.OriginalDefinition;
        var roles = _methodRoles.Value!;
        if (!roles.TryGetValue(definition, out var role))
        {
            role = ComputeRole(definition);
            roles.Add(definition, role);
        }

        return role;
    }

    /// <summary>The sink a property assignment feeds, if any (<c>ProcessStartInfo.FileName</c>, <c>IDbCommand.CommandText</c>).</summary>
    public TaintSinkDefinition? SinkOfProperty(IPropertySymbol property)
        => _propertySinks.TryGetValue(property.OriginalDefinition, out var known) ? known : _propertySinks.GetOrAdd(property.OriginalDefinition, p =>
        {
            if (!_sinksByMemberName.TryGetValue(p.Name, out var candidates))
                return null;
            foreach (var (type, member, sink) in candidates)
            {
                if (member.Kind == SinkMemberKind.PropertySetter && IsOrInherits(p.ContainingType, type))
                    return sink;
            }

            return null;
        });

    /// <summary>Whether calling <paramref name="method"/> returns untrusted input (same answer as <see cref="RoleOf"/>, cheaper for most calls).</summary>
    [MethodImpl(HotPath.Optimize)]
    public bool IsSourceCall(IMethodSymbol method)
        => _sourceMethodNames.Contains(method.Name)
            ? RoleOf(method).Kind == MethodRoleKind.Source
            : IsMarkedUntrusted(method.OriginalDefinition);

    [MethodImpl(HotPath.Optimize)]
    public bool IsSourceProperty(IPropertySymbol property)
    {
        if (!_sourcePropertyNames.Contains(property.Name))
            return false;
        for (var type = property.ContainingType; type is not null; type = type.BaseType)
        {
            if (_sourceProperties.TryGetValue(type.OriginalDefinition, out var names) && NameList.Contains(names, property.Name))
                return true;
        }

        return false;
    }

    // Asked for every property read (Name is a common one).
    [MethodImpl(HotPath.Optimize)]
    public bool IsArchiveEntryName(IPropertySymbol property) => property.Name switch
    {
        "FullName" => property.ContainingType.InheritsFromOrEquals(ZipArchiveEntry),
        "Name" => property.ContainingType.InheritsFromOrEquals(ZipArchiveEntry) || property.ContainingType.InheritsFromOrEquals(TarEntry),
        "LinkName" => property.ContainingType.InheritsFromOrEquals(TarEntry),
        _ => false,
    };

    /// <summary>True for a parameter, property, field or method return value marked <c>[Spdf.Build.UntrustedInput]</c>.</summary>
    [MethodImpl(HotPath.Optimize)]
    public bool IsMarkedUntrusted(ISymbol symbol)
    {
        // The marker is an internal attribute generated into each project that uses Spdf.Build, so only symbols of
        // such an assembly can carry it; that spares decoding the attributes of every framework member read. Not
        // cached per symbol: the compiler keeps each symbol's attributes, and a shared cache of every member the
        // analysis meets costs more in lock contention and table growth than it saves.
        if (!MayCarryUntrustedMarks(symbol))
            return false;
        return HasUntrustedMark(symbol is IMethodSymbol method ? method.GetReturnTypeAttributes() : symbol.GetAttributes());
    }

    /// <summary>
    /// <see cref="IsMarkedUntrusted"/> for a parameter a member's code reads: it belongs to that member, a lambda or
    /// local function in it, so to this compilation (no need to ask which assembly holds it).
    /// </summary>
    [MethodImpl(HotPath.Optimize)]
    public bool IsMarkedUntrustedOwnParameter(IParameterSymbol parameter)
        => _compilationMayCarryMarks && HasUntrustedMark(parameter.GetAttributes());

    private static bool HasUntrustedMark(ImmutableArray<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass is { Name: "UntrustedInputAttribute", ContainingNamespace: { Name: "Build", ContainingNamespace: { Name: "Spdf", ContainingNamespace.IsGlobalNamespace: true } } })
                return true;
        }

        return false;
    }

    [MethodImpl(HotPath.Optimize)]
    private bool MayCarryUntrustedMarks(ISymbol symbol)
    {
        if (!_compilationMayCarryMarks && _referencesWithMarks.Count == 0)
            return false;
        if (symbol.ContainingAssembly is not { } assembly)
            return true;
        return ReferenceEquals(assembly, _compilationAssembly) ? _compilationMayCarryMarks : _referencesWithMarks.Contains(assembly);
    }

    [MethodImpl(HotPath.Optimize)]
    public bool IsNetworkStreamRead(IMethodSymbol method, IOperation? instance)
        => instance?.Type is { TypeKind: TypeKind.Class } type && NetworkStream is not null
           && NameList.Contains(NetworkStreamReadMethods, method.Name) && CarrierOf(type) == TaintCarrier.NetworkStream;

    /// <summary>
    /// Whether values of a class type are exceptions or network streams. Asked for most operations of every member,
    /// so it walks the base-type chain instead of a shared cache (a concurrent dictionary of every type the
    /// compilation uses costs more in hashing, locks and growth than the walk), and compares names before symbols:
    /// almost every type on the way is neither, and its name tells so without a symbol comparison.
    /// </summary>
    [MethodImpl(HotPath.Optimize)]
    public TaintCarrier CarrierOf(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            switch (current.Name)
            {
                case "Exception" when SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, Exception):
                    return TaintCarrier.Exception;
                case "NetworkStream" when NetworkStream is not null && SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, NetworkStream):
                    return TaintCarrier.NetworkStream;
            }
        }

        return TaintCarrier.None;
    }

    /// <summary>A source property, a marked or model-bound property or an archive entry name: reading it introduces taint.</summary>
    [MethodImpl(HotPath.Optimize)]
    public bool IntroducesTaint(IPropertySymbol property)
        => IsArchiveEntryName(property) || IsSourceProperty(property) || AspNetCore.IsBoundProperty(property) || IsMarkedUntrusted(property);

    public static bool IsOrInherits(ITypeSymbol? type, INamedTypeSymbol? target)
    {
        if (type is null || target is null)
            return false;
        if (type.InheritsFromOrEquals(target))
            return true;

        if (target.TypeKind == TypeKind.Interface)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, target))
                    return true;
            }
        }

        return false;
    }

    private MethodRole ComputeRole(IMethodSymbol method)
    {
        var sinks = SinkParametersOf(method);
        var kind = MethodRoleKind.None;
        var cleared = TaintFlags.None;

        if (IsSourceMethod(method) || IsMarkedUntrusted(method))
        {
            kind = MethodRoleKind.Source;
        }
        else if (SanitizerFlags(method) is var flags && flags != TaintFlags.None)
        {
            kind = MethodRoleKind.Sanitizer;
            cleared = flags;
        }
        else if (IsPropagator(method))
        {
            kind = MethodRoleKind.Propagator;
        }

        return kind == MethodRoleKind.None && sinks.IsEmpty
            ? MethodRole.None
            : new MethodRole(kind, cleared, sinks, method.ContainingType.Name + "." + method.Name + "()");
    }

    private bool IsSourceMethod(IMethodSymbol method)
    {
        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            if (_sourceMethods.TryGetValue(type.OriginalDefinition, out var names) && NameList.Contains(names, method.Name))
                return true;
        }

        return false;
    }

    private TaintFlags SanitizerFlags(IMethodSymbol method)
    {
        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, Path) && method.Name is "GetFileName" or "GetFileNameWithoutExtension" or "GetExtension")
            return TaintFlags.PathSafe;
        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, Regex) && method.Name == "Escape")
            return TaintFlags.RegexPattern;
        return TaintFlags.None;
    }

    private bool IsPropagator(IMethodSymbol method)
    {
        if (method.Name == "ToString" && method.Parameters.Length == 0)
            return true;
        if (method is { Name: "GetType", IsStatic: true, ContainingType: { Name: "Type", ContainingNamespace.Name: "System" } })
            return true;
        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            if (_propagatorTypes.Contains(type.OriginalDefinition))
                return true;
        }

        return false;
    }

    private ImmutableArray<(int, TaintSinkDefinition)> SinkParametersOf(IMethodSymbol method)
    {
        var builder = ImmutableArray.CreateBuilder<(int, TaintSinkDefinition)>();
        var name = method.MethodKind == MethodKind.Constructor ? ".ctor" : method.Name;
        if (_sinksByMemberName.TryGetValue(name, out var candidates))
        {
            foreach (var (type, member, sink) in candidates)
            {
                var kindMatches = member.Kind == (method.MethodKind == MethodKind.Constructor ? SinkMemberKind.Constructor : SinkMemberKind.Method);
                if (!kindMatches)
                    continue;
                var typeMatches = member.IncludeDerived
                    ? IsOrInherits(method.ContainingType, type)
                    : SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, type);
                if (typeMatches)
                    AddParameters(method, member, sink, builder);
            }
        }

        if (method.MethodKind != MethodKind.Constructor && _anyMethodSinks.TryGetValue(method.ContainingType.OriginalDefinition, out var anyMethod))
        {
            foreach (var (member, sink) in anyMethod)
                AddParameters(method, member, sink, builder);
        }

        return builder.ToImmutable();
    }

    private static void AddParameters(IMethodSymbol method, SinkMember member, TaintSinkDefinition sink, ImmutableArray<(int, TaintSinkDefinition)>.Builder builder)
    {
        foreach (var parameter in method.Parameters)
        {
            if (member.ParameterNames.IndexOf(parameter.Name) < 0 || !IsSinkParameterType(parameter.Type))
                continue;
            builder.Add((parameter.Ordinal, sink));
        }
    }

    /// <summary>
    /// Text and <see cref="Type"/> parameters; an <c>IEnumerable&lt;string&gt;</c> argument list is the safe form. A
    /// generic parameter (<c>BeginScope&lt;TState&gt;(TState state)</c>) is a sink only where the call passes text.
    /// </summary>
    private static bool IsSinkParameterType(ITypeSymbol type)
        => type.SpecialType == SpecialType.System_String
           || type.TypeKind == TypeKind.TypeParameter
           || type is INamedTypeSymbol { Name: "ReadOnlySpan", TypeArguments.Length: 1 } span && span.TypeArguments[0].SpecialType == SpecialType.System_Char
           || type is INamedTypeSymbol { Name: "Type", ContainingNamespace.Name: "System" }
           || type is INamedTypeSymbol { Name: "CompositeFormat" };
}
