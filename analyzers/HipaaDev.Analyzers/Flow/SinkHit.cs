using HipaaDev.Analyzers.Sinks;
using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Flow
{
    /// <summary>A value that reached a sink during analysis, with what it carried.</summary>
    internal sealed class SinkHit
    {
        public SinkHit(SinkSpec spec, SinkRole role, SyntaxNode valueSyntax, Taint taint, string? via, bool isApproved)
        {
            Spec = spec;
            Role = role;
            ValueSyntax = valueSyntax;
            Taint = taint;
            Via = via;
            IsApproved = isApproved;
        }

        public SinkSpec Spec { get; }

        public SinkRole Role { get; }

        /// <summary>The expression that carries the value into the sink (or into the helper that sinks it).</summary>
        public SyntaxNode ValueSyntax { get; }

        public Taint Taint { get; }

        /// <summary>The helper method the value went through, when the sink is inside a helper.</summary>
        public string? Via { get; }

        /// <summary>The send happens inside an approved channel (body and template data are then allowed).</summary>
        public bool IsApproved { get; }
    }
}
