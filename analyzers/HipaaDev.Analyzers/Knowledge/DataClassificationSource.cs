using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Knowledge;

/// <summary>
/// <c>Microsoft.Extensions.Compliance</c> data classification: a member, return value or type carrying an attribute
/// derived from <c>DataClassificationAttribute</c> holds classified data, which this package treats as PHI.
/// <c>[NoDataClassification]</c> says the opposite and is not PHI. Switched off with
/// <c>hipaa_dev.data_classification_is_phi = false</c>.
/// </summary>
internal sealed class DataClassificationSource : IPhiSymbolSource
{
    public const string ClassificationNamespace = "Microsoft.Extensions.Compliance.Classification";
    private const string BaseAttributeName = "DataClassificationAttribute";
    private const string NotClassifiedAttributeName = "NoDataClassificationAttribute";

    private readonly INamedTypeSymbol _baseAttribute;

    private DataClassificationSource(INamedTypeSymbol baseAttribute)
    {
        _baseAttribute = baseAttribute;
    }

    public static IPhiSymbolSource? Create(Compilation compilation) =>
        compilation.GetTypeByMetadataName(ClassificationNamespace + "." + BaseAttributeName) is { } baseAttribute
            ? new DataClassificationSource(baseAttribute)
            : null;

    public bool IsPhiMember(ISymbol member) => IsClassified(member.GetAttributes());

    public bool IsPhiType(ITypeSymbol type) => IsClassified(type.GetAttributes());

    public bool ReturnsPhi(IMethodSymbol method) => IsClassified(method.GetReturnTypeAttributes());

    private bool IsClassified(ImmutableArray<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass is not { } attributeClass || attributeClass.Name == NotClassifiedAttributeName)
            {
                continue;
            }

            for (var current = attributeClass.BaseType; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, _baseAttribute))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
