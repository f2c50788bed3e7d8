using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using HipaaDev.Analyzers.Knowledge;
using HipaaDev.Analyzers.Policy;
using HipaaDev.Analyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaDev.Analyzers.Flow;

/// <summary>
/// Everything the taint analysis knows about one compilation: sinks, PHI sources, approved channels, options,
/// and the cache of helper-method summaries. Created once per compilation; thread-safe.
/// </summary>
internal sealed class PhiFlowSession
{
    public const int DefaultMaxCallDepth = 3;
    private const int MaxFieldWritersFollowed = 32;
    private const int WithoutFieldOrigins = 1 << 16;

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<(IMethodSymbol Method, int Budget), MethodSummary> _summaries =
        new ConcurrentDictionary<(IMethodSymbol, int), MethodSummary>(new MethodBudgetComparer());
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _mayReachSink =
        new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, Lazy<ControlFlowGraph?>> _graphs =
        new ConcurrentDictionary<IMethodSymbol, Lazy<ControlFlowGraph?>>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();
    private readonly ThreadLocal<List<SummaryFrame>> _inProgress = new ThreadLocal<List<SummaryFrame>>(() => new List<SummaryFrame>());
    private readonly Implementations _implementations;
    private readonly ConcurrentDictionary<INamedTypeSymbol, Lazy<Dictionary<ISymbol, PhiOrigin>>> _fieldOrigins =
        new ConcurrentDictionary<INamedTypeSymbol, Lazy<Dictionary<ISymbol, PhiOrigin>>>(SymbolEqualityComparer.Default);

    // Set while a type's field origins are computed on this thread: the summaries computed then do not consult
    // field origins themselves, so the type-level view never depends on itself (and is cached apart).
    private readonly ThreadLocal<bool> _computingFieldOrigins = new ThreadLocal<bool>();

    public PhiFlowSession(Compilation compilation, SinkResolver sinks, SendIndex index, PhiKnowledge knowledge, ApprovedChannels approvals, int maxCallDepth)
    {
        _compilation = compilation;
        Sinks = sinks;
        Index = index;
        Knowledge = knowledge;
        Approvals = approvals;
        MaxCallDepth = Math.Max(0, maxCallDepth);
        Delegates = new StoredDelegates(ModelFor);
        _implementations = new Implementations(compilation);
    }

    public SinkResolver Sinks { get; }

    public StoredDelegates Delegates { get; }

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

        builder.AddRange(_implementations.Of(method));
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

        var key = (method, _computingFieldOrigins.Value ? budget + WithoutFieldOrigins : budget);
        if (_summaries.TryGetValue(key, out var cached))
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

        return _summaries.GetOrAdd(key, summary);
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

    /// <summary>
    /// The control-flow graph of a method with a body here, built once: a helper is summarised at several depth
    /// budgets and is often a sending block itself, and building graphs is most of what the analysis costs.
    /// </summary>
    public ControlFlowGraph? GraphOf(IMethodSymbol method, CancellationToken cancellationToken) =>
        _graphs.GetOrAdd(method.OriginalDefinition, m => new Lazy<ControlFlowGraph?>(() => BuildControlFlowGraph(m, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private ControlFlowGraph? BuildControlFlowGraph(IMethodSymbol method, CancellationToken cancellationToken)
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

            var graph = operation switch
            {
                IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
                IConstructorBodyOperation constructorBody => ControlFlowGraph.Create(constructorBody, cancellationToken),
                IBlockOperation block => ControlFlowGraph.Create(block, cancellationToken),
                IFieldInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
                IPropertyInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
                _ => null,
            };

            // A lambda kept in a field (see StoredDelegates) has its graph inside the graph of what declares it.
            if (graph is not null && method.MethodKind == MethodKind.AnonymousFunction)
            {
                graph = StoredDelegates.GraphOfLambda(graph, method, cancellationToken);
            }

            if (graph is not null)
            {
                return graph;
            }
        }

        return null;
    }

    private MethodSummary ComputeSummary(IMethodSymbol method, int budget, CancellationToken cancellationToken)
    {
        var graph = GraphOf(method, cancellationToken);
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
            if (hit.ChannelAllowsIt)
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

        return new MethodSummary(returned, sinks.ToImmutable(), ParameterWrites(method, analysis.ExitState), FieldWrites(analysis.ExitState));
    }

    /// <summary>What the objects passed in (builders, writers, lists) hold when the method ends, beyond themselves.</summary>
    private static ImmutableArray<ParameterWrite> ParameterWrites(IMethodSymbol method, FlowState? exit)
    {
        if (exit is null)
        {
            return ImmutableArray<ParameterWrite>.Empty;
        }

        var writes = ImmutableArray.CreateBuilder<ParameterWrite>();
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Ordinal >= FunctionAnalysis.LocalFunctionFirstOrdinal || parameter.Type.IsValueType
                || parameter.Type.SpecialType == SpecialType.System_String || parameter.RefKind == RefKind.Out)
            {
                continue;
            }

            var held = exit.Get(StorageKey.ForSymbol(parameter)).WithoutParameter(parameter.Ordinal);
            if (!held.IsClean)
            {
                writes.Add(new ParameterWrite(parameter.Ordinal, held));
            }
        }

