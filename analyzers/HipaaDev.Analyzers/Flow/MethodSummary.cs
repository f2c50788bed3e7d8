using System.Collections.Immutable;
using HipaaDev.Analyzers.Sinks;

namespace HipaaDev.Analyzers.Flow
{
    /// <summary>A parameter of a helper whose value reaches a sink inside it (possibly through further helpers).</summary>
    internal sealed class ParameterSink
    {
        public ParameterSink(int ordinal, SinkSpec spec, SinkRole role, string via)
        {
            Ordinal = ordinal;
            Spec = spec;
            Role = role;
            Via = via;
        }

        /// <summary>Parameter ordinal; <see cref="MethodSummary.ThisOrdinal"/> for the receiver.</summary>
        public int Ordinal { get; }

        public SinkSpec Spec { get; }

        public SinkRole Role { get; }

        /// <summary>The helper chain's entry as messages show it, for example <c>NotificationService.SendSms</c>.</summary>
        public string Via { get; }
    }

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
