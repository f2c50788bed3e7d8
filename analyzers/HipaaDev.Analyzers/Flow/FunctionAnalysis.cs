using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using HipaaDev.Analyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaDev.Analyzers.Flow;

/// <summary>
/// Flow-sensitive taint analysis of one control-flow graph (a method body, lambda or local function): a worklist
/// fixpoint over basic blocks, then one pass that records every value reaching a sink. Lambdas and local
/// functions are analysed where they are used, with the state of the variables they capture. A straight-line
/// method body (see <see cref="FunctionBody"/>) is one pass over its statements.
/// </summary>
internal sealed partial class FunctionAnalysis
{
    /// <summary>Local function parameters use bits from here up, so they never collide with the method's own.</summary>
    public const int LocalFunctionFirstOrdinal = 32;

    private const int MaxNesting = 4;
    private const int MaxPassesPerBlock = 32;

    private readonly PhiFlowSession _session;
    // Null for a straight-line body, which holds no lambdas, local functions or branches that would need it.
    private readonly ControlFlowGraph? _graph;
    private readonly ImmutableArray<IOperation> _statements;
    private readonly ISymbol _owner;
    private readonly bool _isApproved;
    private readonly int _budget;
    private readonly int _nesting;
    private readonly CancellationToken _cancellationToken;
    private readonly List<SinkHit> _hits = new List<SinkHit>();
    private readonly List<SinkUse> _sites = new List<SinkUse>();
    private readonly HashSet<IMethodSymbol> _localFunctionsInProgress;

    // CFG captures that copy a local or parameter (receivers, handler targets): writes through them reach the original.
    // Only graphs have captures, so these are made on first use: a collection of a struct such as CaptureId is
    // compiled at run time in every build (see "Precompiled code" in analyzers/README.md), and most bodies have no graph.
    private Dictionary<CaptureId, StorageKey>? _captureAliases;
    private Dictionary<CaptureId, IMemberReferenceOperation>? _capturedMembers;
    private Dictionary<ControlFlowRegion, HashSet<CaptureId>>? _liveCaptures;
    private int[]? _handlerBlocks;
    private bool _recording;

