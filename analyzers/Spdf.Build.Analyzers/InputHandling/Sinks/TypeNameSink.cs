using Microsoft.CodeAnalysis;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.InputHandling.Sinks;

/// <summary>SPDF3007: device input names a type or assembly to load or create, or a member to reflect on (CWE-470).</summary>
internal static class TypeNameSink
{
    public static readonly DiagnosticDescriptor Rule = SpdfDescriptors.Create(
        DiagnosticIds.UntrustedInputInTypeName,
        title: "Do not load types or assemblies named by untrusted input",
        messageFormat: "Untrusted input from {0} reaches a type, assembly or member name",
        RuleCategory.InputHandling,
        FalsePositivePolicy.Precise,
        cwe: 470,
        description: "Data read from a port, socket, console, command line or environment must not choose which type or assembly a device loads or instantiates, or which member it invokes by reflection. Map the input to a type through an allow-list (a switch on constants or a dictionary of known types).");

    public static readonly TaintSinkDefinition Definition = new(
        Rule,
        TaintFlags.TypeName,
        "a type, assembly or member name",
        SinkMember.Methods("System.Type", new[] { "GetType", "ReflectionOnlyGetType" }, "typeName"),
        SinkMember.Methods("System.Type", new[] { "GetMethod", "GetProperty", "GetField", "GetMember", "GetEvent", "GetNestedType", "GetInterface", "InvokeMember" }, "name"),
        SinkMember.Methods("System.Reflection.TypeInfo", new[] { "GetDeclaredMethod", "GetDeclaredMethods", "GetDeclaredProperty", "GetDeclaredField", "GetDeclaredEvent", "GetDeclaredNestedType" }, "name"),
        SinkMember.Methods("System.Reflection.Assembly", new[] { "Load", "LoadFrom", "LoadFile", "LoadWithPartialName", "UnsafeLoadFrom", "ReflectionOnlyLoad", "ReflectionOnlyLoadFrom", "GetType", "CreateInstance" }, "assemblyString", "assemblyFile", "path", "partialName", "name", "typeName"),
        SinkMember.Methods("System.Activator", new[] { "CreateInstance", "CreateInstanceFrom" }, "assemblyName", "typeName", "assemblyFile"),
        SinkMember.Methods("System.AppDomain", new[] { "CreateInstance", "CreateInstanceAndUnwrap", "CreateInstanceFrom", "CreateInstanceFromAndUnwrap", "ExecuteAssembly", "ExecuteAssemblyByName", "Load" }, "assemblyName", "typeName", "assemblyFile", "assemblyString"),
        SinkMember.Methods("System.Runtime.Loader.AssemblyLoadContext", new[] { "LoadFromAssemblyPath", "LoadFromNativeImagePath", "LoadUnmanagedDllFromPath" }, "assemblyPath", "nativeImagePath", "unmanagedDllPath"));
}
