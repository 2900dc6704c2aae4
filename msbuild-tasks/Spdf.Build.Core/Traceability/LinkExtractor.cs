using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Spdf.Build.Core.Traceability;

/// <summary>
/// Reads traceability links from what the compiler produced, not from source text: the custom attributes
/// <c>Spdf.Build.MitigatesAttribute</c>, <c>ImplementsControlAttribute</c> and <c>VerifiesAttribute</c> in the
/// assembly's metadata (each compilation embeds its own internal copy, so they are matched by full name), and
/// the file and line of the attributed member from the portable PDB (beside the assembly or embedded).
/// </summary>
public static class LinkExtractor
{
    private const string AttributeNamespace = "Spdf.Build";

    public static IReadOnlyList<CodeLink> Extract(string assemblyPath, string? repositoryRoot)
    {
        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var peReader = new PEReader(stream);
            if (!peReader.HasMetadata)
                throw new SpdfException(DiagnosticIds.AssemblyUnreadable, $"'{assemblyPath}' is not a .NET assembly.", assemblyPath);
            var metadata = peReader.GetMetadataReader();

            MetadataReaderProvider? pdbProvider = null;
            try
            {
                peReader.TryOpenAssociatedPortablePdb(assemblyPath, path => File.Exists(path) ? File.OpenRead(path) : null, out pdbProvider, out _);
            }
            catch (BadImageFormatException)
            {
                // A Windows (non-portable) PDB: links are still reported, without file and line.
            }

            using (pdbProvider)
            {
                var reader = new AssemblyLinkReader(metadata, pdbProvider?.GetMetadataReader(), repositoryRoot);
                return reader.ReadLinks();
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            throw new SpdfException(DiagnosticIds.AssemblyUnreadable, $"Cannot read traceability links from '{assemblyPath}': {exception.Message}", assemblyPath, innerException: exception);
        }
    }

    private sealed class AssemblyLinkReader
    {
        private readonly MetadataReader _metadata;
        private readonly MetadataReader? _pdb;
        private readonly string? _repositoryRoot;
        private readonly string _assemblyName;
        private readonly Dictionary<TypeDefinitionHandle, string> _typeNames = new();
        private readonly Dictionary<DocumentHandle, string> _documents = new();
        private readonly Dictionary<EntityHandle, LinkKind?> _constructorKinds = new();

        public AssemblyLinkReader(MetadataReader metadata, MetadataReader? pdb, string? repositoryRoot)
        {
            _metadata = metadata;
            _pdb = pdb;
            _repositoryRoot = repositoryRoot is null ? null : Path.GetFullPath(repositoryRoot);
            _assemblyName = metadata.IsAssembly ? metadata.GetString(metadata.GetAssemblyDefinition().Name) : "";
        }

        public List<CodeLink> ReadLinks()
        {
            var links = new List<CodeLink>();
            foreach (var handle in _metadata.CustomAttributes)
            {
                var attribute = _metadata.GetCustomAttribute(handle);
                if (KindOf(attribute.Constructor) is not { } kind)
                    continue;

                var id = ReadId(attribute);
                if (id is null)
                    continue;
                var (symbol, method) = Describe(attribute.Parent);
                if (symbol is null)
                    continue;
                var (file, line) = method.IsNil ? (null, 0) : LocationOf(method);
                links.Add(new CodeLink(kind, id, _assemblyName, symbol, file, line));
            }

            return links;
        }

        private LinkKind? KindOf(EntityHandle constructor)
        {
            if (_constructorKinds.TryGetValue(constructor, out var cached))
                return cached;

            StringHandle ns = default, name = default;
            if (constructor.Kind == HandleKind.MethodDefinition)
            {
                var type = _metadata.GetTypeDefinition(_metadata.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType());
                (ns, name) = (type.Namespace, type.Name);
            }
            else if (constructor.Kind == HandleKind.MemberReference && _metadata.GetMemberReference((MemberReferenceHandle)constructor).Parent is { Kind: HandleKind.TypeReference } parent)
            {
                var type = _metadata.GetTypeReference((TypeReferenceHandle)parent);
                (ns, name) = (type.Namespace, type.Name);
            }

            LinkKind? kind = null;
            if (!ns.IsNil && _metadata.StringComparer.Equals(ns, AttributeNamespace))
            {
                if (_metadata.StringComparer.Equals(name, "MitigatesAttribute"))
                    kind = LinkKind.Mitigates;
                else if (_metadata.StringComparer.Equals(name, "ImplementsControlAttribute"))
                    kind = LinkKind.ImplementsControl;
                else if (_metadata.StringComparer.Equals(name, "VerifiesAttribute"))
                    kind = LinkKind.Verifies;
            }

            _constructorKinds.Add(constructor, kind);
            return kind;
        }

        /// <summary>The attribute's first fixed argument: the ID string (prolog 0x0001, then a SerString).</summary>
        private string? ReadId(CustomAttribute attribute)
        {
            var blob = _metadata.GetBlobReader(attribute.Value);
            if (blob.Length < 3 || blob.ReadUInt16() != 1)
                return null;
            return blob.ReadSerializedString();
        }