        return writes.ToImmutable();
    }

    /// <summary>The fields and properties of <c>this</c>, and static ones, that the method leaves holding PHI.</summary>
    private static ImmutableArray<FieldWrite> FieldWrites(FlowState? exit)
    {
        if (exit is null)
        {
            return ImmutableArray<FieldWrite>.Empty;
        }

        var writes = ImmutableArray.CreateBuilder<FieldWrite>();
        foreach (var entry in exit.Entries)
        {
            var member = entry.Key.IsThis ? entry.Key.Member
                : entry.Key.Member is null && entry.Key.Root is ISymbol { IsStatic: true } symbol and (IFieldSymbol or IPropertySymbol) ? symbol
                : null;
            if (member is not null && entry.Value.Origin is { } origin)
            {
                writes.Add(new FieldWrite(member.OriginalDefinition, origin));
            }
        }

        return writes.ToImmutable();
    }

    /// <summary>
    /// Where a field or property of this compilation gets PHI, when some method of its type writes PHI into it
    /// (a constructor, <c>Prepare</c>, <c>Enqueue</c>): the type-level view of state that lets a method reading
    /// the field see what another method left there. Null when no method of the type does.
    /// </summary>
    public PhiOrigin? FieldOrigin(ISymbol member, CancellationToken cancellationToken)
    {
        if (_computingFieldOrigins.Value || member.ContainingType is not { } type
            || !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _compilation.Assembly)
            || !TextTypes.CanHoldText(member switch { IFieldSymbol field => field.Type, IPropertySymbol property => property.Type, _ => null }))
        {
            return null;
        }

        var origins = _fieldOrigins.GetOrAdd(
            type.OriginalDefinition,
            t => new Lazy<Dictionary<ISymbol, PhiOrigin>>(() => ComputeFieldOrigins(t, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication));
        return origins.Value.TryGetValue(member.OriginalDefinition, out var origin) ? origin : null;
    }

    private Dictionary<ISymbol, PhiOrigin> ComputeFieldOrigins(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var origins = new Dictionary<ISymbol, PhiOrigin>(SymbolEqualityComparer.Default);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { Type: var fieldType } && TextTypes.CanHoldText(fieldType)
                || member is IPropertySymbol { IsIndexer: false, Type: var propertyType } && TextTypes.CanHoldText(propertyType))
            {
                names.Add(member.Name);
            }
        }

        if (names.Count == 0)
        {
            return origins;
        }

        // The writers' summaries are computed on a stack of their own, so a cycle through the method that asked
        // cannot cut them short, and without consulting field origins, so the result never depends on itself.
        var stack = _inProgress.Value;
        _inProgress.Value = new List<SummaryFrame>();
        _computingFieldOrigins.Value = true;
        try
        {
            var followed = 0;
            foreach (var writer in type.GetMembers().OfType<IMethodSymbol>())
            {
                if (!HasSourceBody(writer) || !MentionsAny(writer, names, cancellationToken))
                {
                    continue;
                }

                if (++followed > MaxFieldWritersFollowed)
                {
                    break;
                }

                foreach (var write in GetSummary(writer, MaxCallDepth, cancellationToken).FieldWrites)
                {
                    if (!origins.ContainsKey(write.Member))
                    {
                        origins.Add(write.Member, write.Origin);
                    }
                }
            }
        }
        finally
        {
            _computingFieldOrigins.Value = false;
            _inProgress.Value = stack;
        }

        return origins;
    }

    private static bool MentionsAny(IMethodSymbol method, HashSet<string> names, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            foreach (var token in reference.GetSyntax(cancellationToken).DescendantTokens())
            {
                if (token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken) && names.Contains(token.ValueText))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static string DisplayName(ISymbol symbol) =>
        symbol.ContainingType is { } type ? $"{type.Name}.{symbol.Name}" : symbol.Name;

#pragma warning disable RS1030 // Helper summaries need the operation tree of methods in other syntax trees; models are cached per tree.
    private SemanticModel ModelFor(SyntaxTree tree) => _models.GetOrAdd(tree, t => _compilation.GetSemanticModel(t));
#pragma warning restore RS1030

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
