using System.Collections.Immutable;
using System.Linq;
using HipaaDev.Analyzers.Flow;
using HipaaDev.Analyzers.Knowledge;
using HipaaDev.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaDev.Analyzers
{
    /// <summary>
    /// HIPAA003: an <c>[ApprovedChannel]</c> naming a channel the project's policy
    /// (<c>hipaa_dev.approved_channels</c>) does not list. Such an attribute approves nothing.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ChannelPolicyAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.ChannelNotInPolicy);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var options = HipaaDevOptions.Read(start.Compilation, start.Options);
                if (!options.Policy.IsListed)
                {
                    return;
                }

                var listed = string.Join(", ", options.Policy.Names!.Value);
                void Check(ISymbol symbol, System.Action<Diagnostic> report)
                {
                    foreach (var attribute in symbol.GetAttributes())
                    {
                        if (attribute.AttributeClass?.Name != AttributeNames.ApprovedChannel
                            || attribute.ConstructorArguments.Length != 1
                            || attribute.ConstructorArguments[0].Value is not string name
                            || options.Policy.Accepts(name))
                        {
                            continue;
                        }

                        var location = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation();
                        if (location is not null)
                        {
                            report(Diagnostic.Create(Descriptors.ChannelNotInPolicy, location, name, listed));
                        }
                    }
                }

                start.RegisterSymbolAction(c => Check(c.Symbol, c.ReportDiagnostic), SymbolKind.Method, SymbolKind.NamedType);
                start.RegisterOperationAction(
                    c => Check(((ILocalFunctionOperation)c.Operation).Symbol, c.ReportDiagnostic),
                    OperationKind.LocalFunction);
                start.RegisterCompilationEndAction(c => Check(c.Compilation.Assembly, c.ReportDiagnostic));
            });
        }
    }
}