        private (string? Symbol, MethodDefinitionHandle Method) Describe(EntityHandle parent)
        {
            switch (parent.Kind)
            {
                case HandleKind.TypeDefinition:
                    var typeHandle = (TypeDefinitionHandle)parent;
                    return (TypeName(typeHandle), FirstMethodWithSource(typeHandle));
                case HandleKind.MethodDefinition:
                    var method = _metadata.GetMethodDefinition((MethodDefinitionHandle)parent);
                    return (TypeName(method.GetDeclaringType()) + "." + _metadata.GetString(method.Name), (MethodDefinitionHandle)parent);
                case HandleKind.PropertyDefinition:
                    var property = _metadata.GetPropertyDefinition((PropertyDefinitionHandle)parent);
                    var accessors = property.GetAccessors();
                    var accessor = accessors.Getter.IsNil ? accessors.Setter : accessors.Getter;
                    var owner = _metadata.GetMethodDefinition(accessor).GetDeclaringType();
                    return (TypeName(owner) + "." + _metadata.GetString(property.Name), accessor);
                case HandleKind.EventDefinition:
                    var @event = _metadata.GetEventDefinition((EventDefinitionHandle)parent);
                    var adder = @event.GetAccessors().Adder;
                    var eventOwner = _metadata.GetMethodDefinition(adder).GetDeclaringType();
                    return (TypeName(eventOwner) + "." + _metadata.GetString(@event.Name), adder);
                case HandleKind.FieldDefinition:
                    var field = _metadata.GetFieldDefinition((FieldDefinitionHandle)parent);
                    var fieldOwner = field.GetDeclaringType();
                    return (TypeName(fieldOwner) + "." + _metadata.GetString(field.Name), FirstMethodWithSource(fieldOwner));
                default:
                    return (null, default);
            }
        }

        private string TypeName(TypeDefinitionHandle handle)
        {
            if (_typeNames.TryGetValue(handle, out var cached))
                return cached;
            var type = _metadata.GetTypeDefinition(handle);
            var name = _metadata.GetString(type.Name);
            var declaring = type.GetDeclaringType();
            string fullName;
            if (!declaring.IsNil)
                fullName = TypeName(declaring) + "+" + name;
            else if (type.Namespace.IsNil || _metadata.GetString(type.Namespace).Length == 0)
                fullName = name;
            else
                fullName = _metadata.GetString(type.Namespace) + "." + name;
            _typeNames.Add(handle, fullName);
            return fullName;
        }

        private MethodDefinitionHandle FirstMethodWithSource(TypeDefinitionHandle handle)
        {
            if (_pdb is null)
                return default;
            foreach (var method in _metadata.GetTypeDefinition(handle).GetMethods())
            {
                if (!_pdb.GetMethodDebugInformation(method).SequencePointsBlob.IsNil)
                    return method;
            }

            return default;
        }

        private (string? File, int Line) LocationOf(MethodDefinitionHandle method)
        {
            if (_pdb is null)
                return (null, 0);
            var debug = _pdb.GetMethodDebugInformation(method);
            if (debug.SequencePointsBlob.IsNil)
            {
                // Async and iterator methods keep their sequence points on the state machine's MoveNext.
                var moveNext = StateMachineMoveNext(method);
                if (moveNext.IsNil)
                    return (null, 0);
                debug = _pdb.GetMethodDebugInformation(moveNext);
                if (debug.SequencePointsBlob.IsNil)
                    return (null, 0);
            }

            foreach (var point in debug.GetSequencePoints())
            {
                if (!point.IsHidden)
                    return (DocumentPath(point.Document), point.StartLine);
            }

            return (null, 0);
        }

        /// <summary>
        /// The compiler names an async or iterator method's state machine "&lt;Method&gt;d__N", nested in the
        /// method's type; its MoveNext holds the method's sequence points.
        /// </summary>
        private MethodDefinitionHandle StateMachineMoveNext(MethodDefinitionHandle kickoff)
        {
            var method = _metadata.GetMethodDefinition(kickoff);
            var prefix = "<" + _metadata.GetString(method.Name) + ">d__";
            foreach (var nestedHandle in _metadata.GetTypeDefinition(method.GetDeclaringType()).GetNestedTypes())
            {
                var nested = _metadata.GetTypeDefinition(nestedHandle);
                if (!_metadata.GetString(nested.Name).StartsWith(prefix, StringComparison.Ordinal))
                    continue;
                foreach (var candidate in nested.GetMethods())
                {
                    if (_metadata.StringComparer.Equals(_metadata.GetMethodDefinition(candidate).Name, "MoveNext"))
                        return candidate;
                }
            }

            return default;
        }

        private string DocumentPath(DocumentHandle handle)
        {
            if (_documents.TryGetValue(handle, out var cached))
                return cached;
            var path = _pdb!.GetString(_pdb.GetDocument(handle).Name);
            _documents.Add(handle, cached = RepositoryRelative(path));
            return cached;
        }

        private string RepositoryRelative(string path)
        {
            if (_repositoryRoot is not null && Path.IsPathFullyQualified(path))
            {
                var relative = Path.GetRelativePath(_repositoryRoot, path);
                if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathFullyQualified(relative))
                    return relative.Replace('\\', '/');
            }

            // A path mapped by PathMap (e.g. "/_/src/x.cs") is already relative to the repository.
            return path.StartsWith("/_/", StringComparison.Ordinal) ? path[3..] : path.Replace('\\', '/');
        }
    }
}
