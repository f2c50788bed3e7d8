using System;
using System.Collections.Immutable;
using HipaaDev.Analyzers.Knowledge;
using HipaaDev.Analyzers.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaDev.Analyzers.Rules;

/// <summary>
/// HIPAA003: an <c>[ApprovedChannel]</c> naming a channel the project's policy (<c>hipaa_dev.approved_channels</c>)
/// does not list; such an attribute approves nothing. Checked where the attribute is written, so the IDE reports
/// it as the file is edited.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ChannelNotInPolicyAnalyzer : DiagnosticAnalyzer
{
    public const string Id = "HIPAA003";

    /// <summary>Arguments: channel name, the policy list.</summary>
    public static readonly DiagnosticDescriptor Descriptor = RuleDescriptor.Warning(
        Id,
        "Approved channel is not in the project's policy list",
        "Channel '{0}' is not in the approved-channel policy list ({1}). Use a listed channel, or add it to 'hipaa_dev.approved_channels' in .editorconfig once it has been reviewed.",
        "An [ApprovedChannel] attribute names a channel that the project's messaging policy (hipaa_dev.approved_channels) does not list, "
        + "so it approves nothing.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptor);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        var options = HipaaDevOptions.Read(start.Compilation, start.Options);
        if (!options.Policy.IsListed)
        {
            return;
        }

        var checker = new AttributeChecker(options.Policy);
        start.RegisterSymbolAction(c => checker.Check(c.Symbol, c.ReportDiagnostic), SymbolKind.Method, SymbolKind.NamedType);
        start.RegisterOperationAction(
            c => checker.Check(((ILocalFunctionOperation)c.Operation).Symbol, c.ReportDiagnostic),
            OperationKind.LocalFunction);
        start.RegisterOperationAction(
            c => checker.Check(((IAnonymousFunctionOperation)c.Operation).Symbol, c.ReportDiagnostic),
            OperationKind.AnonymousFunction);

        // Assembly attributes are checked where they are written, so the IDE reports them as the file is edited
        // instead of only in a full build's compilation-end pass.
        start.RegisterSyntaxNodeAction(c => checker.CheckAssemblyAttributes(c), SyntaxKind.AttributeList);
    }

    private sealed class AttributeChecker
    {
        private readonly ChannelPolicy _policy;
        private readonly string _listed;

        public AttributeChecker(ChannelPolicy policy)
        {
            _policy = policy;
            _listed = policy.Names is { Length: > 0 } names ? string.Join(", ", names) : "no channel is listed";
        }

        public void Check(ISymbol symbol, Action<Diagnostic> report)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (Rejected(attribute) is { } name && attribute.ApplicationSyntaxReference is { } reference)
                {
                    report(Diagnostic.Create(Descriptor, reference.GetSyntax().GetLocation(), name, _listed));
                }
            }
        }

        public void CheckAssemblyAttributes(SyntaxNodeAnalysisContext context)
        {
            var list = (AttributeListSyntax)context.Node;
            if (list.Target is null || !list.Target.Identifier.IsKind(SyntaxKind.AssemblyKeyword))
            {
                return;
            }

            foreach (var attribute in context.Compilation.Assembly.GetAttributes())
            {
                if (attribute.ApplicationSyntaxReference is { } reference
                    && reference.SyntaxTree == list.SyntaxTree
                    && list.Span.Contains(reference.Span)
                    && Rejected(attribute) is { } name)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptor, reference.GetSyntax(context.CancellationToken).GetLocation(), name, _listed));
                }
            }
        }

        /// <summary>The channel name of an <c>[ApprovedChannel]</c> the policy does not accept, else null.</summary>
        private string? Rejected(AttributeData attribute)
        {
            if (attribute.AttributeClass?.Name != AttributeNames.ApprovedChannel
                || attribute.ConstructorArguments.Length != 1
                || attribute.ConstructorArguments[0].Value is not string name)
            {
                return null;
            }

            return _policy.Accepts(name) ? null : name;
        }
    }
}
