using System.Collections.Immutable;
using System.IO;
using HipaaDev.Analyzers.Knowledge;
using HipaaDev.Analyzers.Rules;
using HipaaDev.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace HipaaDev.Analyzers.Tests.Adoption;

/// <summary>
/// Runs every analyzer of the package together (flow, channel policy, PhiSymbols.txt) over markup sources, with the
/// shared test references plus the packages adoption relies on: Firely's FHIR models and data classification.
/// </summary>
internal sealed class AdoptionTest : CSharpAnalyzerTest<PhiFlowAnalyzer, DefaultVerifier>
{
    static AdoptionTest()
    {
        PhiFlowAnalyzer.ThrowOnInternalError = true;
    }

    public AdoptionTest(params string[] sources)
    {
        ReferenceAssemblies = TestReferences.Empty;
        TestState.AdditionalReferences.AddRange(AdoptionReferences.All);
        for (var i = 0; i < sources.Length; i++)
        {
            TestState.Sources.Add(($"/0/Test{i}.cs", sources[i]));
        }
    }

    /// <summary>Adds <c>[*]</c> keys to an <c>.editorconfig</c> at the root.</summary>
    public AdoptionTest WithEditorConfig(string keys)
    {
        TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + keys));
        return this;
    }

    public AdoptionTest WithGlobalConfig(string keys)
    {
        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + keys));
        return this;
    }

    public AdoptionTest WithPhiSymbols(string content)
    {
        TestState.AdditionalFiles.Add(("/0/" + PhiSymbolsFile.FileName, content));
        return this;
    }

    public AdoptionTest Expecting(params DiagnosticResult[] expected)
    {
        ExpectedDiagnostics.AddRange(expected);
        return this;
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => AdoptionReferences.Analyzers;
}

/// <summary>References and analyzers for adoption tests, resolved once.</summary>
internal static class AdoptionReferences
{
    /// <summary>Firely's FHIR assemblies (Hl7.Fhir.R4, .Base, .Conformance) and their unit library.</summary>
    private static readonly string[] s_extraPrefixes = { "Hl7.Fhir", "Fhir.Metrics" };

    public static readonly ImmutableArray<MetadataReference> All = Build();

    /// <summary>Every analyzer the package ships, found the way the compiler finds them.</summary>
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(PhiFlowAnalyzer).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
            && type.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).Length > 0)
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    private static ImmutableArray<MetadataReference> Build()
    {
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        builder.AddRange(TestReferences.All);
        foreach (var path in Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (s_extraPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            {
                builder.Add(MetadataReference.CreateFromFile(path));
            }
        }

        return builder.ToImmutable();
    }
}

/// <summary>Expected adoption diagnostics. Arguments are compared only when a test states them.</summary>
internal static class Adopt
{
    public static DiagnosticResult Body(int at) => Located(Descriptors.PhiInMessageBody, at);

    public static DiagnosticResult Template(int at) => Located(Descriptors.PhiObjectInTemplate, at);

    public static DiagnosticResult Channel(int at) =>
        new DiagnosticResult(Descriptors.ChannelNotInPolicy.Id, DiagnosticSeverity.Warning).WithLocation(at);

    /// <summary>HIPAA005 has no location: the value may come from any configuration file.</summary>
    public static DiagnosticResult Policy(string problem, string value) =>
        new DiagnosticResult(Descriptors.ChannelPolicyMalformed).WithArguments(problem, value);

    public static DiagnosticResult SymbolsLine(int at, string entry, string problem) =>
        new DiagnosticResult(Descriptors.PhiSymbolsFileEntryInvalid).WithLocation(at).WithArguments(entry, problem);

    private static DiagnosticResult Located(DiagnosticDescriptor descriptor, int at) =>
        new DiagnosticResult(descriptor.Id, descriptor.DefaultSeverity).WithLocation(at).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);
}
