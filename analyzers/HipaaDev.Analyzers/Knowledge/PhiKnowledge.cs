using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HipaaDev.Analyzers.Knowledge;

/// <summary>
/// Answers "is this symbol PHI?" for one compilation: <c>[Phi]</c> members, parameters, return values and types,
/// plus the sources without attributes (<see cref="IPhiSymbolSource"/>). Answers are cached per symbol.
/// </summary>
internal sealed class PhiKnowledge
{
    private readonly ImmutableArray<IPhiSymbolSource> _extraSources;
    private readonly ConcurrentDictionary<ISymbol, bool> _memberCache = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _phiTypeCache = new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IAssemblySymbol, bool> _mayCarryOurAttributes = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _carrierCache = new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);

    public PhiKnowledge(ImmutableArray<IPhiSymbolSource> extraSources)
    {
        _extraSources = extraSources;
    }

    /// <summary>A field or property whose value is PHI: tagged itself, or read from a PHI type.</summary>
    public bool IsPhiMember(ISymbol member)
    {
        if (member is not (IFieldSymbol or IPropertySymbol))
        {
            return false;
        }

        return _memberCache.GetOrAdd(member, m => ComputeIsPhiMember(m));
    }

    /// <summary>A type whose every instance is PHI (<c>[Phi]</c> on it or on a base type).</summary>
    public bool IsPhiType(ITypeSymbol? type)
    {
        if (type is null || type.SpecialType != SpecialType.None)
        {
            return false;
        }

        return _phiTypeCache.GetOrAdd(type, t => ComputeIsPhiType(t));
    }

    /// <summary>
    /// A type that carries PHI: a PHI type, a type with PHI members, or an array or collection of such types.
    /// Its <c>ToString()</c> and a template that renders it whole can expose PHI.
    /// </summary>
    public bool CarriesPhi(ITypeSymbol? type)
    {
        if (type is null || type.SpecialType != SpecialType.None)
        {
            return false;
        }

        return _carrierCache.GetOrAdd(type, t => ComputeCarriesPhi(t));
    }

    public bool IsPhiParameter(IParameterSymbol parameter)
    {
        if (HasOurAttribute(parameter, AttributeNames.Phi) || IsPhiType(parameter.Type))
        {
            return true;
        }

        // A parameter classified like a member ([HealthData] string reason) is PHI the same way.
        foreach (var source in _extraSources)
        {
            if (source.IsPhiMember(parameter))
            {
                return true;
            }
        }

        return false;
    }

    public bool ReturnsPhi(IMethodSymbol method)
    {
        method = method.ReducedFrom ?? method;
        if (HasAttribute(method.GetReturnTypeAttributes(), AttributeNames.Phi))
        {
            return true;
        }

        foreach (var source in _extraSources)
        {
            if (source.ReturnsPhi(method))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsSanitizer(IMethodSymbol method)
    {
        method = method.ReducedFrom ?? method;
        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            if (HasOurAttribute(current, AttributeNames.PhiSanitizer))
            {
                return true;
            }
        }

        return KnownSanitizers.Contains(method);
    }

    /// <summary>
    /// Does the symbol carry one of the contract's attributes? The platform's own assemblies (System.*, Microsoft.*)
    /// cannot, unless built against HipaaDev.Annotations: asking their members would decode attributes for nothing, and
    /// that was a measurable part of the analyzer's time. Any other assembly may declare look-alikes. (Telling which
    /// third-party assemblies can see a type named PhiAttribute means reading the type names of everything they
    /// reference, which cost more than the attributes it would save.)
    /// </summary>
    private bool HasOurAttribute(ISymbol symbol, string name) =>
        symbol.ContainingAssembly is { } assembly && MayCarryOurAttributes(assembly) && HasAttribute(symbol.GetAttributes(), name);

    private bool MayCarryOurAttributes(IAssemblySymbol assembly) =>
        _mayCarryOurAttributes.GetOrAdd(assembly, a => a is ISourceAssemblySymbol || !IsPlatform(a) || ReferencesAnnotations(a));

    /// <summary>
    /// Can any member of this type be PHI? Not when no source beyond the attributes is in use and neither the type nor
    /// anything it derives from or implements comes from an assembly that can carry them: then every way a member is
    /// PHI (its attribute, its type's, a base member's, an interface member's) is closed. Answers a framework type (a
    /// <c>List&lt;T&gt;</c>'s <c>Count</c>) without loading the members of its interfaces, which cost 2–4 ms cold.
    /// </summary>
    private bool MayHavePhiMembers(ITypeSymbol type)
    {
        if (!_extraSources.IsEmpty || type.ContainingAssembly is not { } assembly || MayCarryOurAttributes(assembly))
        {
            return true;
        }

        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.ContainingAssembly is { } baseAssembly && MayCarryOurAttributes(baseAssembly))
            {
                return true;
            }
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (@interface.ContainingAssembly is { } interfaceAssembly && MayCarryOurAttributes(interfaceAssembly))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPlatform(IAssemblySymbol assembly) =>
        FrameworkAssemblies.Contains(assembly) || assembly.Name.StartsWith("Microsoft.", StringComparison.Ordinal);

    private static bool ReferencesAnnotations(IAssemblySymbol assembly) =>
        assembly.Modules.Any(module => module.ReferencedAssemblies.Any(reference => reference.Name == "HipaaDev.Annotations"));

    public static bool HasAttribute(ImmutableArray<AttributeData> attributes, string name)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass?.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private bool ComputeIsPhiMember(ISymbol member)
    {
        if ((member.IsStatic && member is IFieldSymbol { IsConst: true })
            || (member.ContainingType is { } containing && !MayHavePhiMembers(containing)))
        {
            return false;
        }

        if (HasOurAttribute(member, AttributeNames.Phi))
        {
            return true;
        }

        if (member is IPropertySymbol property)
        {
            if (property.OverriddenProperty is { } overridden && IsPhiMember(overridden))
            {
                return true;
            }

            if (IsTaggedPositionalParameter(property))
            {
                return true;
            }

            if (ImplementsPhiInterfaceProperty(property))
            {
                return true;
            }
        }

        if (member is IFieldSymbol { AssociatedSymbol: IPropertySymbol associated } && IsPhiMember(associated))
        {
            return true;
        }

        if (!member.IsStatic && IsPhiType(member.ContainingType))
        {
            return true;
        }

        foreach (var source in _extraSources)
        {
            if (source.IsPhiMember(member))
            {
                return true;
            }
        }

        return false;
    }

    // interface IPatient { [Phi] string Diagnosis { get; } }: the implementing property carries no attribute itself.
    private bool ImplementsPhiInterfaceProperty(IPropertySymbol property)
    {
        foreach (var explicitImplementation in property.ExplicitInterfaceImplementations)
        {
            if (IsPhiMember(explicitImplementation))
            {
                return true;
            }
        }

        if (property.IsStatic || property.ContainingType is not { } type)
        {
            return false;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers(property.Name))
            {
                // The cached PHI answer first: finding the implementation walks the whole type hierarchy.
                if (member is IPropertySymbol interfaceProperty
                    && IsPhiMember(interfaceProperty)
                    && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceProperty), property))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // record Patient([Phi] string Diagnosis): the attribute lands on the constructor parameter, not the property.
    private static bool IsTaggedPositionalParameter(IPropertySymbol property)
    {
        if (property.ContainingType is not { IsRecord: true } record)
        {
            return false;
        }

        var declaredAsParameter = property.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is ParameterSyntax);
        if (!declaredAsParameter)
        {
            return false;
        }

        foreach (var constructor in record.InstanceConstructors)
        {
            foreach (var parameter in constructor.Parameters)
            {
                if (parameter.Name == property.Name && HasAttribute(parameter.GetAttributes(), AttributeNames.Phi))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool ComputeIsPhiType(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (HasOurAttribute(current, AttributeNames.Phi))
            {
                return true;
            }

            foreach (var source in _extraSources)
            {
                if (source.IsPhiType(current))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool ComputeCarriesPhi(ITypeSymbol type)
    {
        if (IsPhiType(type))
        {
            return true;
        }

        if (type is IArrayTypeSymbol array)
        {
            return CarriesPhi(array.ElementType);
        }

        if (type is INamedTypeSymbol { IsGenericType: true } generic)
        {
            foreach (var argument in generic.TypeArguments)
            {
                if (!SymbolEqualityComparer.Default.Equals(argument, type) && CarriesPhi(argument))
                {
                    return true;
                }
            }
        }

        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return false;
        }

        if (!MayHavePhiMembers(type))
        {
            return false;
        }

        // Only the type's own declared members (and its bases'): no recursion into member types, which keeps
        // the check cheap and avoids cycles in object graphs.
        for (var current = type; current is not null && current.SpecialType == SpecialType.None; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                var isDataMember = member is IPropertySymbol || member is IFieldSymbol { AssociatedSymbol: null };
                if (isDataMember && !member.IsStatic && IsPhiMember(member))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
