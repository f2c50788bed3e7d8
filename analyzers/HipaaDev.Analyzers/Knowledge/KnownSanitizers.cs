using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Knowledge;

/// <summary>
/// Library methods whose result is safe text whatever went in, without a <c>[PhiSanitizer]</c> of their own: one
/// row per method name and the type that declares it (derived types' overrides count too).
/// </summary>
internal static class KnownSanitizers
{
    public static readonly ImmutableArray<(string Type, string Method)> All = ImmutableArray.Create(
        // Microsoft.Extensions.Compliance redaction: every Redact overload, on every redactor, returns redacted text.
        ("Microsoft.Extensions.Compliance.Redaction.Redactor", "Redact"));

    public static bool Contains(IMethodSymbol method)
    {
        foreach (var (typeName, methodName) in All)
        {
            if (method.Name != methodName)
            {
                continue;
            }

            for (var type = method.ContainingType; type is not null; type = type.BaseType)
            {
                if (type.ToDisplayString() == typeName)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
