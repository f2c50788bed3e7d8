using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using HipaaDev.Analyzers.Knowledge;
using HipaaDev.Analyzers.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

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

        // Every attribute is written in an attribute list: checking the lists costs one callback per list, where a
        // symbol action per method and type and an operation action per lambda cost one per declaration.
        var checker = new AttributeChecker(options.Policy, start.Compilation);
        start.RegisterSyntaxNodeAction(checker.CheckAttributeList, SyntaxKind.AttributeList);
    }

    private sealed class AttributeChecker
    {
        private const string AttributeSuffix = "Attribute";

        private readonly ChannelPolicy _policy;
        private readonly string _listed;
        private readonly Lazy<HashSet<string>> _names;

        public AttributeChecker(ChannelPolicy policy, Compilation compilation)
        {
            _policy = policy;
            _listed = policy.Names is { Length: > 0 } names ? string.Join(", ", names) : "no channel is listed";
            _names = new Lazy<HashSet<string>>(() => NamesOfTheAttribute(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public void CheckAttributeList(SyntaxNodeAnalysisContext context)
        {
            var list = (AttributeListSyntax)context.Node;

            // Most attribute lists ([Phi], [Fact], [HttpGet]) cannot hold it: their owner's attributes are not bound here.
            if (!list.Attributes.Any(attribute => _names.Value.Contains(RightmostName(attribute.Name))))
            {
                return;
            }

            var owner = OwnerOf(list, context.SemanticModel, context.Compilation, context.CancellationToken);
            if (owner is null)
            {
                return;
            }

            foreach (var attribute in owner.GetAttributes())
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

        /// <summary>
        /// What an attribute list applies to, among the targets <c>[ApprovedChannel]</c> allows: the assembly, a type,
        /// a method, a local function or a lambda. Null for anything else (properties, parameters, return values).
        /// </summary>
        private static ISymbol? OwnerOf(AttributeListSyntax list, SemanticModel model, Compilation compilation, CancellationToken cancellationToken)
        {
            if (list.Target is { } target)
            {
                return target.Identifier.IsKind(SyntaxKind.AssemblyKeyword) ? compilation.Assembly
                    : target.Identifier.IsKind(SyntaxKind.MethodKeyword) || target.Identifier.IsKind(SyntaxKind.TypeKeyword) ? DeclaredBy(list.Parent, model, cancellationToken)
                    : null;
            }

            return DeclaredBy(list.Parent, model, cancellationToken);
        }

        private static ISymbol? DeclaredBy(SyntaxNode? declaration, SemanticModel model, CancellationToken cancellationToken) => declaration switch
        {
            BaseMethodDeclarationSyntax or BaseTypeDeclarationSyntax or LocalFunctionStatementSyntax => model.GetDeclaredSymbol(declaration, cancellationToken),
            LambdaExpressionSyntax lambda => model.GetSymbolInfo(lambda, cancellationToken).Symbol,
            _ => null,
        };

        /// <summary>
        /// The names an <c>[ApprovedChannel]</c> can be written with in this compilation: its own, with or without the
        /// suffix, and every using alias whose target ends in one of those (<c>using Channel = ...ApprovedChannelAttribute;</c>).
        /// </summary>
        private static HashSet<string> NamesOfTheAttribute(Compilation compilation)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            AddWithShortForm(names, AttributeNames.ApprovedChannel);
            foreach (var tree in compilation.SyntaxTrees)
            {
                foreach (var directive in tree.GetCompilationUnitRoot().DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>())
                {
                    if (directive.Alias is { } alias && directive.Name is { } target && names.Contains(RightmostName(target)))
                    {
                        AddWithShortForm(names, alias.Name.Identifier.ValueText);
                    }
                }
            }

            return names;
        }

        /// <summary>[X] finds an attribute named X or XAttribute.</summary>
        private static void AddWithShortForm(HashSet<string> names, string name)
        {
            names.Add(name);
            if (name.Length > AttributeSuffix.Length && name.EndsWith(AttributeSuffix, StringComparison.Ordinal))
            {
                names.Add(name.Substring(0, name.Length - AttributeSuffix.Length));
            }
        }

        private static string RightmostName(NameSyntax name) => name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => string.Empty,
        };

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
