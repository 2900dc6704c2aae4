using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Spdf.Build.Analyzers.Infrastructure;

namespace Spdf.Build.Analyzers.InputHandling;

/// <summary>
/// ASP.NET Core model binding as a taint source: parameters of controller actions and Razor Pages handlers,
/// parameters and properties marked <c>[FromQuery]</c>, <c>[FromBody]</c>, ... or <c>[BindProperty]</c>, and
/// simple parameters of minimal-API handler lambdas. The types are resolved once per compilation by metadata
/// name; a compilation without ASP.NET Core gets an instance that never answers yes.
/// </summary>
internal sealed class AspNetCoreBinding
{
    private static readonly string[] BindingSourceAttributeNames =
    {
        "Microsoft.AspNetCore.Mvc.FromRouteAttribute", "Microsoft.AspNetCore.Mvc.FromQueryAttribute",
        "Microsoft.AspNetCore.Mvc.FromBodyAttribute", "Microsoft.AspNetCore.Mvc.FromFormAttribute",
        "Microsoft.AspNetCore.Mvc.FromHeaderAttribute", "Microsoft.AspNetCore.Mvc.BindPropertyAttribute",
        "Microsoft.AspNetCore.Mvc.ModelBinderAttribute",
    };

    private static readonly string[] HandlerVerbs = { "Get", "Post", "Put", "Delete", "Patch", "Head", "Options" };

    private readonly INamedTypeSymbol?[] _bindingSourceAttributes;
    private readonly INamedTypeSymbol? _fromServices;
    private readonly INamedTypeSymbol? _controllerBase;
    private readonly INamedTypeSymbol? _controllerAttribute;
    private readonly INamedTypeSymbol? _apiControllerAttribute;
    private readonly INamedTypeSymbol? _nonControllerAttribute;
    private readonly INamedTypeSymbol? _nonActionAttribute;
    private readonly INamedTypeSymbol? _pageModel;
    private readonly INamedTypeSymbol? _bindPropertiesAttribute;
    private readonly INamedTypeSymbol? _endpointRouteBuilderExtensions;
    private readonly INamedTypeSymbol? _formFile;
    private readonly ConcurrentDictionary<IParameterSymbol, bool> _boundParameters = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IPropertySymbol, bool> _boundProperties = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _controllers = new(SymbolEqualityComparer.Default);

    public AspNetCoreBinding(Compilation compilation)
    {
        _bindingSourceAttributes = Array.ConvertAll(BindingSourceAttributeNames, compilation.FindType);
        _fromServices = compilation.FindType("Microsoft.AspNetCore.Mvc.FromServicesAttribute");
        _controllerBase = compilation.FindType("Microsoft.AspNetCore.Mvc.ControllerBase");
        _controllerAttribute = compilation.FindType("Microsoft.AspNetCore.Mvc.ControllerAttribute");
        _apiControllerAttribute = compilation.FindType("Microsoft.AspNetCore.Mvc.ApiControllerAttribute");
        _nonControllerAttribute = compilation.FindType("Microsoft.AspNetCore.Mvc.NonControllerAttribute");
        _nonActionAttribute = compilation.FindType("Microsoft.AspNetCore.Mvc.NonActionAttribute");
        _pageModel = compilation.FindType("Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
        _bindPropertiesAttribute = compilation.FindType("Microsoft.AspNetCore.Mvc.BindPropertiesAttribute");
        _endpointRouteBuilderExtensions = compilation.FindType("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
        _formFile = compilation.FindType("Microsoft.AspNetCore.Http.IFormFile");
        IsPresent = _controllerBase is not null || _pageModel is not null || _endpointRouteBuilderExtensions is not null
                    || Array.Exists(_bindingSourceAttributes, a => a is not null);
    }

    /// <summary>False in a compilation that references no ASP.NET Core binding type: nothing else needs asking.</summary>
    public bool IsPresent { get; }

    /// <summary>A parameter filled by model binding from the request: an action or page handler parameter, or one marked <c>[From*]</c>.</summary>
    [MethodImpl(HotPath.Optimize)]
    public bool IsBoundParameter(IParameterSymbol parameter)
        => IsPresent && (_boundParameters.TryGetValue(parameter, out var bound) ? bound : _boundParameters.GetOrAdd(parameter, ComputeBoundParameter(parameter)));

    /// <summary>A property filled by model binding: <c>[BindProperty]</c>, <c>[From*]</c>, or a settable property of a <c>[BindProperties]</c> type.</summary>
    [MethodImpl(HotPath.Optimize)]
    public bool IsBoundProperty(IPropertySymbol property)
        => IsPresent && (_boundProperties.TryGetValue(property, out var bound) ? bound : _boundProperties.GetOrAdd(property, ComputeBoundProperty(property)));

    /// <summary>
    /// A lambda passed as the handler of <c>app.MapGet/MapPost/MapPut/MapDelete/MapPatch/MapMethods/Map</c>; its
    /// simple parameters (text, <c>IFormFile</c>) and those marked <c>[From*]</c> are bound from the request.
    /// </summary>
    public bool IsMinimalApiHandler(IAnonymousFunctionOperation lambda)
    {
        if (_endpointRouteBuilderExtensions is null)
            return false;
        var parent = lambda.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation)
            parent = parent.Parent;
        return parent is IArgumentOperation { Parent: IInvocationOperation invocation }
               && invocation.TargetMethod.Name.StartsWith("Map", StringComparison.Ordinal)
               && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _endpointRouteBuilderExtensions);
    }

