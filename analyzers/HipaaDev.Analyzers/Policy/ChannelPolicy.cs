using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace HipaaDev.Analyzers.Policy;

/// <summary>
/// The project's list of approved channels (<c>hipaa_dev.approved_channels</c>). Without the key every channel
/// name is accepted; names compare case-insensitively.
/// </summary>
internal sealed class ChannelPolicy
{
    public const string OptionKey = "hipaa_dev.approved_channels";

    public static readonly ChannelPolicy AcceptAll = new(null);

    private ChannelPolicy(ImmutableArray<string>? names)
    {
        Names = names;
    }

    /// <summary>The listed names, or null when the project has no list.</summary>
    public ImmutableArray<string>? Names { get; }

    public bool IsListed => Names is not null;

    /// <summary>
    /// The policy a value of the key gives, and what is wrong with the value ("is empty", "has an empty entry", ...,
    /// phrased to follow the value in the HIPAA005 message) or null. Entries that are not names are dropped; an
    /// empty value yields an empty list, which approves no channel (a broken policy fails closed).
    /// </summary>
    public static (ChannelPolicy Policy, string? Problem) Parse(string value)
    {
        if (value.Trim().Length == 0)
        {
            return (new ChannelPolicy(ImmutableArray<string>.Empty), "is empty");
        }

        var names = ImmutableArray.CreateBuilder<string>();
        var invalid = new List<string>();
        var emptyEntries = 0;
        foreach (var entry in value.Split(','))
        {
            var name = entry.Trim();
            if (name.Length == 0)
            {
                emptyEntries++;
            }
            else if (IsChannelName(name))
            {
                names.Add(name);
            }
            else
            {
                invalid.Add(name);
            }
        }

        var problems = new List<string>();
        if (names.Count == 0)
        {
            problems.Add("names no channel");
        }

        if (emptyEntries > 0)
        {
            problems.Add(emptyEntries == 1 ? "has an empty entry" : $"has {emptyEntries} empty entries");
        }

        if (invalid.Count > 0)
        {
            problems.Add("has entries that are not channel names (" + string.Join(", ", invalid.Select(name => $"'{name}'")) + ")");
        }

        return (new ChannelPolicy(names.ToImmutable()), problems.Count == 0 ? null : string.Join(" and ", problems));
    }

    /// <summary>A channel name: letters, digits, '.', '_' and '-' (the characters policy documents and attributes use).</summary>
    private static bool IsChannelName(string name) =>
        name.Length > 0 && name.All(character => character is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '-');

    public bool Accepts(string name) =>
        Names is not { } names || names.Any(listed => string.Equals(listed, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
