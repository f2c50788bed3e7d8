using System.Collections.Immutable;
using System.Linq;
using HipaaDev.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HipaaDev.Analyzers.Knowledge;

/// <summary>
/// HIPAA006: a <c>PhiSymbols.txt</c> line that is not a usable documentation-comment ID, or names nothing in this
/// compilation. Reported at the line in the additional file, so the IDE shows it where the list is edited.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PhiSymbolsFileAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.PhiSymbolsFileEntryInvalid);

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
                        fileContext.ReportDiagnostic(Diagnostic.Create(Descriptors.PhiSymbolsFileEntryInvalid, entry.Location, entry.Id, problem));
                    }
                }
            });
        });
    }
}
