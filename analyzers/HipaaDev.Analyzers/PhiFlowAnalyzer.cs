using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using HipaaDev.Analyzers.Flow;
using HipaaDev.Analyzers.Knowledge;
using HipaaDev.Analyzers.Rules;
using HipaaDev.Analyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaDev.Analyzers
{
    /// <summary>
    /// Reports PHI that reaches the body (HIPAA001), subject (HIPAA002) or template data (HIPAA004) of an SMS or
    /// email. Only blocks that contain a sink, or call a helper that reaches one, get a control-flow graph and a
    /// taint analysis; a compilation that references no messaging SDK costs one type lookup per catalogued type.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PhiFlowAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.PhiInMessageBody,
            Descriptors.PhiInSubject,
            Descriptors.PhiObjectInTemplate);

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

            var options = HipaaDevOptions.Read(context.Compilation, context.Options);
            var knowledge = new PhiKnowledge(PhiSymbolSources.Create(context.Compilation, context.Options, options));
            var session = new PhiFlowSession(context.Compilation, sinks, knowledge, new ApprovedChannels(options.Policy), options.MaxCallDepth);

            context.RegisterOperationBlockStartAction(blockContext =>
            {
                if (blockContext.IsGeneratedCode && !options.AnalyzeGeneratedCode)
                {
                    return;
                }

                var trigger = new SinkTrigger(session);
                blockContext.RegisterOperationAction(
                    trigger.Inspect,
                    OperationKind.Invocation,
                    OperationKind.ObjectCreation,
                    OperationKind.SimpleAssignment,
                    OperationKind.CompoundAssignment,
                    OperationKind.PropertyReference);
                blockContext.RegisterOperationBlockEndAction(endContext =>
                {
                    if (trigger.Found)
                    {
                        AnalyzeBlocks(endContext, session);
                    }
                });
            });
        }

        private static void AnalyzeBlocks(OperationBlockAnalysisContext context, PhiFlowSession session)
        {
            try
            {
                var reported = new HashSet<(string, Location)>();
                var roots = new HashSet<IOperation>();
                foreach (var block in context.OperationBlocks)
                {
                    // Blocks can be nested in a root (a method body holds its block); each root gets one graph.
                    if (!roots.Add(RootOf(block)) || !IsGraphRoot(RootOf(block)))
                    {
                        continue;
                    }

                    var graph = context.GetControlFlowGraph(block);
                    var owner = context.OwningSymbol;
                    var analysis = new FunctionAnalysis(
                        session, graph, owner, session.Approvals.IsApproved(owner), session.MaxCallDepth, 0, firstOrdinal: 0, context.CancellationToken);
                    analysis.Run(owner is IMethodSymbol method ? session.EntryState(method, 0) : new FlowState());

                    foreach (var hit in analysis.Hits)
                    {
                        if (CreateDiagnostic(hit) is { } diagnostic && reported.Add((diagnostic.Id, diagnostic.Location)))
                        {
                            context.ReportDiagnostic(diagnostic);
                        }
                    }
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException && !ThrowOnInternalError)
            {
                // An analyzer must never take the build down (AD0001). Code this analysis cannot follow is left unreported.
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

        private static bool IsGraphRoot(IOperation block) =>
            block.Parent is null && block.Kind is OperationKind.MethodBody or OperationKind.ConstructorBody
                or OperationKind.FieldInitializer or OperationKind.PropertyInitializer or OperationKind.ParameterInitializer
                or OperationKind.Block;

        private static Diagnostic? CreateDiagnostic(SinkHit hit)
        {
            if (!hit.Taint.HasPhi || (hit.IsApproved && hit.Role != SinkRole.Subject))
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
                SinkRole.Subject => Diagnostic.Create(Descriptors.PhiInSubject, location, additional, properties, origin.Name, sink),
                SinkRole.TemplateModel => Diagnostic.Create(Descriptors.PhiObjectInTemplate, location, additional, properties, origin.Name, sink),
                _ => Diagnostic.Create(Descriptors.PhiInMessageBody, location, additional, properties, origin.Name, hit.Spec.PartName, sink),
            };
        }

        /// <summary>Notes whether a block contains a sink or a call into a helper that reaches one.</summary>
        private sealed class SinkTrigger
        {
            private readonly PhiFlowSession _session;

            public SinkTrigger(PhiFlowSession session)
            {
                _session = session;
            }

            public bool Found { get; private set; }

            public void Inspect(OperationAnalysisContext context)
            {
                if (Found)
                {
                    return;
                }

                try
                {
                    Found = context.Operation switch
                    {
                        IInvocationOperation invocation => IsSinkOrHelper(invocation.TargetMethod, context.CancellationToken),
                        IObjectCreationOperation { Constructor: { } constructor } => IsSinkOrHelper(constructor, context.CancellationToken),
                        IPropertyReferenceOperation property => _session.Sinks.ForProperty(property.Property) is not null
                            || (property.Property.GetMethod is { } getter && IsSinkOrHelper(getter, context.CancellationToken)),
                        _ => false,
                    };
                }
                catch (Exception exception) when (exception is not OperationCanceledException && !ThrowOnInternalError)
                {
                    // Never crash the build (AD0001); a block whose trigger failed is left unanalysed.
                }
            }

            private bool IsSinkOrHelper(IMethodSymbol method, System.Threading.CancellationToken cancellationToken) =>
                !_session.Sinks.ForMethod(method).IsEmpty
                || (PhiFlowSession.HasSourceBody(method) || method.IsAbstract || method.IsVirtual) && _session.ReachesSink(method, cancellationToken);
        }
    }
}
