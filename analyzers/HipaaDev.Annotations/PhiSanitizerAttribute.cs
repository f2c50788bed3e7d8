using System;

namespace HipaaDev.Annotations;

/// <summary>
/// Declares that the marked method's return value carries no PHI, whatever its arguments were: it masks,
/// abbreviates (initials) or redacts them. The analyzer stops tracking PHI at a call to such a method.
/// </summary>
/// <remarks>
/// Put it only on methods that really remove the identifying content; the analyzer trusts it.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class PhiSanitizerAttribute : Attribute
{
}
