using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HipaaDev.Analyzers.Rules;

/// <summary>
/// HIPAA005: the approved-channel policy value (<c>hipaa_dev.approved_channels</c>) is empty or holds entries that
/// are not channel names. Reported once per compilation without a location: the value may come from any
/// .editorconfig or .globalconfig.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ChannelPolicyMalformedAnalyzer : DiagnosticAnalyzer
{
    public const string Id = "HIPAA005";

    /// <summary>Arguments: what is wrong with the value, the value as written.</summary>
    public static readonly DiagnosticDescriptor Descriptor = RuleDescriptor.Warning(
        Id,
        "Approved-channel policy value is empty or malformed",
        "The 'hipaa_dev.approved_channels' value '{1}' {0}. Write a comma-separated list of channel names made of letters, digits, '.', '_' and '-', or remove the key.",
        "The approved-channel policy key is present but its value is empty or holds entries that are not channel names. "
        + "Entries that are not names are ignored; an empty list approves no channel, so every [ApprovedChannel] is reported by HIPAA003.",
        WellKnownDiagnosticTags.CompilationEnd);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationAction(compilation =>
        {
            var options = HipaaDevOptions.Read(compilation.Compilation, compilation.Options);
            if (options.PolicyProblem is { } problem)
            {
                compilation.ReportDiagnostic(Diagnostic.Create(Descriptor, Location.None, problem, options.RawPolicy));
            }
        });
    }
}
