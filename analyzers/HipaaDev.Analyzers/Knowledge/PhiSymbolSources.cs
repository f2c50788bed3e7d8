using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HipaaDev.Analyzers.Knowledge
{
    /// <summary>Builds the PHI sources that need no attributes, for one compilation.</summary>
    internal static class PhiSymbolSources
    {
        public static ImmutableArray<IPhiSymbolSource> Create(Compilation compilation, AnalyzerOptions analyzerOptions, HipaaDevOptions options) =>
            ImmutableArray<IPhiSymbolSource>.Empty;
    }
}
