using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Knowledge;

/// <summary>
/// Library methods whose result is safe text whatever went in, without a <c>[PhiSanitizer]</c> of their own: one
/// row per method name and the type that declares it (derived types' overrides count too).
/// </summary>
internal static class KnownSanitizers
{
    // Pairs of (type, method) names, kept flat: an ImmutableArray of tuples is compiled at run time in every build
    // (see "Precompiled code" in analyzers/README.md).
    private static readonly string[] s_typesAndMethods =
    {
        // Microsoft.Extensions.Compliance redaction: every Redact overload, on every redactor, returns redacted text.
        "Microsoft.Extensions.Compliance.Redaction.Redactor", "Redact",
    };

    public static bool Contains(IMethodSymbol method)
    {
        for (var i = 0; i < s_typesAndMethods.Length; i += 2)
        {
            var typeName = s_typesAndMethods[i];
            var methodName = s_typesAndMethods[i + 1];
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
