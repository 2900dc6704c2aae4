using System;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Spdf.Build.Analyzers.Infrastructure;

/// <summary>
/// Decides whether a value reaching a key, IV, nonce or salt parameter is fixed when the program is written:
/// literal arrays (including zero-filled <c>new byte[16]</c>), collection expressions, UTF-8 literals, constant
/// strings turned into bytes (<c>Encoding.UTF8.GetBytes("...")</c>, <c>Convert.FromBase64String("...")</c>),
/// and locals, read-only fields and get-only properties initialised that way (zero-filled fields only when private and
/// only read by cipher calls, see <see cref="IsOnlyReadByCiphers"/>). A local only counts when nothing
/// else can have written to it: any use other than being read by a cryptographic parameter (passing it to
/// <c>RandomNumberGenerator.Fill</c>, a stream, a KDF, an element assignment, <c>ref</c>) makes it unknown.
/// Values read from files, derived from a KDF or generated at run time are never hard-coded.
/// </summary>
internal static class HardCodedData
{
    /// <summary>Parameters of cryptographic APIs that only read their argument.</summary>
    private static readonly System.Collections.Generic.HashSet<string> ReadOnlyCryptoParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "key", "rgbKey", "iv", "rgbIV", "nonce", "salt", "rgbSalt", "ikm", "prk", "password", "source", "associatedData",
    };

    public static bool IsHardCoded(IOperation? value) => IsHardCoded(value, depth: 0);

    private static bool IsHardCoded(IOperation? value, int depth)
    {
        if (value is null || depth > 4)
            return false;

        value = value.WalkDownConversions();
        if (value.ConstantValue is { HasValue: true, Value: string })
            return true;

        switch (value)
        {
            case IArrayCreationOperation array:
                return array.Initializer is null
                    ? array.DimensionSizes.All(size => size.ConstantValue.HasValue)
                    : array.Initializer.ElementValues.All(element => element.ConstantValue.HasValue);
            case IInvocationOperation invocation:
                return IsConstantConversionToBytes(invocation, depth);
            case IObjectCreationOperation { Arguments.Length: 1 } creation when IsSpanOfBytes(creation.Type):
                return IsHardCoded(creation.Arguments[0].Value, depth + 1);
            case ILocalReferenceOperation local:
                return IsHardCodedLocal(local, depth);
            case IFieldReferenceOperation { Field: { IsReadOnly: true } or { IsConst: true } } field:
                return IsHardCodedDeclaration(field.Field);
            case IPropertyReferenceOperation { Property.SetMethod: null } property:
                return IsHardCodedDeclaration(property.Property);
        }

        if (value.Kind == OperationKind.Utf8String)
            return true;

        return value.Syntax is CollectionExpressionSyntax or StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax
               && IsHardCodedSyntax(value.Syntax);
    }

    private static bool IsConstantConversionToBytes(IInvocationOperation invocation, int depth)
    {
        var method = invocation.TargetMethod;
        var containingType = method.ContainingType?.ToDisplayString();
        switch (method.Name)
        {
            case "FromBase64String" or "FromHexString" when containingType == "System.Convert":
            case "GetBytes" when containingType is not null && containingType.StartsWith("System.Text.", StringComparison.Ordinal):
                return invocation.Arguments.Length == 1 && IsConstantText(invocation.Arguments[0].Value, depth);
            case "ToArray" or "AsSpan" or "AsMemory":
                var receiver = invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                return IsHardCoded(receiver, depth + 1);
            default:
                return false;
        }
    }

    private static bool IsConstantText(IOperation value, int depth)
    {
        value = value.WalkDownConversions();
        return value.ConstantValue is { HasValue: true, Value: string }
               || value is IArrayCreationOperation { Initializer: { } initializer } && initializer.ElementValues.All(e => e.ConstantValue.HasValue)
               || value is ILocalReferenceOperation { Local.Type.SpecialType: SpecialType.System_String } && IsHardCoded(value, depth + 1);
    }

    private static bool IsSpanOfBytes(ITypeSymbol? type)
        => type is INamedTypeSymbol { Name: "ReadOnlySpan" or "Span" or "ReadOnlyMemory" or "Memory", TypeArguments.Length: 1 } named
           && named.TypeArguments[0].SpecialType == SpecialType.System_Byte;

    private static bool IsHardCodedLocal(ILocalReferenceOperation reference, int depth)
    {
        var local = reference.Local;
        if (local.IsRef)
            return false;

        IOperation? initialValue = null;
        foreach (var operation in reference.Root().Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    initialValue = declarator.GetVariableInitializer()?.Value;
                    break;
                case ILocalReferenceOperation other when SymbolEqualityComparer.Default.Equals(other.Local, local):
                    var unchanged = local.Type.SpecialType == SpecialType.System_String ? !IsWrittenTo(other) : IsReadByCryptography(other);
                    if (!unchanged)
                        return false;
                    break;
            }
        }

        return initialValue is not null && IsHardCoded(initialValue, depth + 1);
    }

    /// <summary>Strings are immutable: only assignment or a <c>ref</c>/<c>out</c> argument changes a string local.</summary>
    private static bool IsWrittenTo(ILocalReferenceOperation reference) => reference.Parent switch
    {
        IAssignmentOperation assignment => assignment.Target == reference,
        IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } => true,
        _ => false,
    };

    /// <summary>True when <paramref name="reference"/> is only read: by a crypto key/IV/nonce/salt parameter or setter, or for its length.</summary>
    private static bool IsReadByCryptography(ILocalReferenceOperation reference)
    {
        var parent = reference.WalkUpConversions();
        switch (parent)
        {
            case IArgumentOperation { Parameter: { RefKind: RefKind.None or RefKind.In } parameter } argument
                when ReadOnlyCryptoParameters.Contains(parameter.Name)
                     && argument.Parent is IInvocationOperation or IObjectCreationOperation
                     && parameter.ContainingSymbol.IsInNamespaceOrChild("System.Security.Cryptography"):
                return true;
            case ISimpleAssignmentOperation assignment when assignment.Value.WalkDownConversions() == reference:
                return assignment.Target is IPropertyReferenceOperation { Property.Name: "Key" or "IV" or "Salt" };
            case IPropertyReferenceOperation { Property.Name: "Length" }:
                return true;
            case IVariableDeclaratorOperation:
                return true;
            default:
                return false;
        }
    }

    private static bool IsHardCodedDeclaration(ISymbol symbol)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax();
            var initializer = syntax switch
            {
                VariableDeclaratorSyntax variable => variable.Initializer?.Value,
                PropertyDeclarationSyntax { ExpressionBody: { } body } => body.Expression,
                PropertyDeclarationSyntax { Initializer: { } propertyInitializer, AccessorList: { } accessors }
                    when accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null) => propertyInitializer.Value,
                _ => null,
            };
            if (initializer is null)
                continue;
            if (IsHardCodedSyntax(initializer, allowZeroFilled: false))
                return true;
            if (symbol is IFieldSymbol { DeclaredAccessibility: Accessibility.Private } field
                && IsHardCodedSyntax(initializer, allowZeroFilled: true)
                && IsOnlyReadByCiphers(field))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Cipher calls whose key, IV or nonce arguments are only read.</summary>
    private static readonly System.Collections.Generic.HashSet<string> ReadingCipherMethods = new(StringComparer.Ordinal)
    {
        "CreateEncryptor", "CreateDecryptor", "EncryptCbc", "DecryptCbc", "TryEncryptCbc", "TryDecryptCbc", "EncryptCfb", "DecryptCfb",
        "TryEncryptCfb", "TryDecryptCfb", "Encrypt", "Decrypt",
    };

    /// <summary>
    /// A private zero-filled array field (<c>static readonly byte[] Iv = new byte[16];</c>) stays all zeros when every use in
    /// its type, where all of them are visible, only reads it: as an argument of a cipher call, as the value of a
    /// <c>Key</c>/<c>IV</c> assignment, or for its <c>Length</c>. Any other use (<c>RandomNumberGenerator.Fill(Iv)</c>,
    /// an element write, <c>CopyTo</c>) may fill it.
    /// </summary>
    private static bool IsOnlyReadByCiphers(IFieldSymbol field)
    {
        foreach (var typeReference in field.ContainingType.DeclaringSyntaxReferences)
        {
            foreach (var identifier in typeReference.GetSyntax().DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText != field.Name)
                    continue;
                ExpressionSyntax use = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? access : identifier;
                var isRead = use.Parent switch
                {
                    ArgumentSyntax { RefKindKeyword.RawKind: 0, Parent.Parent: InvocationExpressionSyntax { Expression: var callee } }
                        => callee switch
                        {
                            MemberAccessExpressionSyntax member => ReadingCipherMethods.Contains(member.Name.Identifier.ValueText),
                            IdentifierNameSyntax name => ReadingCipherMethods.Contains(name.Identifier.ValueText),
                            _ => false,
                        },
                    AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IV" or "Key" } } assignment => assignment.Right == use,
                    MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Length" } length => length.Expression == use,
                    _ => false,
                };
                if (!isRead)
                    return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The syntactic forms of hard-coded data, for declarations in other members and collection expressions.
    /// A zero-filled array field is a buffer that is typically filled later (a counter nonce), so it only
    /// counts where every write is visible (<paramref name="allowZeroFilled"/>).
    /// </summary>
    public static bool IsHardCodedSyntax(SyntaxNode? node, bool allowZeroFilled = true)
    {
        switch (node)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return IsHardCodedSyntax(parenthesized.Expression, allowZeroFilled);
            case CastExpressionSyntax cast:
                return IsHardCodedSyntax(cast.Expression, allowZeroFilled);
            case LiteralExpressionSyntax literal:
                return literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression);
            case ArrayCreationExpressionSyntax array:
                return array.Initializer is null
                    ? allowZeroFilled && array.Type.RankSpecifiers.SelectMany(r => r.Sizes).All(IsLiteralElement)
                    : array.Initializer.Expressions.All(IsLiteralElement);
            case ImplicitArrayCreationExpressionSyntax implicitArray:
                return implicitArray.Initializer.Expressions.All(IsLiteralElement);
            case StackAllocArrayCreationExpressionSyntax { Initializer: { } stackInitializer }:
                return stackInitializer.Expressions.All(IsLiteralElement);
            case ImplicitStackAllocArrayCreationExpressionSyntax implicitStack:
                return implicitStack.Initializer.Expressions.All(IsLiteralElement);
            case InitializerExpressionSyntax initializer:
                return initializer.Expressions.All(IsLiteralElement);
            case CollectionExpressionSyntax collection:
                return (allowZeroFilled || collection.Elements.Count > 0) && collection.Elements.All(e => e is ExpressionElementSyntax { Expression: var expression } && IsLiteralElement(expression));
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation:
                var name = access.Name.Identifier.ValueText;
                if (name is "FromBase64String" or "FromHexString" or "GetBytes")
                    return invocation.ArgumentList.Arguments.Count == 1 && invocation.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax;
                if (name == "ToArray")
                    return access.Expression is LiteralExpressionSyntax || IsHardCodedSyntax(access.Expression, allowZeroFilled);
                return false;
            default:
                return false;
        }
    }

    private static bool IsLiteralElement(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax => true,
        ParenthesizedExpressionSyntax p => IsLiteralElement(p.Expression),
        CastExpressionSyntax c => IsLiteralElement(c.Expression),
        PrefixUnaryExpressionSyntax u => IsLiteralElement(u.Operand),
        _ => false,
    };
}
