using System;
using System.Collections.Immutable;
using System.Linq;

namespace HipaaDev.Analyzers.Flow;

/// <summary>
/// The project's list of approved channels (<c>hipaa_dev.approved_channels</c>). Without the key every channel
/// name is accepted; names compare case-insensitively.
/// </summary>
internal sealed class ChannelPolicy
{
    public const string OptionKey = "hipaa_dev.approved_channels";

    public static readonly ChannelPolicy AcceptAll = new ChannelPolicy(null);

    private ChannelPolicy(ImmutableArray<string>? names)
    {
        Names = names;
    }

    /// <summary>The listed names, or null when the project has no list.</summary>
    public ImmutableArray<string>? Names { get; }

    public bool IsListed => Names is not null;

    public static ChannelPolicy FromList(ImmutableArray<string> names) => new ChannelPolicy(names);

    public bool Accepts(string name) =>
        Names is not { } names || names.Any(listed => string.Equals(listed, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
