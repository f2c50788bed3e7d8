using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Flow;

/// <summary>
/// The tokens of a piece of syntax, first to last. <c>SyntaxNode.DescendantTokens</c> yields the same tokens through
/// LINQ iterators over Roslyn's token struct, which the runtime compiles again in every build; this walk is part of
/// the precompiled analyzer (see "Precompiled code" in analyzers/README.md).
/// </summary>
internal static class Tokens
{
    /// <summary>Every token of <paramref name="node"/> (missing tokens, which spell nothing, are skipped).</summary>
    public static IEnumerable<SyntaxToken> Of(SyntaxNode node)
    {
        var last = node.GetLastToken();
        for (var token = node.GetFirstToken(); token.RawKind != 0; token = token.GetNextToken())
        {
            yield return token;
            if (token == last)
            {
                yield break;
            }
        }
    }
}
