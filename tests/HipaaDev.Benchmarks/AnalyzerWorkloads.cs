using System.Collections.Immutable;
using HipaaDev.Benchmarks.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HipaaDev.Benchmarks;

/// <summary>The in-memory compilations the engine benchmarks analyse, built from the codebase generator's files.</summary>
public enum AnalyzerWorkload
{
    /// <summary>One clinic module (models, services, repository, helpers) with its notifier: seven sends, three with PHI.</summary>
    ModuleWithSends,

    /// <summary>The same module plus one method with 1,000 calls into a single send helper.</summary>
    ThousandCallSites,

    /// <summary>The module without its notifier: no block contains a sink, so no control-flow graph should be built.</summary>
    NoSinks,
}

internal static class AnalyzerWorkloads
{
    private static readonly string[] s_sdkPrefixes = ["Twilio", "SendGrid", "MimeKit", "MailKit", "BouncyCastle", "Newtonsoft.Json"];

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(BuildReferences);

    public static CSharpCompilation Create(AnalyzerWorkload workload)
    {
        List<GeneratedFile> files = workload switch
        {
            AnalyzerWorkload.ModuleWithSends => CodebaseGenerator.Module(0).ToList(),
            AnalyzerWorkload.ThousandCallSites => [.. CodebaseGenerator.Module(0), CodebaseGenerator.CallSiteFile(1000)],
            AnalyzerWorkload.NoSinks => CodebaseGenerator.Module(0).Where(file => !file.RelativePath.EndsWith("Notifier.cs", StringComparison.Ordinal)).ToList(),
            _ => throw new ArgumentOutOfRangeException(nameof(workload), workload, "Unknown workload."),
        };

        return Create(files, "Clinic." + workload);
    }

    public static CSharpCompilation Create(IReadOnlyList<GeneratedFile> files, string assemblyName)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files.Select(file => CSharpSyntaxTree.ParseText(file.Text, parseOptions, path: file.RelativePath)).ToList();
        trees.Add(CSharpSyntaxTree.ParseText(ImplicitUsings, parseOptions, path: "GlobalUsings.g.cs"));
        var compilation = CSharpCompilation.Create(
            assemblyName,
            trees,
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        // A workload that does not compile would measure error recovery, not the analysis of real code.
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"The generated workload '{assemblyName}' does not compile:\n{string.Join('\n', errors)}");
        }

        return compilation;
    }

    // What the SDK's ImplicitUsings adds to a console or library project, so the generated files compile unchanged.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static ImmutableArray<MetadataReference> BuildReferences()
    {
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        builder.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        builder.Add(MetadataReference.CreateFromFile(typeof(HipaaDev.Annotations.PhiAttribute).Assembly.Location));
        foreach (var path in Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (s_sdkPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            {
                builder.Add(MetadataReference.CreateFromFile(path));
            }
        }

        return builder.ToImmutable();
    }
}
