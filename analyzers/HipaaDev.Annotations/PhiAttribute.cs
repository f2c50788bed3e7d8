using System;

namespace HipaaDev.Annotations;

/// <summary>
/// Marks a value as protected health information (PHI). On a field, property, parameter or return value
/// (<c>[return: Phi]</c>) the value itself is PHI. On a class, struct or record every instance, and every
/// member read from an instance, is PHI.
/// </summary>
/// <remarks>
/// The HipaaDev analyzer reports when a PHI value reaches the body (HIPAA001) or subject (HIPAA002) of an
/// SMS or email outside a method, type or assembly marked with <see cref="ApprovedChannelAttribute"/>.
/// The attribute is kept in metadata on purpose (it is not <c>[Conditional]</c>): the analyzer reads it
/// from referenced assemblies, so a shared model library can carry the tags for every project using it.
/// </remarks>
[AttributeUsage(
    AttributeTargets.Field | AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.ReturnValue |
    AttributeTargets.Class | AttributeTargets.Struct,
    AllowMultiple = false,
    Inherited = true)]
public sealed class PhiAttribute : Attribute
{
}
