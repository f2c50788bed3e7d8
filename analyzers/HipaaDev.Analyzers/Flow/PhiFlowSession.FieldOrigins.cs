using System;
using System.Collections.Generic;
using System.Threading;
using HipaaDev.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Flow;

/// <summary>The type-level view of state: which fields some method of their type fills with PHI.</summary>
internal sealed partial class PhiFlowSession
{
    /// <summary>
    /// Where a field or property of this compilation gets PHI, when some method of its type writes PHI into it
    /// (a constructor, <c>Prepare</c>, <c>Enqueue</c>): the type-level view of state that lets a method reading
    /// the field see what another method left there. Null when no method of the type does.
    /// </summary>
    public PhiOrigin? FieldOrigin(ISymbol member, CancellationToken cancellationToken)
    {
        if (_thread.Value!.ComputingFieldOrigins || member.ContainingType is not { } type
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
        var thread = _thread.Value!;
        var stack = thread.Stack;
        thread.Stack = new List<SummaryFrame>();
        thread.ComputingFieldOrigins = true;
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
            thread.ComputingFieldOrigins = false;
            thread.Stack = stack;
        }

        return origins;
    }

    /// <summary>
    /// Does a method name one of its type's text fields? Its identifiers, not its text: unlike the send index's checks,
    /// where a word in a comment only costs a look at the tree, every method let through here costs a summary.
    /// </summary>
    private static bool MentionsAny(IMethodSymbol method, HashSet<string> names, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            foreach (var token in Tokens.Of(reference.GetSyntax(cancellationToken)))
            {
                if (token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken) && names.Contains(token.ValueText))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
