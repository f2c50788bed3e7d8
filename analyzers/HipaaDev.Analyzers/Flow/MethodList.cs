using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Flow;

/// <summary>
/// A list of methods kept as a value in the framework's dictionaries. A class rather than the bare
/// <see cref="ImmutableArray{T}"/>: a dictionary of struct values is compiled at run time in every build, while one of
/// class values runs code the framework ships precompiled (see "Precompiled code" in analyzers/README.md).
/// </summary>
internal sealed class MethodList
{
    public MethodList(ImmutableArray<IMethodSymbol> methods) => Methods = methods;

    public ImmutableArray<IMethodSymbol> Methods { get; }
}
