using System.Collections.Immutable;
using HipaaDev.Analyzers.Sinks;
using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Flow
{
    /// <summary>A parameter of a helper whose value reaches a sink inside it (possibly through further helpers).</summary>
    /// <param name="Ordinal">Parameter ordinal; <see cref="MethodSummary.ThisOrdinal"/> for the receiver.</param>
    /// <param name="Site">The SDK call, creation or assignment inside the helper that is the sink.</param>
    /// <param name="Via">The helper chain's entry as messages show it, for example <c>NotificationService.SendSms</c>.</param>
    internal sealed record ParameterSink(int Ordinal, SinkSpec Spec, SinkRole Role, SyntaxNode Site, string Via);

    /// <summary>
    /// What a helper method does with PHI, computed once per method and depth budget: whether its result carries
    /// PHI on its own, which parameters flow to its result, and which parameters reach a sink inside it.
    /// </summary>
    internal sealed class MethodSummary
    {
        /// <summary>The bit that stands for <c>this</c> in <see cref="Taint.Parameters"/>.</summary>
        public const int ThisOrdinal = 63;

        public static readonly MethodSummary Unknown = new MethodSummary(Taint.Clean, ImmutableArray<ParameterSink>.Empty, isConservative: true);

        public MethodSummary(Taint returned, ImmutableArray<ParameterSink> parameterSinks, bool isConservative = false)
        {
            Returned = returned;
            ParameterSinks = parameterSinks;
            IsConservative = isConservative;
        }

        public Taint Returned { get; }

        public ImmutableArray<ParameterSink> ParameterSinks { get; }

        /// <summary>No body was analysed (depth limit, recursion): every argument flows to the result.</summary>
        public bool IsConservative { get; }
    }
}
