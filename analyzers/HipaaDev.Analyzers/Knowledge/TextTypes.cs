using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Knowledge;

/// <summary>
/// What the engine knows about .NET types and members that hold, carry or measure text, kept as tables so that
/// teaching it a new text type is one line here. Types are matched by simple name: the same names mean the same
/// thing across the BCL, Newtonsoft.Json, ASP.NET Core and Blazor, and matching by name keeps the tables free of
/// assembly versions.
/// </summary>
internal static class TextTypes
{
    /// <summary>
    /// Types besides <c>string</c>, <c>char</c>, <c>object</c> and <c>dynamic</c> whose values can hold an
    /// object's text. Only calls producing these turn a PHI-carrying object into PHI (serialising, formatting, joining).
    /// </summary>
    public static readonly ImmutableHashSet<string> TextHolders = ImmutableHashSet.Create(
        "StringBuilder", "StringWriter", "StringContent", "HtmlString", "MarkupString",
        "JsonNode", "JsonObject", "JsonArray", "JsonDocument", "JsonElement",
        "JObject", "JToken", "JArray");

    /// <summary>Generic types whose value is their first type argument's, for text purposes (<c>Task&lt;string&gt;</c>).</summary>
    public static readonly ImmutableHashSet<string> Wrappers = ImmutableHashSet.Create(
        "Task", "ValueTask", "Span", "ReadOnlySpan", "Memory", "ReadOnlyMemory");

    /// <summary>Objects a method can write text into: passed to a helper, they come back holding what it wrote.</summary>
    public static readonly ImmutableHashSet<string> Writable = ImmutableHashSet.Create(
        "StringBuilder", "TextWriter", "StringWriter");

    /// <summary>Members whose results say nothing about the text they were computed from.</summary>
    public static readonly ImmutableHashSet<string> NonTextMembers = ImmutableHashSet.Create(
        "Length", "Count", "LongCount", "LongLength", "IndexOf", "LastIndexOf", "IndexOfAny", "LastIndexOfAny",
        "CompareTo", "Compare", "CompareOrdinal", "GetHashCode", "GetType", "Capacity", "Rank");

    /// <summary>Can a value of this type hold text? Unknown types (null) are assumed to.</summary>
    public static bool IsTextLike(ITypeSymbol? type) => type switch
    {
        null or IDynamicTypeSymbol => true,
        IArrayTypeSymbol array => array.ElementType.SpecialType is SpecialType.System_Char or SpecialType.System_Byte,
        { SpecialType: SpecialType.System_String or SpecialType.System_Object or SpecialType.System_Char } => true,
        INamedTypeSymbol { IsGenericType: true } generic when Wrappers.Contains(generic.Name) => IsTextLike(generic.TypeArguments[0]),
        _ => TextHolders.Contains(type.Name),
    };

    /// <summary>Types that never carry text: a flag or nothing.</summary>
    public static bool IsNonText(ITypeSymbol? type) =>
        type is { SpecialType: SpecialType.System_Boolean or SpecialType.System_Void };

    /// <summary>A parameter type a helper can fill with text: a builder, a writer, or a collection or array of strings.</summary>
    public static bool IsFillable(ITypeSymbol type) =>
        Writable.Contains(type.Name)
        || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String }
        || type is INamedTypeSymbol { IsGenericType: true } generic && generic.TypeArguments.Any(a => a.SpecialType == SpecialType.System_String);

    /// <summary>Types a field can keep message text in: text itself, a writable text object, or a collection or array of objects.</summary>
    public static bool CanHoldText(ITypeSymbol? type) => type switch
    {
        null => false,
        IArrayTypeSymbol => true,
        { SpecialType: SpecialType.System_String or SpecialType.System_Object } => true,
        INamedTypeSymbol { IsGenericType: true } generic => generic.TypeArguments.Any(a => CanHoldText(a) || a.TypeKind == TypeKind.Class),
        _ => Writable.Contains(type.Name),
    };
}
