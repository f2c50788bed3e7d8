using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Flow;

/// <summary>Helper summaries: computed once per (method, budget), cut at recursion without caching what depends on the cut.</summary>
internal sealed partial class PhiFlowSession
{
    /// <summary>
    /// The summary of a helper within the given depth budget; conservative at the limit or in recursion. A summary
    /// that depended on a recursive cycle cut below its caller is not cached: it would differ with the order in
    /// which blocks happen to be analysed. Only summaries that are a function of (method, budget) alone are kept.
    /// </summary>
    public MethodSummary GetSummary(IMethodSymbol method, int budget, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        var thread = _thread.Value!;
        thread.SummariesAsked++;
        if (budget <= 0)
        {
            return MethodSummary.Unknown;
        }

        var key = new SummaryKey(method, thread.ComputingFieldOrigins ? budget + WithoutFieldOrigins : budget);
        if (_summaries.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var stack = thread.Stack;
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

    private MethodSummary ComputeSummary(IMethodSymbol method, int budget, CancellationToken cancellationToken)
    {
        var body = BodyOf(method, cancellationToken);
        if (body is null)
        {
            return MethodSummary.Unknown;
        }

        var analysis = AnalysisOf(method, body, budget - 1, cancellationToken);
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

    /// <summary>
    /// The analysis of a method's body from its entry state, following helpers <paramref name="budget"/> levels deep. One
    /// that asked for no helper's summary is the same at every budget: it is kept, so a helper that is also a sending
    /// block (or is summarised at several depths) is analysed once for its findings and all its summaries.
    /// </summary>
    public FunctionAnalysis AnalysisOf(IMethodSymbol method, FunctionBody body, int budget, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        var thread = _thread.Value!;
        if (!thread.ComputingFieldOrigins && _leafAnalyses.TryGetValue(method, out var kept))
        {
            return kept;
        }

        var analysis = new FunctionAnalysis(this, body, method, Approvals.IsApproved(method), budget, cancellationToken);
        var asked = thread.SummariesAsked;
        analysis.Run(EntryState(method));

        // While field origins are computed, reads of fields do not consult them: such an analysis is not the usual one.
        return thread.SummariesAsked == asked && !thread.ComputingFieldOrigins ? _leafAnalyses.GetOrAdd(method, analysis) : analysis;
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

    /// <summary>What the summaries being computed on one thread need: the stack of them, and whether field origins are.</summary>
    private sealed class SummaryThread
    {
        public List<SummaryFrame> Stack { get; set; } = new List<SummaryFrame>();

        // Set while a type's field origins are computed on this thread: the summaries computed then do not consult
        // field origins themselves, so the type-level view never depends on itself (and is cached apart).
        public bool ComputingFieldOrigins { get; set; }

        // Counts every summary asked for on this thread, so an analysis can tell whether it followed any helper.
        public int SummariesAsked { get; set; }
    }

    private sealed class SummaryKey : IEquatable<SummaryKey>
    {
        private readonly IMethodSymbol _method;
        private readonly int _budget;

        public SummaryKey(IMethodSymbol method, int budget)
        {
            _method = method;
            _budget = budget;
        }

        public bool Equals(SummaryKey? other) =>
            other is not null && other._budget == _budget && SymbolEqualityComparer.Default.Equals(other._method, _method);

        public override bool Equals(object? obj) => Equals(obj as SummaryKey);

        public override int GetHashCode() => unchecked(SymbolEqualityComparer.Default.GetHashCode(_method) * 31 + _budget);
    }
}
