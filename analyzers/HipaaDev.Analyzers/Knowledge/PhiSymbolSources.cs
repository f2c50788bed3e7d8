using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HipaaDev.Analyzers.Knowledge;

/// <summary>
/// Builds the PHI sources that need no attributes, for one compilation: the team's <c>PhiSymbols.txt</c>, Firely's
/// FHIR models and <c>Microsoft.Extensions.Compliance</c> data classification. A source whose library is not
/// referenced is not created, so it costs one type lookup.
/// </summary>
internal static class PhiSymbolSources
{
    public static ImmutableArray<IPhiSymbolSource> Create(Compilation compilation, AnalyzerOptions analyzerOptions, HipaaDevOptions options)
    {
        var sources = ImmutableArray.CreateBuilder<IPhiSymbolSource>();
        if (PhiSymbolsFileSource.Create(compilation, analyzerOptions, CancellationToken.None) is { } listed)
        {
            sources.Add(listed);
        }

        if (FhirModelSource.Create(compilation) is { } fhir)
        {
            sources.Add(fhir);
        }

        if (options.DataClassificationIsPhi && DataClassificationSource.Create(compilation) is { } classified)
        {
            sources.Add(classified);
        }

        return sources.ToImmutable();
    }
}
