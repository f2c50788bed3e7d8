using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using HipaaDev.Analyzers.Flow;
using HipaaDev.Analyzers.Inventory;
using HipaaDev.Analyzers.Knowledge;
using HipaaDev.Analyzers.Policy;
using HipaaDev.Analyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaDev.Analyzers.Rules;

/// <summary>
/// Reports PHI that reaches the body (HIPAA001), subject (HIPAA002) or template data (HIPAA004) of an SMS or
/// email. Work is proportional to the code that sends: code blocks are filtered by name on syntax, only those that
/// mention a hot name are looked at in their operation tree, and only blocks that contain a sink, or call a helper
/// that reaches one, get a control-flow graph (or, for a body without control flow, its statements in order: see
/// <see cref="FunctionBody"/>) and a taint analysis. A block that may call a helper the compiler has not reached yet
/// waits for it (see <see cref="WaitingBlocks"/>). A compilation that references no messaging SDK, or only the framework's
/// System.Net.Mail without naming it, costs one type lookup per catalogued type and one scan of the text.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PhiFlowAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        PhiInMessageBody.Descriptor,
        PhiInSubject.Descriptor,
        PhiObjectInTemplate.Descriptor,
        SendSite.Descriptor);

    /// <summary>Tests set this so an internal error fails the test instead of being skipped.</summary>
    internal static bool ThrowOnInternalError { get; set; }

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Generated code is skipped per block unless hipaa_dev.analyze_generated_code = true.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var sinks = SinkResolver.Create(context.Compilation, SinkCatalog.All);
        if (sinks is null)
        {
            return;
        }

        var index = SendIndex.Build(context.Compilation, sinks, context.CancellationToken);
        if (!index.SendsFromSource)
        {
            return;
        }

        var options = HipaaDevOptions.Read(context.Compilation, context.Options);
        var knowledge = new PhiKnowledge(PhiSymbolSources.Create(context.Compilation, context.Options, options));
        var session = new PhiFlowSession(context.Compilation, sinks, index, knowledge, new ApprovedChannels(options.Policy), options.MaxCallDepth)
        {
            Inventory = options.Inventory ? new MessagingInventory() : null,
        };
        if (session.Inventory is { } inventory)
        {
            // The inventory needs every block's sites before it can say which PHI reaches each: one report at the end.
            context.RegisterCompilationEndAction(endContext =>
            {
                foreach (var diagnostic in inventory.Report(options.Policy))
                {
                    endContext.ReportDiagnostic(diagnostic);
                }
            });
        }

        // Syntax first: only a code block that mentions a name that can lead to a send gets its operation tree
        // (which the compiler's own binding has usually cached by now), and a FunctionBody and an analysis only when
        // that tree calls a sink or a helper reaching one.
        var waiting = new WaitingBlocks();
        context.RegisterCodeBlockAction(blockContext =>
        {
            try
            {
                var cancellationToken = blockContext.CancellationToken;
                var released = waiting.Arrive(blockContext.CodeBlock);
                if ((!blockContext.IsGeneratedCode || options.AnalyzeGeneratedCode) && index.Mentions(blockContext.CodeBlock))
                {
                    var roots = RootsOf(blockContext.CodeBlock, blockContext.OwningSymbol, blockContext.SemanticModel, cancellationToken);
                    var block = new WaitingBlocks.Block(blockContext.OwningSymbol, blockContext.CodeBlock, roots, session);

                    // An analysis of part of a file (the IDE's light bulb) hands out nothing else: no helper to wait for.
                    if (blockContext.FilterSpan is not null || !Waits(block, waiting, index))
                    {
                        foreach (var diagnostic in block.Findings(cancellationToken))
                        {
                            blockContext.ReportDiagnostic(diagnostic);
                        }
                    }
                }

                foreach (var block in released ?? Enumerable.Empty<WaitingBlocks.Block>())
                {
                    if (!Waits(block, waiting, index))
                    {
                        // Analysed now, while its helper is fresh; reported with its own file, where it is local.
                        _ = block.Findings(cancellationToken);
                    }
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException && !ThrowOnInternalError)
            {
                // An analyzer must never take the build down (AD0001). Code this analysis cannot follow is left unreported.
            }
        });
        context.RegisterSemanticModelAction(modelContext =>
        {
            foreach (var block in waiting.Finish(modelContext.SemanticModel.SyntaxTree) ?? Enumerable.Empty<WaitingBlocks.Block>())
            {
                foreach (var diagnostic in block.Findings(modelContext.CancellationToken))
                {
                    modelContext.ReportDiagnostic(diagnostic);
                }
            }
        });
    }

    /// <summary>Parks a block until the helpers it may call are handed out; false when there is none left to wait for.</summary>
    private static bool Waits(WaitingBlocks.Block block, WaitingBlocks waiting, SendIndex index)
    {
        block.Helpers ??= index.BlocksNamedIn(block.CodeBlock);
        return waiting.TryWait(block);
    }

    /// <summary>What a block that mentions a hot name reports: nothing unless it calls a sink or a helper reaching one.</summary>
    internal static List<Diagnostic> FindingsOf(WaitingBlocks.Block block, PhiFlowSession session, CancellationToken cancellationToken)
    {
        var findings = new List<Diagnostic>();
        try
        {
            if (block.Roots.Exists(root => SendTrigger.Confirms(root, session, cancellationToken)))
            {
                AnalyzeBlock(block.Owner, block.Roots, session, findings, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException && !ThrowOnInternalError)
        {
            // An analyzer must never take the build down (AD0001). Code this analysis cannot follow is left unreported.
        }

        return findings;
    }

    /// <summary>The operation trees of a code block: a method body holds its block, a constructor its initializer.</summary>
    private static List<IOperation> RootsOf(SyntaxNode codeBlock, ISymbol owner, SemanticModel model, CancellationToken cancellationToken)
    {
        var roots = new List<IOperation>(1);
        if (codeBlock is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax && model.GetOperation(codeBlock, cancellationToken) is { } whole)
        {
            // A method, accessor, operator or constructor is one tree (its body, expression body and initializer): one
            // lookup, where asking for each part looks every one up again and finds the same root.
            roots.Add(RootOf(whole));
            return roots;
        }

        foreach (var node in ExecutableParts(codeBlock, owner))
        {
            if (model.GetOperation(node, cancellationToken) is { } operation
                && RootOf(operation) is var root && !roots.Contains(root))
            {
                roots.Add(root);
            }
        }

        return roots;
    }

    private static void AnalyzeBlock(ISymbol owner, List<IOperation> roots, PhiFlowSession session, List<Diagnostic> findings, CancellationToken cancellationToken)
    {
        var reported = new HashSet<Diagnostic>(SameRuleAndLocation.Instance);
        if (owner is IMethodSymbol method && PhiFlowSession.HasSourceBody(method)
            && method.DeclaringSyntaxReferences.Length == 1 && session.BodyOf(method, cancellationToken) is { } shared)
        {
            // The body its summary uses (or will use) when other blocks call it, and the same analysis when it follows no helper.
            Report(session, session.AnalysisOf(method, shared, session.MaxCallDepth, cancellationToken), reported, findings);
            return;
        }

        foreach (var root in roots)
        {
            if (FunctionBody.Of(root, session.Disposal, cancellationToken) is { } body)
            {
                Analyze(owner, session, body, reported, findings, cancellationToken);
            }
        }
    }

    private static void Analyze(ISymbol owner, PhiFlowSession session, FunctionBody body, HashSet<Diagnostic> reported, List<Diagnostic> findings, CancellationToken cancellationToken)
    {
        var analysis = new FunctionAnalysis(
            session, body, owner, session.Approvals.IsApproved(owner), session.MaxCallDepth, cancellationToken);
        analysis.Run(owner is IMethodSymbol method ? session.EntryState(method) : new FlowState());
        Report(session, analysis, reported, findings);
    }

    private static void Report(PhiFlowSession session, FunctionAnalysis analysis, HashSet<Diagnostic> reported, List<Diagnostic> findings)
    {
        session.Inventory?.Add(analysis.Sites, analysis.Hits);
        foreach (var hit in analysis.Hits)
        {
            if (CreateDiagnostic(hit) is { } diagnostic && reported.Add(diagnostic))
            {
                findings.Add(diagnostic);
            }
        }
    }

    /// <summary>
    /// The declaration and the parts of it that hold code: body, expression body, initializer. A field's block is its
    /// whole declaration (<c>private readonly X _a = ..., _b = ...;</c>); its code is the initializer of its own declarator.
    /// </summary>
    private static IEnumerable<SyntaxNode> ExecutableParts(SyntaxNode declaration, ISymbol owner)
    {
        yield return declaration;
        if (declaration is BaseFieldDeclarationSyntax field)
        {
            foreach (var variable in field.Declaration.Variables)
            {
                if (variable.Initializer is { } initializer && variable.Identifier.ValueText == owner.Name)
                {
                    yield return initializer;
                }
            }

            yield break;
        }

        foreach (var child in declaration.ChildNodes())
        {
            if (child is BlockSyntax or ArrowExpressionClauseSyntax or EqualsValueClauseSyntax or ConstructorInitializerSyntax)
            {
                yield return child;
            }
        }
    }

    private static IOperation RootOf(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    private static Diagnostic? CreateDiagnostic(SinkHit hit)
    {
        if (!hit.Taint.HasPhi || hit.ChannelAllowsIt)
        {
            return null;
        }

        var origin = hit.Taint.Origin!;
        var sink = hit.Via is null ? hit.Spec.MemberDisplayName : $"{hit.Spec.MemberDisplayName}' via '{hit.Via}";
        var additional = origin.Location is { IsInSource: true } source ? new[] { source } : Array.Empty<Location>();
        var location = hit.ValueSyntax.GetLocation();

        // Machine-readable details for SARIF consumers, code fixes and tests.
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.Sink, hit.Spec.Key)
            .Add(DiagnosticProperties.Source, origin.Name)
            .Add(DiagnosticProperties.Via, hit.Via);
        return hit.Role switch
        {
            SinkRole.Subject => Diagnostic.Create(PhiInSubject.Descriptor, location, additional, properties, origin.Name, sink),
            SinkRole.TemplateModel => Diagnostic.Create(PhiObjectInTemplate.Descriptor, location, additional, properties, origin.Name, sink),
            _ => Diagnostic.Create(PhiInMessageBody.Descriptor, location, additional, properties, origin.Name, hit.Spec.PartName, sink),
        };
    }

    /// <summary>
    /// Says whether a code block's operation tree calls a sink, sets a sink property, or calls (or passes as a
    /// delegate) a helper of this compilation that puts a parameter into a message. Only hot names (see
    /// <see cref="SendIndex"/>) are looked up; the tree itself is the one the compiler's binding left cached.
    /// </summary>
    private static class SendTrigger
    {
        public static bool Confirms(IOperation root, PhiFlowSession session, CancellationToken cancellationToken)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                var sends = operation switch
                {
                    IInvocationOperation invocation => IsSinkOrHelper(invocation.TargetMethod, session, cancellationToken),
                    IObjectCreationOperation { Constructor: { } constructor } => IsSinkOrHelper(constructor, session, cancellationToken),
                    IMethodReferenceOperation reference => IsSinkOrHelper(reference.Method, session, cancellationToken),
                    IPropertyReferenceOperation reference => IsSinkOrHelper(reference.Property, session, cancellationToken),

                    // Leaving the scope calls Dispose, and a disposable of this compilation may send from it.
                    IUsingDeclarationOperation declaration => session.Disposal.Matters(declaration.IsAsynchronous),
                    IUsingOperation statement => session.Disposal.Matters(statement.IsAsynchronous),
                    _ => false,
                };

                if (sends)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsSinkOrHelper(IPropertySymbol property, PhiFlowSession session, CancellationToken cancellationToken)
        {
            if (!session.Index.IsHot(property.Name))
            {
                return false;
            }

            if (session.Sinks.ForProperty(property) is not null)
            {
                return true;
            }

            foreach (var accessor in CalledMethod.Of(property))
            {
                if (session.ReachesSink(accessor, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsSinkOrHelper(IMethodSymbol method, PhiFlowSession session, CancellationToken cancellationToken) =>
            session.Index.IsHot(PhiFlowSession.CallName(method))
            && (!session.Sinks.ForMethod(method).IsEmpty || session.ReachesSink(method, cancellationToken));
    }

    /// <summary>
    /// One finding per rule and place: the same value can reach a sink along two paths. (A comparer rather than a set
    /// of (id, location) tuples: a set of a struct is compiled at run time in every build; see "Precompiled code" in
    /// analyzers/README.md.)
    /// </summary>
    private sealed class SameRuleAndLocation : IEqualityComparer<Diagnostic>
    {
        public static readonly SameRuleAndLocation Instance = new SameRuleAndLocation();

        public bool Equals(Diagnostic? x, Diagnostic? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.Id == y.Id && x.Location.Equals(y.Location));

        public int GetHashCode(Diagnostic obj) => unchecked(obj.Id.GetHashCode() * 31 + obj.Location.GetHashCode());
    }
}
