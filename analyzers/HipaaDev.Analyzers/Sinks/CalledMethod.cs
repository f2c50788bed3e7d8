using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaDev.Analyzers.Sinks;

/// <summary>Which method a piece of code runs: the one answer the analyzer and the code fixes share.</summary>
internal static class CalledMethod
{
    /// <summary>The method an invocation or object creation runs, and its arguments; null for any other operation.</summary>
    public static (IMethodSymbol Method, ImmutableArray<IArgumentOperation> Arguments)? Of(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
        IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
        _ => null,
    };

    /// <summary>The methods a name bound at a call site can run: the method itself, or a property's accessors.</summary>
    public static ImmutableArray<IMethodSymbol> Of(ISymbol? symbol) => symbol switch
    {
        IMethodSymbol method => ImmutableArray.Create(method),
        IPropertySymbol { GetMethod: { } getter, SetMethod: { } setter } => ImmutableArray.Create(getter, setter),
        IPropertySymbol { GetMethod: { } getter } => ImmutableArray.Create(getter),
        IPropertySymbol { SetMethod: { } setter } => ImmutableArray.Create(setter),
        _ => ImmutableArray<IMethodSymbol>.Empty,
    };
}