    /// <summary>Whether a parameter of a minimal-API handler lambda is bound from the request.</summary>
    public bool IsBoundHandlerParameter(IParameterSymbol parameter)
    {
        if (HasAttribute(parameter, _fromServices) || IsInfrastructureType(parameter.Type))
            return false;
        if (HasBindingSourceAttribute(parameter))
            return true;
        var type = parameter.Type is IArrayTypeSymbol array ? array.ElementType : parameter.Type;
        return type.SpecialType == SpecialType.System_String
               || type is INamedTypeSymbol { Name: "StringValues", ContainingNamespace.Name: "Primitives" }
               || IsFormFile(type);
    }

    private bool ComputeBoundParameter(IParameterSymbol parameter)
    {
        if (HasAttribute(parameter, _fromServices) || IsInfrastructureType(parameter.Type))
            return false;
        if (HasBindingSourceAttribute(parameter))
            return true;
        if (parameter.Type.TypeKind == TypeKind.Interface && !IsBindableInterface(parameter.Type))
            return false; // a service the container supplies ([FromServices] inferred), not request data
        if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public, IsStatic: false, IsAbstract: false, IsGenericMethod: false } method
            || HasAttribute(method, _nonActionAttribute) || OverridesFrameworkMethod(method))
        {
            return false;
        }

        var type = method.ContainingType;
        if (TaintKnowledge.IsOrInherits(type, _pageModel))
            return IsPageHandlerName(method.Name);
        return IsController(type);
    }

    private bool ComputeBoundProperty(IPropertySymbol property)
    {
        if (property.IsStatic || property.SetMethod is null || HasAttribute(property, _fromServices))
            return false;
        if (HasBindingSourceAttribute(property))
            return true;
        for (var type = property.ContainingType; type is not null; type = type.BaseType)
        {
            if (HasAttribute(type, _bindPropertiesAttribute))
                return property.DeclaredAccessibility == Accessibility.Public && property.SetMethod.DeclaredAccessibility == Accessibility.Public;
        }

        return false;
    }

    /// <summary><c>override OnActionExecuting(ActionExecutingContext)</c> and the like: [NonAction] in the base, not inherited by the override.</summary>
    private static bool OverridesFrameworkMethod(IMethodSymbol method)
    {
        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            if (overridden.IsInNamespaceOrChild("Microsoft.AspNetCore"))
                return true;
        }

        return false;
    }

    private static bool IsPageHandlerName(string name)
    {
        if (!name.StartsWith("On", StringComparison.Ordinal))
            return false;
        foreach (var verb in HandlerVerbs)
        {
            if (string.CompareOrdinal(name, 2, verb, 0, verb.Length) == 0)
                return true;
        }

        return false;
    }

    /// <summary>MVC's convention: derives from <c>ControllerBase</c>, is marked <c>[Controller]</c>/<c>[ApiController]</c> (also on a base), or is a public class named <c>*Controller</c>.</summary>
    private bool IsController(INamedTypeSymbol type)
        => _controllers.GetOrAdd(type, t =>
        {
            if (t.TypeKind != TypeKind.Class || t.IsAbstract || t.IsGenericType || t.DeclaredAccessibility != Accessibility.Public)
                return false;
            for (var current = t; current is not null; current = current.BaseType)
            {
                if (HasAttribute(current, _nonControllerAttribute))
                    return false;
                if (SymbolEqualityComparer.Default.Equals(current, _controllerBase)
                    || HasAttribute(current, _controllerAttribute) || HasAttribute(current, _apiControllerAttribute))
                {
                    return true;
                }
            }

            return _controllerBase is not null && t.Name.EndsWith("Controller", StringComparison.Ordinal);
        });

    private bool HasBindingSourceAttribute(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            foreach (var bindingSource in _bindingSourceAttributes)
            {
                if (bindingSource is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, bindingSource))
                    return true;
            }
        }

        return false;
    }

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
            return false;
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
                return true;
        }

        return false;
    }

    /// <summary>The interfaces model binding fills from the request: uploaded files, the form, collections of values.</summary>
    private bool IsBindableInterface(ITypeSymbol type)
        => IsFormFile(type)
           || type.Name is "IFormFileCollection" or "IFormCollection"
           || type is INamedTypeSymbol { IsGenericType: true, ContainingNamespace.Name: "Generic" } collection
              && collection.Name is "IEnumerable" or "ICollection" or "IList" or "IReadOnlyCollection" or "IReadOnlyList" or "IDictionary" or "IReadOnlyDictionary";

    private bool IsFormFile(ITypeSymbol type) => _formFile is not null && TaintKnowledge.IsOrInherits(type, _formFile);

    /// <summary>Values the framework supplies rather than the client: the request context, cancellation, logging, services.</summary>
    private static bool IsInfrastructureType(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { Name: "CancellationToken", ContainingNamespace.Name: "Threading" })
            return true;
        if (type.IsInNamespace("Microsoft.AspNetCore.Http"))
            return type.Name is "HttpContext" or "HttpRequest" or "HttpResponse";
        if (type.IsInNamespace("System.Security.Claims"))
            return type.Name == "ClaimsPrincipal";
        return type.IsInNamespaceOrChild("Microsoft.Extensions") && type.Name != "StringValues"
               || type is INamedTypeSymbol { Name: "IServiceProvider", ContainingNamespace.Name: "System" };
    }
}
