using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using HipaaDev.Analyzers.Knowledge;
using HipaaDev.Analyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaDev.Analyzers.Flow
{
    /// <summary>
    /// Everything the taint analysis knows about one compilation: sinks, PHI sources, approved channels, options,
    /// and the cache of helper-method summaries. Created once per compilation; thread-safe.
    /// </summary>
    internal sealed class PhiFlowSession
    {
        public const int DefaultMaxCallDepth = 3;
        private const int MaxImplementationsFollowed = 8;

        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<(IMethodSymbol Method, int Budget), MethodSummary> _summaries =
            new ConcurrentDictionary<(IMethodSymbol, int), MethodSummary>(new MethodBudgetComparer());
        private readonly ConcurrentDictionary<IMethodSymbol, bool> _mayReachSink =
            new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();
        private readonly ThreadLocal<List<SummaryFrame>> _inProgress = new ThreadLocal<List<SummaryFrame>>(() => new List<SummaryFrame>());
        private readonly Lazy<ImmutableDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>>> _implementations;

        public PhiFlowSession(Compilation compilation, SinkResolver sinks, SendIndex index, PhiKnowledge knowledge, ApprovedChannels approvals, int maxCallDepth)
        {
            _compilation = compilation;
            Sinks = sinks;
            Index = index;
            Knowledge = knowledge;
            Approvals = approvals;
            MaxCallDepth = Math.Max(0, maxCallDepth);
            _implementations = new Lazy<ImmutableDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>>>(
                FindImplementations, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public SinkResolver Sinks { get; }

        public SendIndex Index { get; }

        /// <summary>The messaging inventory being collected, or null when the option is off (the usual case).</summary>
        public Inventory.MessagingInventory? Inventory { get; init; }

        public PhiKnowledge Knowledge { get; }

        public ApprovedChannels Approvals { get; }

        public int MaxCallDepth { get; }

        /// <summary>
        /// The methods of this compilation a call may run: the method itself when it has a body here, and its
        /// overrides and interface implementations declared here (so a call through an injected interface is followed).
        /// </summary>
        public ImmutableArray<IMethodSymbol> CallTargets(IMethodSymbol method)
        {
            method = method.OriginalDefinition;
            var builder = ImmutableArray.CreateBuilder<IMethodSymbol>();
            if (HasSourceBody(method))
            {
                builder.Add(method);
            }

            if ((method.IsVirtual || method.IsAbstract || method.ContainingType?.TypeKind == TypeKind.Interface)
                && _implementations.Value.TryGetValue(method, out var implementations))
            {
                builder.AddRange(implementations);
            }

            return builder.ToImmutable();
        }

        /// <summary>
        /// The summary of a helper within the given depth budget; conservative at the limit or in recursion. A summary
        /// that depended on a recursive cycle cut below its caller is not cached: it would differ with the order in
        /// which blocks happen to be analysed. Only summaries that are a function of (method, budget) alone are kept.
        /// </summary>
        public MethodSummary GetSummary(IMethodSymbol method, int budget, CancellationToken cancellationToken)
        {
            method = method.OriginalDefinition;
            if (budget <= 0)
            {
                return MethodSummary.Unknown;
            }

            if (_summaries.TryGetValue((method, budget), out var cached))
            {
                return cached;
            }

            var stack = _inProgress.Value!;
            for (var i = 0; i < stack.Count; i++)
            {
                if (SymbolEqualityComparer.Default.Equals(stack[i].Method, method))
                {
                    // A cycle: everything from that frame up depends on where the cycle was entered.
                    var top = stack[stack.Count - 1];
                    top.LowestCut = Math.Min(top.LowestCut, i);
                    return MethodSummary.Unknown;
                }
            }

            var frame = new SummaryFrame(method, stack.Count);
            stack.Add(frame);
            MethodSummary summary;
            try
            {
                summary = ComputeSummary(method, budget, cancellationToken);
            }
            finally
            {
                stack.RemoveAt(stack.Count - 1);
            }

            if (frame.LowestCut < frame.Depth)
            {
                // Depends on a frame below this one: hand the dependency down and keep the result to this call.
                var caller = stack[stack.Count - 1];
                caller.LowestCut = Math.Min(caller.LowestCut, frame.LowestCut);
                return summary;
            }

            return _summaries.GetOrAdd((method, budget), summary);
        }

        /// <summary>Does a call to this method put a parameter into a message, directly or through the helpers it calls?</summary>
        public bool ReachesSink(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (!Index.IsHot(NameOf(method)))
            {
                return false;
            }

            foreach (var target in CallTargets(method))
            {
                if (MayReachSink(target, cancellationToken) && !GetSummary(target, MaxCallDepth, cancellationToken).ParameterSinks.IsEmpty)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Could a call to this method reach a sink through any method it may run? Syntax only.</summary>
        public bool MayReachSinkThroughCall(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (!Index.IsHot(NameOf(method)))
            {
                return false;
            }

            foreach (var target in CallTargets(method))
            {
                if (MayReachSink(target, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A cheap filter before any summary: does the method's own syntax mention a name that can lead to a send?</summary>
        private bool MayReachSink(IMethodSymbol method, CancellationToken cancellationToken) =>
            _mayReachSink.GetOrAdd(method.OriginalDefinition, m =>
            {
                foreach (var reference in m.DeclaringSyntaxReferences)
                {
                    if (Index.Mentions(reference.GetSyntax(cancellationToken)))
                    {
                        return true;
                    }
                }

                return false;
            });

        /// <summary>The name a call site uses for a method (a constructor is called by its type's name).</summary>
        private static string NameOf(IMethodSymbol method) => method.MethodKind switch
        {
            MethodKind.Constructor => method.ContainingType?.Name ?? method.Name,
            MethodKind.PropertyGet or MethodKind.PropertySet => method.AssociatedSymbol?.Name ?? method.Name,
            _ => method.Name,
        };

        public static bool HasSourceBody(IMethodSymbol method)
        {
            if (method.IsAbstract || method.IsExtern || method.IsImplicitlyDeclared || method.DeclaringSyntaxReferences.IsEmpty)
            {
                return false;
            }

            if (method.MethodKind == MethodKind.PropertyGet)
            {
                // An auto-property's getter only returns its field: the member read itself is the whole story.
                return method.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is not AccessorDeclarationSyntax { Body: null, ExpressionBody: null });
            }

            return method.MethodKind is MethodKind.Ordinary or MethodKind.Constructor
                or MethodKind.UserDefinedOperator or MethodKind.Conversion or MethodKind.ExplicitInterfaceImplementation;
        }

        /// <summary>Builds the entry state of a method: parameters stand for themselves, <c>[Phi]</c> parameters are PHI.</summary>
        public FlowState EntryState(IMethodSymbol method, int firstOrdinal)
        {
            var state = new FlowState();
            foreach (var parameter in method.Parameters)
            {
                var taint = Taint.FromParameter(firstOrdinal + parameter.Ordinal);
                if (parameter.Ordinal + firstOrdinal >= MethodSummary.ThisOrdinal)
                {
                    taint = Taint.Clean;
                }

                if (Knowledge.IsPhiParameter(parameter))
                {
                    taint = taint.Join(Taint.FromOrigin(new PhiOrigin(parameter.Name, parameter.Locations.FirstOrDefault())));
                }

                state.Set(StorageKey.ForSymbol(parameter), taint);
            }

            if (firstOrdinal == 0 && !method.IsStatic)
            {
                state.Set(StorageKey.This, Taint.FromParameter(MethodSummary.ThisOrdinal));
            }

            return state;
        }

        public ControlFlowGraph? BuildControlFlowGraph(IMethodSymbol method, CancellationToken cancellationToken)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var node = reference.GetSyntax(cancellationToken);
                if (node is AccessorDeclarationSyntax { Body: null, ExpressionBody: null })
                {
                    continue;
                }

                var model = ModelFor(node.SyntaxTree);
                var operation = model.GetOperation(node, cancellationToken);
                while (operation?.Parent is not null)
                {
                    operation = operation.Parent;
                }

                switch (operation)
                {
                    case IMethodBodyOperation body:
                        return ControlFlowGraph.Create(body, cancellationToken);
                    case IConstructorBodyOperation constructorBody:
                        return ControlFlowGraph.Create(constructorBody, cancellationToken);
                    case IBlockOperation block:
                        return ControlFlowGraph.Create(block, cancellationToken);
                }
            }

            return null;
        }

        private MethodSummary ComputeSummary(IMethodSymbol method, int budget, CancellationToken cancellationToken)
        {
            var graph = BuildControlFlowGraph(method, cancellationToken);
            if (graph is null)
            {
                return MethodSummary.Unknown;
            }

            var analysis = new FunctionAnalysis(this, graph, method, Approvals.IsApproved(method), budget - 1, 0, firstOrdinal: 0, cancellationToken);
            analysis.Run(EntryState(method, 0));

            var via = DisplayName(method);
            var sinks = ImmutableArray.CreateBuilder<ParameterSink>();
            foreach (var hit in analysis.Hits)
            {
                if (hit.IsApproved && hit.Role != SinkRole.Subject)
                {
                    continue;
                }

                var bits = hit.Taint.Parameters;
                for (var ordinal = 0; bits != 0; ordinal++, bits >>= 1)
                {
                    if ((bits & 1) != 0 && (ordinal < FunctionAnalysis.LocalFunctionFirstOrdinal || ordinal == MethodSummary.ThisOrdinal))
                    {
                        sinks.Add(new ParameterSink(ordinal, hit.Spec, hit.Role, hit.Site, hit.Via ?? via));
                    }
                }
            }

            var returned = analysis.Returned;
            if (Knowledge.ReturnsPhi(method) && !returned.HasPhi)
            {
                returned = returned.Join(Taint.FromOrigin(new PhiOrigin(via + "()", method.Locations.FirstOrDefault())));
            }

            return new MethodSummary(returned, sinks.ToImmutable());
        }

        public static string DisplayName(ISymbol symbol) =>
            symbol.ContainingType is { } type ? $"{type.Name}.{symbol.Name}" : symbol.Name;

#pragma warning disable RS1030 // Helper summaries need the operation tree of methods in other syntax trees; models are cached per tree.
        private SemanticModel ModelFor(SyntaxTree tree) => _models.GetOrAdd(tree, t => _compilation.GetSemanticModel(t));
#pragma warning restore RS1030

        private ImmutableDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> FindImplementations()
        {
            var found = new Dictionary<IMethodSymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);
            void Add(IMethodSymbol declared, IMethodSymbol implementation)
            {
                if (!found.TryGetValue(declared.OriginalDefinition, out var list))
                {
                    found[declared.OriginalDefinition] = list = new List<IMethodSymbol>();
                }

                if (list.Count < MaxImplementationsFollowed && HasSourceBody(implementation))
                {
                    list.Add(implementation.OriginalDefinition);
                }
            }

            foreach (var type in SourceTypes(_compilation.Assembly.GlobalNamespace))
            {
                if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
                {
                    continue;
                }

                foreach (var member in type.GetMembers())
                {
                    if (member is IMethodSymbol { OverriddenMethod: { } overridden } method)
                    {
                        Add(overridden, method);
                    }
                }

                foreach (var @interface in type.AllInterfaces)
                {
                    foreach (var member in @interface.GetMembers())
                    {
                        if (member is IMethodSymbol interfaceMethod
                            && type.FindImplementationForInterfaceMember(interfaceMethod) is IMethodSymbol implementation
                            && SymbolEqualityComparer.Default.Equals(implementation.ContainingAssembly, _compilation.Assembly))
                        {
                            Add(interfaceMethod, implementation);
                        }
                    }
                }
            }

            return found.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutableArray(), (IEqualityComparer<IMethodSymbol>)SymbolEqualityComparer.Default);
        }

        private static IEnumerable<INamedTypeSymbol> SourceTypes(INamespaceSymbol @namespace)
        {
            foreach (var member in @namespace.GetMembers())
            {
                if (member is INamespaceSymbol child)
                {
                    foreach (var type in SourceTypes(child))
                    {
                        yield return type;
                    }
                }
                else if (member is INamedTypeSymbol type)
                {
                    foreach (var nested in WithNested(type))
                    {
                        yield return nested;
                    }
                }
            }
        }

        private static IEnumerable<INamedTypeSymbol> WithNested(INamedTypeSymbol type)
        {
            yield return type;
            foreach (var nested in type.GetTypeMembers())
            {
                foreach (var inner in WithNested(nested))
                {
                    yield return inner;
                }
            }
        }

        /// <summary>A summary being computed on this thread, and the lowest frame a cycle below it reached.</summary>
        private sealed class SummaryFrame
        {
            public SummaryFrame(IMethodSymbol method, int depth)
            {
                Method = method;
                Depth = depth;
                LowestCut = depth;
            }

            public IMethodSymbol Method { get; }

            public int Depth { get; }

            public int LowestCut { get; set; }
        }

        private sealed class MethodBudgetComparer : IEqualityComparer<(IMethodSymbol Method, int Budget)>
        {
            public bool Equals((IMethodSymbol Method, int Budget) x, (IMethodSymbol Method, int Budget) y) =>
                x.Budget == y.Budget && SymbolEqualityComparer.Default.Equals(x.Method, y.Method);

            public int GetHashCode((IMethodSymbol Method, int Budget) obj) =>
                unchecked(SymbolEqualityComparer.Default.GetHashCode(obj.Method) * 31 + obj.Budget);
        }
    }
}
