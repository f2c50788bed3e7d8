using HipaaDev.Analyzers.Rules;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace HipaaDev.Analyzers.Tests.Infrastructure;

/// <summary>
/// The references every compilation under test gets: .NET 10 reference assemblies (offline), the annotations, and
/// the real messaging SDKs served here with their dependencies. Resolved once.
/// </summary>
internal static class TestReferences
{
    /// <summary>No package download: the framework comes from Basic.Reference.Assemblies.</summary>
    public static readonly ReferenceAssemblies Empty = new("net10.0-basic");

    private static readonly string[] s_sdkPrefixes =
    {
        "Twilio", "SendGrid", "MimeKit", "MailKit", "BouncyCastle", "Microsoft.Graph", "Microsoft.Kiota", "Microsoft.IdentityModel",
        "Azure.Core", "Newtonsoft.Json", "Microsoft.Extensions.Compliance", "Microsoft.Extensions.Options",
        "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.ObjectPool", "Std.UriTemplate",
    };

    /// <summary>Firely's FHIR assemblies (Hl7.Fhir.R4, .Base, .Conformance) and their unit library.</summary>
    private static readonly string[] s_fhirPrefixes = { "Hl7.Fhir", "Fhir.Metrics" };

    /// <summary>Framework, annotations and messaging SDKs: what the direct runs of <see cref="AnalyzerRunner"/> compile against.</summary>
    public static readonly ImmutableArray<MetadataReference> All = Build(s_sdkPrefixes);

    /// <summary><see cref="All"/> plus Firely's FHIR models, for the built-in FHIR knowledge: what <see cref="AnalyzerTest"/> compiles against.</summary>
    public static readonly ImmutableArray<MetadataReference> WithFhir = All.AddRange(Build(s_fhirPrefixes, framework: false));

    /// <summary>Every analyzer the package ships, found the way the compiler finds them.</summary>
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(PhiFlowAnalyzer).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
            && type.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).Length > 0)
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    private static ImmutableArray<MetadataReference> Build(string[] prefixes, bool framework = true)
    {
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        if (framework)
        {
            builder.AddRange(Basic.Reference.Assemblies.Net100.References.All);
            builder.Add(MetadataReference.CreateFromFile(typeof(HipaaDev.Annotations.PhiAttribute).Assembly.Location));
        }

        foreach (var path in Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (prefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            {
                builder.Add(MetadataReference.CreateFromFile(path));
            }
        }

        return builder.ToImmutable();
    }
}
