using System;
using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Knowledge;

/// <summary>Which referenced assemblies are the .NET framework itself rather than a package the project chose.</summary>
internal static class FrameworkAssemblies
{
    public static bool Contains(IAssemblySymbol? assembly) =>
        assembly is null
        || assembly.Name is "System" or "netstandard" or "mscorlib"
        || assembly.Name.StartsWith("System.", StringComparison.Ordinal);
}
