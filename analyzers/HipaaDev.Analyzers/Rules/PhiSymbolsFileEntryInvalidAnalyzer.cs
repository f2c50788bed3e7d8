using System.Collections.Immutable;
using System.Linq;
using HipaaDev.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HipaaDev.Analyzers.Rules;

/// <summary>
/// HIPAA006: a <c>PhiSymbols.txt</c> line that is not a usable documentation-comment ID, or names nothing in this
/// compilation. Reported at the line in the additional file, so the IDE shows it where the list is edited.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PhiSymbolsFileEntryInvalidAnalyzer : DiagnosticAnalyzer
{
    public const string Id = "HIPAA006";

    /// <summary>Arguments: the line's entry, what is wrong with it.</summary>
    public static readonly DiagnosticDescriptor Descriptor = RuleDescriptor.Warning(
        Id,
        "PhiSymbols.txt entry is malformed or names no symbol",
        "'{0}' in PhiSymbols.txt {1}. Write one documentation-comment ID per line (T:, P:, F: or M: followed by the full name), or remove the line.",
        "Each line of an AdditionalFiles item named PhiSymbols.txt names a type, property, field or method whose values are PHI. "
        + "A line that is not a documentation-comment ID, or names nothing this project references, marks nothing as PHI.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (!start.Options.AdditionalFiles.Any(PhiSymbolsFile.IsPhiSymbolsFile))
            {
                return;
            }

            start.RegisterAdditionalFileAction(fileContext =>
            {
                if (!PhiSymbolsFile.IsPhiSymbolsFile(fileContext.AdditionalFile)
                    || PhiSymbolsFile.Read(fileContext.AdditionalFile, fileContext.CancellationToken) is not { } parsed)
                {
                    return;
                }

                foreach (var entry in parsed.Entries)
                {
                    var problem = entry.Problem;
                    if (problem is null && !PhiSymbolsFileSource.Resolve(entry.Id, fileContext.Compilation).Any())
                    {
                        problem = "names no type, property, field or method of this project or its references";
                    }

                    if (problem is not null)
                    {
                        fileContext.ReportDiagnostic(Diagnostic.Create(Descriptor, entry.Location, entry.Id, problem));
                    }
                }
            });
        });
    }
}
