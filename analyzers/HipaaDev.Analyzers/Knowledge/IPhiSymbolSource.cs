using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Knowledge;

/// <summary>
/// PHI known without attributes: a team's symbol list, well-known healthcare models, data classification.
/// Implementations answer for one compilation and must be cheap and thread-safe.
/// </summary>
internal interface IPhiSymbolSource
{
    /// <summary>A field, property or parameter whose value is PHI.</summary>
    bool IsPhiMember(ISymbol member);

    bool IsPhiType(ITypeSymbol type);

    bool ReturnsPhi(IMethodSymbol method);
}