    /// <summary>An analysis of a method's (or initializer's) own body, with <paramref name="budget"/> levels of helpers to follow.</summary>
    public FunctionAnalysis(PhiFlowSession session, FunctionBody body, ISymbol owner, bool isApproved, int budget, CancellationToken cancellationToken)
        : this(session, body.Graph, owner, isApproved, budget, nesting: 0, cancellationToken, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default))
    {
        _statements = body.Statements;
    }

    /// <summary>A lambda's or local function's analysis inside its parent's, sharing the parent's budget.</summary>
    private FunctionAnalysis(
        PhiFlowSession session,
        ControlFlowGraph? graph,
        ISymbol owner,
        bool isApproved,
        int budget,
        int nesting,
        CancellationToken cancellationToken,
        HashSet<IMethodSymbol> localFunctionsInProgress)
    {
        _session = session;
        _graph = graph;
        _owner = owner;
        _isApproved = isApproved;
        _budget = budget;
        _nesting = nesting;
        _cancellationToken = cancellationToken;
        _localFunctionsInProgress = localFunctionsInProgress;
    }

    private Dictionary<CaptureId, StorageKey> CaptureAliases => _captureAliases ??= new Dictionary<CaptureId, StorageKey>();

    private Dictionary<CaptureId, IMemberReferenceOperation> CapturedMembers => _capturedMembers ??= new Dictionary<CaptureId, IMemberReferenceOperation>();

    /// <summary>Values that reached sinks, recorded in the final pass.</summary>
    public IReadOnlyList<SinkHit> Hits => _hits;

    /// <summary>Every use of a catalogued member, clean or not; recorded only for the messaging inventory.</summary>
    public IReadOnlyList<SinkUse> Sites => _sites;

    /// <summary>The state where the function ends, after the final pass.</summary>
    public FlowState? ExitState { get; private set; }

    /// <summary>What the function returns.</summary>
    public Taint Returned { get; private set; } = Taint.Clean;

    public void Run(FlowState entry)
    {
        if (_graph is null)
        {
            RunStraightLine(entry);
        }
        else if (!TryRunInOrder(entry))
        {
            RunToFixpoint(entry);
        }
    }

    /// <summary>
    /// A straight-line body: its statements once each, in order, recording as it goes. The final return's value is
    /// what the method returns.
    /// </summary>
    private void RunStraightLine(FlowState state)
    {
        _recording = true;
        foreach (var statement in _statements)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            switch (statement)
            {
                case IExpressionStatementOperation expression:
                    Visit(expression.Operation, state);
                    break;

                case IVariableDeclarationGroupOperation group:
                    Declare(group, state);
                    break;

                // Disposing at the end does nothing the analysis follows (FunctionBody accepts only such declarations).
                case IUsingDeclarationOperation declaration:
                    Declare(declaration.DeclarationGroup, state);
                    break;

                case IReturnOperation { ReturnedValue: { } value }:
                    Returned = Returned.Join(Visit(value, state));
                    break;
            }
        }

        ExitState = state;
        _recording = false;
    }

    /// <summary>A local declaration with an initializer is the assignment a graph would make of it.</summary>
    private void Declare(IVariableDeclarationGroupOperation group, FlowState state)
    {
        foreach (var declarator in group.Declarations.SelectMany(declaration => declaration.Declarators))
        {
            if (declarator.GetVariableInitializer() is { } initializer)
            {
                AssignLocal(StorageKey.ForSymbol(declarator.Symbol), initializer.Value, Visit(initializer.Value, state), state);
            }
        }
    }

    /// <summary>
    /// Most methods have no loops and no exception handlers: their blocks are ordered so every predecessor comes
    /// first, and one pass in that order is the fixpoint. A state is handed on without copying to its last
    /// consumer, so a straight run of blocks shares one state and only branches copy.
    /// </summary>
    private bool TryRunInOrder(FlowState entry)
    {
        var blocks = _graph!.Blocks;
        var pendingConsumers = new int[blocks.Length];
        foreach (var block in blocks)
        {
            if (block.Predecessors.IsEmpty && block.Kind != BasicBlockKind.Entry)
            {
                return false;
            }

            foreach (var predecessor in block.Predecessors)
            {
                if (predecessor.Source.Ordinal >= block.Ordinal)
                {
                    return false;
                }

                pendingConsumers[predecessor.Source.Ordinal]++;
            }
        }

        var outStates = new FlowState?[blocks.Length];
        _recording = true;
        foreach (var block in blocks)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            FlowState? state = null;
            if (block.Kind == BasicBlockKind.Entry)
            {
                state = entry;
            }
            else
            {
                foreach (var predecessor in block.Predecessors)
                {
                    var source = predecessor.Source.Ordinal;
                    if (outStates[source] is not { } input)
                    {
                        continue;
                    }

                    var last = --pendingConsumers[source] == 0;
                    if (last)
                    {
                        outStates[source] = null;
                    }

                    if (state is null)
                    {
                        state = last ? input : input.Clone();
                    }
                    else
                    {
                        state.JoinWith(input);
                    }
                }
            }

            if (state is null)
            {
                // Unreachable code.
                continue;
            }

            if (LeavesRegion(block))
            {
                state.RemoveCapturesExcept(LiveCaptures(block.EnclosingRegion));
            }

            Transfer(block, state);
            if (block.Kind == BasicBlockKind.Exit)
            {
                ExitState = state;
            }

            outStates[block.Ordinal] = pendingConsumers[block.Ordinal] > 0 ? state : null;
        }

        _recording = false;
        return true;
    }

    private void RunToFixpoint(FlowState entry)
    {
        var blocks = _graph!.Blocks;
        var outStates = new FlowState?[blocks.Length];
        var passes = new int[blocks.Length];
        var queued = new bool[blocks.Length];
        var worklist = new Queue<int>();
        worklist.Enqueue(0);
        queued[0] = true;

        while (worklist.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var ordinal = worklist.Dequeue();
            queued[ordinal] = false;
            var block = blocks[ordinal];
            var state = InState(block, entry, outStates);
            Transfer(block, state);

            var changed = false;
            if (outStates[ordinal] is null)
            {
                outStates[ordinal] = state;
                changed = true;
            }
            else if (outStates[ordinal]!.JoinWith(state))
            {
                changed = true;
            }

            // A safety net for pathological graphs: the lattice is finite, but a block joined this often has
            // converged in every realistic method.
            if (!changed || ++passes[ordinal] > MaxPassesPerBlock)
            {
                continue;
            }

            foreach (var successor in Successors(block))
            {
                if (!queued[successor])
                {
                    queued[successor] = true;
                    worklist.Enqueue(successor);
                }
            }

            // Exception handlers have no explicit predecessors: revisit them when anything before them changes.
            foreach (var handler in HandlerBlocks(blocks))
            {
                if (handler > ordinal && !queued[handler])
                {
                    queued[handler] = true;
                    worklist.Enqueue(handler);
                }
            }
        }

        _recording = true;
        foreach (var block in blocks)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (outStates[block.Ordinal] is null)
            {
                continue;
            }

            var state = InState(block, entry, outStates);
            Transfer(block, state);
            if (block.Kind == BasicBlockKind.Exit)
            {
                ExitState = state;
            }
        }

        _recording = false;
    }

    private int[] HandlerBlocks(ImmutableArray<BasicBlock> blocks) =>
        _handlerBlocks ??= blocks.Where(b => b.Predecessors.IsEmpty && b.Kind != BasicBlockKind.Entry).Select(b => b.Ordinal).ToArray();

    private static IEnumerable<int> Successors(BasicBlock block)
    {
        if (block.FallThroughSuccessor?.Destination is { } fallThrough)
        {
            yield return fallThrough.Ordinal;
        }

        if (block.ConditionalSuccessor?.Destination is { } conditional)
        {
            yield return conditional.Ordinal;
        }
    }

    private FlowState InState(BasicBlock block, FlowState entry, FlowState?[] outStates)
    {
        if (block.Kind == BasicBlockKind.Entry)
        {
            return entry.Clone();
        }

        FlowState? state = null;
        if (block.Predecessors.IsEmpty)
        {
            // Catch and finally blocks: anything assigned before them may be live.
            for (var earlier = 0; earlier < block.Ordinal; earlier++)
            {
                state = JoinInto(state, outStates[earlier]);
            }
        }
        else
        {
            foreach (var predecessor in block.Predecessors)
            {
                state = JoinInto(state, outStates[predecessor.Source.Ordinal]);
            }
        }

        state ??= new FlowState();
        state.RemoveCapturesExcept(LiveCaptures(block.EnclosingRegion));
        return state;
    }

    // Cloning the first input is much cheaper than inserting its entries one by one.
    private static FlowState? JoinInto(FlowState? state, FlowState? input)
    {
        if (input is null)
        {
            return state;
        }

        if (state is null)
        {
            return input.Clone();
        }

        state.JoinWith(input);
        return state;
    }

    // Captures die only where control leaves their region, so only blocks entered from another region prune.
    private static bool LeavesRegion(BasicBlock block)
    {
        foreach (var predecessor in block.Predecessors)
        {
            if (predecessor.Source.EnclosingRegion != block.EnclosingRegion)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Captures are scoped to their region and the regions inside it; outside it they are dead.</summary>
    private HashSet<CaptureId> LiveCaptures(ControlFlowRegion region)
    {
        _liveCaptures ??= new Dictionary<ControlFlowRegion, HashSet<CaptureId>>();
        if (_liveCaptures.TryGetValue(region, out var live))
        {
            return live;
        }

        live = new HashSet<CaptureId>();
        for (var current = region; current is not null; current = current.EnclosingRegion)
        {
            live.UnionWith(current.CaptureIds);
        }

        _liveCaptures[region] = live;
        return live;
    }

    private void Transfer(BasicBlock block, FlowState state)
    {
        foreach (var operation in block.Operations)
        {
            Visit(operation, state);
        }

        if (block.BranchValue is { } branchValue)
        {
            var value = Visit(branchValue, state);
            if (block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
            {
                Returned = Returned.Join(value);
            }
        }
    }

    private void Record(SinkSpec spec, IOperation value, Taint taint, string? via = null, bool? approved = null)
    {
        if (!_recording || value.Syntax is null)
        {
            return;
        }

        var role = SinkResolver.RoleAt(spec, value);
        var site = SiteOf(value);
        if (_session.Inventory is not null)
        {
            _sites.Add(new SinkUse(spec, role, site, _owner));
        }

        taint = WithWholeObject(role, value, taint);
        if (taint.IsClean)
        {
            return;
        }

        _hits.Add(new SinkHit(spec, role, value.Syntax, site, taint.AsPlainValue(), via, approved ?? _isApproved));
    }

    private void RecordHelperHit(ParameterSink sink, IOperation argument, Taint taint)
    {
        if (!_recording || argument.Syntax is null)
        {
            return;
        }

        // A generic helper (Render<TModel>(TModel model)) cannot see what its callers pass: the caller's argument type decides.
        taint = WithWholeObject(sink.Role, argument, taint);
        if (taint.IsClean)
        {
            return;
        }

        _hits.Add(new SinkHit(sink.Spec, sink.Role, argument.Syntax, sink.Site, taint.AsPlainValue(), sink.Via, _isApproved));
    }

    /// <summary>A template model whose type has PHI members carries PHI as a whole, even when no PHI value was read into it here.</summary>
    private Taint WithWholeObject(SinkRole role, IOperation value, Taint taint)
    {
        if (role != SinkRole.TemplateModel || taint.HasPhi)
        {
            return taint;
        }

        var type = Unconverted(value).Type;
        return _session.Knowledge.CarriesPhi(type) ? taint.Join(Taint.FromOrigin(CarrierOrigin(type!))) : taint;
    }

    /// <summary>The SDK call, creation or assignment a sink value belongs to (arguments sit under their call).</summary>
    private static SyntaxNode SiteOf(IOperation value)
    {
        for (var operation = value.Parent; operation is not null; operation = operation.Parent)
        {
            if (operation is IInvocationOperation or IObjectCreationOperation or ISimpleAssignmentOperation or ICompoundAssignmentOperation)
            {
                return operation.Syntax;
            }
        }

        return value.Syntax;
    }

    private static IOperation Unconverted(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
