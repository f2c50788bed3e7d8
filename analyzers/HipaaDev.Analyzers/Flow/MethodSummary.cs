using System.Collections.Immutable;
using HipaaDev.Analyzers.Sinks;
using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Flow;

/// <summary>A parameter of a helper whose value reaches a sink inside it (possibly through further helpers).</summary>
/// <param name="Ordinal">Parameter ordinal; <see cref="MethodSummary.ThisOrdinal"/> for the receiver.</param>
/// <param name="Site">The SDK call, creation or assignment inside the helper that is the sink.</param>
/// <param name="Via">The helper chain's entry as messages show it, for example <c>NotificationService.SendSms</c>.</param>
internal sealed record ParameterSink(int Ordinal, SinkSpec Spec, SinkRole Role, SyntaxNode Site, string Via);

/// <summary>What a parameter's object (a builder, a writer, a list) holds after the method: helpers that fill what they are given.</summary>
internal sealed record ParameterWrite(int Ordinal, Taint Taint);

/// <summary>A field or property of the method's type (or a static one) that the method leaves holding PHI.</summary>
internal sealed record FieldWrite(ISymbol Member, PhiOrigin Origin);

/// <summary>
/// What a helper method does with PHI, computed once per method and depth budget.
/// </summary>
/// <param name="Returned">The result's taint: PHI of its own, the parameters that flow to it, members of a returned object.</param>
/// <param name="ParameterSinks">Parameters (or <c>this</c>) whose value reaches a sink inside the method.</param>
/// <param name="ParameterWrites">Parameters whose objects receive data inside the method (<c>builder.Append(phi)</c> on a parameter).</param>
/// <param name="FieldWrites">Fields and properties the method leaves holding PHI, for the type-level view of its state.</param>
/// <param name="IsConservative">No body was analysed (depth limit, recursion): every argument flows to the result.</param>
internal sealed record MethodSummary(
    Taint Returned,
    ImmutableArray<ParameterSink> ParameterSinks,
    ImmutableArray<ParameterWrite> ParameterWrites,
    ImmutableArray<FieldWrite> FieldWrites,
    bool IsConservative = false)
{
    /// <summary>The bit that stands for <c>this</c> in <see cref="Taint.Parameters"/>.</summary>
    public const int ThisOrdinal = 63;

    public static readonly MethodSummary Unknown = new(
        Taint.Clean, ImmutableArray<ParameterSink>.Empty, ImmutableArray<ParameterWrite>.Empty, ImmutableArray<FieldWrite>.Empty, IsConservative: true);
}
