using System;

namespace HipaaDev.Annotations;

/// <summary>
/// Declares that messages sent from inside the marked method, local function, type or assembly go through a
/// channel approved for PHI (for example an encrypted email gateway or a patient portal notification), so PHI
/// in the message body is not reported.
/// </summary>
/// <remarks>
/// Subject lines are still checked (HIPAA002): they show in notification previews and mailbox lists, and
/// S/MIME does not encrypt them. When the project lists its approved channels in <c>.editorconfig</c>
/// (<c>hipaa_dev.approved_channels = secure-email, patient-portal</c>), a name outside that list is reported
/// (HIPAA003) and approves nothing.
/// </remarks>
[AttributeUsage(
    AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Assembly,
    AllowMultiple = false,
    Inherited = false)]
public sealed class ApprovedChannelAttribute : Attribute
{
    /// <summary>Approves the sends inside the marked code for the named channel.</summary>
    /// <param name="name">The channel's name as the messaging policy lists it, for example <c>secure-email</c>.</param>
    public ApprovedChannelAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The channel's name as the messaging policy lists it.</summary>
    public string Name { get; }
}
