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

namespace HipaaDev.Analyzers.Flow;

/// <summary>
/// Everything the taint analysis knows about one compilation: sinks, PHI sources, approved channels, options,
/// and the cache of helper-method summaries. Created once per compilation; thread-safe.
/// </summary>
internal sealed partial class PhiFlowSession
{
    public const int DefaultMaxCallDepth = 3;
    private const int MaxFieldWritersFollowed = 32;
    private const int WithoutFieldOrigins = 1 << 16;

    private readonly Compilation _compilation;
    // Keys and values of the framework's collections are classes: a struct there is compiled at run time in every
    // build (see "Precompiled code" in analyzers/README.md).
    private readonly ConcurrentDictionary<SummaryKey, MethodSummary> _summaries = new ConcurrentDictionary<SummaryKey, MethodSummary>();
    private readonly ConcurrentDictionary<IMethodSymbol, FunctionAnalysis> _leafAnalyses =
        new ConcurrentDictionary<IMethodSymbol, FunctionAnalysis>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _mayReachSink =
        new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);

    // Asked at every call the analysis visits (a thousand calls into one helper ask a thousand times): kept per method.
    private readonly ConcurrentDictionary<IMethodSymbol, MethodList> _callTargets =
        new ConcurrentDictionary<IMethodSymbol, MethodList>(SymbolEqualityComparer.Default);
    private readonly Func<IMethodSymbol, MethodList> _findCallTargets;
    private readonly ConcurrentDictionary<IMethodSymbol, Lazy<FunctionBody?>> _bodies =
        new ConcurrentDictionary<IMethodSymbol, Lazy<FunctionBody?>>(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();
    private readonly ThreadLocal<SummaryThread> _thread = new ThreadLocal<SummaryThread>(() => new SummaryThread());
    private readonly Implementations _implementations;
    private readonly Lazy<Disposal> _disposal;
    private readonly ConcurrentDictionary<INamedTypeSymbol, Lazy<Dictionary<ISymbol, PhiOrigin>>> _fieldOrigins =
        new ConcurrentDictionary<INamedTypeSymbol, Lazy<Dictionary<ISymbol, PhiOrigin>>>(SymbolEqualityComparer.Default);

    public PhiFlowSession(Compilation compilation, SinkResolver sinks, SendIndex index, PhiKnowledge knowledge, ApprovedChannels approvals, int maxCallDepth)
    {
        _compilation = compilation;
        Sinks = sinks;
        Index = index;
        Knowledge = knowledge;
        Approvals = approvals;
        MaxCallDepth = Math.Max(0, maxCallDepth);
        Delegates = new StoredDelegates(ModelFor);
        _implementations = new Implementations(compilation, index);
        _findCallTargets = FindCallTargets;
        _disposal = new Lazy<Disposal>(FindDisposal);
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
    public ImmutableArray<IMethodSymbol> CallTargets(IMethodSymbol method) => _callTargets.GetOrAdd(method.OriginalDefinition, _findCallTargets).Methods;

    private MethodList FindCallTargets(IMethodSymbol method)
    {
        var builder = ImmutableArray.CreateBuilder<IMethodSymbol>();
        if (HasSourceBody(method))
        {
            builder.Add(method);
        }

        builder.AddRange(_implementations.Of(method));
        return new MethodList(builder.ToImmutable());
    }

    /// <summary>Whether ending a <c>using</c> declaration's scope can do anything the analysis follows in this compilation.</summary>
    public Disposal Disposal => _disposal.Value;

    private Disposal FindDisposal()
    {
        var dispose = _compilation.GetSpecialType(SpecialType.System_IDisposable).GetMembers(nameof(IDisposable.Dispose)).OfType<IMethodSymbol>().FirstOrDefault();
        var disposeAsync = _compilation.GetTypeByMetadataName("System.IAsyncDisposable")?.GetMembers("DisposeAsync").OfType<IMethodSymbol>().FirstOrDefault();

        // Mirrors what the analysis does at the graph's Dispose call: Dispose returns nothing, so only a sink reached
        // through an implementation counts; DisposeAsync returns a ValueTask, so any implementation gets its summary.
        return new Disposal(
            disposeMatters: dispose is null || MayReachSinkThroughCall(dispose, CancellationToken.None),
            disposeAsyncMatters: disposeAsync is not null && !CallTargets(disposeAsync).IsEmpty);
    }

    /// <summary>Does a call to this method put a parameter into a message, directly or through the helpers it calls?</summary>
    public bool ReachesSink(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (!Index.IsHot(CallName(method)))
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
        if (!Index.IsHot(CallName(method)))
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
    public static string CallName(IMethodSymbol method) => method.MethodKind switch
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
    public FlowState EntryState(IMethodSymbol method)
    {
        var state = new FlowState();
        foreach (var parameter in method.Parameters)
        {
            // Ordinals from LocalFunctionFirstOrdinal up are taken; a 32nd parameter and beyond stand for nothing.
            var taint = parameter.Ordinal < FunctionAnalysis.LocalFunctionFirstOrdinal ? Taint.FromParameter(parameter.Ordinal) : Taint.Clean;
            if (Knowledge.IsPhiParameter(parameter))
            {
                taint = taint.Join(Taint.FromOrigin(new PhiOrigin(parameter.Name, parameter.Locations.FirstOrDefault())));
            }

            state.Set(StorageKey.ForSymbol(parameter), taint);
        }

        if (!method.IsStatic)
        {
            state.Set(StorageKey.This, Taint.FromParameter(MethodSummary.ThisOrdinal));
        }

        return state;
    }

    /// <summary>
    /// The body of a method with a body here (its control-flow graph, or its statements when it has no control flow),
    /// built once: a helper is summarised at several depth budgets and is often a sending block itself, and building
    /// graphs is much of what the analysis costs.
    /// </summary>
    public FunctionBody? BodyOf(IMethodSymbol method, CancellationToken cancellationToken) =>
        _bodies.GetOrAdd(method.OriginalDefinition, m => new Lazy<FunctionBody?>(() => BuildBody(m, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private FunctionBody? BuildBody(IMethodSymbol method, CancellationToken cancellationToken)
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

            if (operation is null)
            {
                continue;
            }

            // A lambda kept in a field (see StoredDelegates) has its graph inside the graph of what declares it.
            if (method.MethodKind == MethodKind.AnonymousFunction)
            {
                if (FunctionBody.GraphOf(operation, cancellationToken) is { } enclosing
                    && StoredDelegates.GraphOfLambda(enclosing, method, cancellationToken) is { } lambda)
                {
                    return FunctionBody.OfGraph(lambda);
                }

                continue;
            }

            if (FunctionBody.Of(operation, Disposal, cancellationToken) is { } body)
            {
                return body;
            }
        }

        return null;
    }

    public static string DisplayName(ISymbol symbol) =>
        symbol.ContainingType is { } type ? $"{type.Name}.{symbol.Name}" : symbol.Name;

#pragma warning disable RS1030 // Helper summaries need the operation tree of methods in other syntax trees; models are cached per tree.
    private SemanticModel ModelFor(SyntaxTree tree) => _models.GetOrAdd(tree, t => _compilation.GetSemanticModel(t));
#pragma warning restore RS1030
}
