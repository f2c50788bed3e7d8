using HipaaDev.Analyzers.Sinks;
using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Flow;

/// <summary>A use of a catalogued SDK member, whatever it carries: one row of the messaging inventory.</summary>
/// <param name="Owner">The method, lambda or local function the site is in.</param>
internal sealed record SinkUse(SinkSpec Spec, SinkRole Role, SyntaxNode Site, ISymbol Owner);
