using HipaaDev.Analyzers.Sinks;
using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Flow;

/// <summary>A value that reached a sink during analysis, with what it carried.</summary>
/// <param name="ValueSyntax">The expression that carries the value into the sink (or into the helper that sinks it).</param>
/// <param name="Site">The SDK call, creation or assignment that is the sink (inside the helper, when there is one).</param>
/// <param name="Via">The helper method the value went through, when the sink is inside a helper.</param>
/// <param name="IsApproved">The send happens inside an approved channel (body and template data are then allowed).</param>
internal sealed record SinkHit(SinkSpec Spec, SinkRole Role, SyntaxNode ValueSyntax, SyntaxNode Site, Taint Taint, string? Via, bool IsApproved)
{
    /// <summary>
    /// The policy's one rule about channels: an approved channel may carry PHI in the body and template data,
    /// never in the subject (subjects show on lock screens and in inbox lists whatever the channel).
    /// </summary>
    public bool ChannelAllowsIt => IsApproved && Role != SinkRole.Subject;
}
