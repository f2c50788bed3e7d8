using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Flow;

/// <summary>Where a PHI value came from, for the message and the diagnostic's additional location.</summary>
internal sealed record PhiOrigin(string Name, Location? Location);

/// <summary>
/// The abstract value of an expression or storage location: does it carry PHI (and from where), and which
/// parameters of the method being summarised flow into it. An object built here (<c>new T(...)</c>, an
/// initializer, a tuple, an anonymous object, a <c>with</c> copy) also carries the taint of each member, so a
/// neutral member stays neutral next to a PHI sibling. Immutable; <see cref="Clean"/> is the bottom.
/// </summary>
internal sealed class Taint
{
    public static readonly Taint Clean = new Taint(null, 0, null, null);

    private static readonly ImmutableDictionary<string, Taint> s_noMembers = ImmutableDictionary.Create<string, Taint>(System.StringComparer.Ordinal);

    private Taint(PhiOrigin? origin, ulong parameters, ImmutableDictionary<string, Taint>? members, Taint? unattributed)
    {
        Origin = origin;
        Parameters = parameters;
        Members = members;
        _unattributed = unattributed;
    }

    private readonly Taint? _unattributed;

    /// <summary>The PHI source, when the value (as a whole) carries PHI regardless of the method's arguments.</summary>
    public PhiOrigin? Origin { get; }

    /// <summary>Bit i set: the value depends on parameter i of the method being summarised (first 64 only).</summary>
    public ulong Parameters { get; }

    /// <summary>
    /// For an object built here, the taint of each member written so far, by member name (tuple elements by their
    /// <c>ItemN</c> name); null for any other value. Member taints are plain values: paths have length one.
    /// </summary>
    public ImmutableDictionary<string, Taint>? Members { get; }

    /// <summary>For an object built here, what went into it under no known member; clean for any other value.</summary>
    public Taint Unattributed => _unattributed ?? Clean;

    /// <summary>The object is built here and its members are tracked one by one.</summary>
    public bool IsFreshObject => Members is not null;

    public bool IsClean => Origin is null && Parameters == 0;

    public bool HasPhi => Origin is not null;

    public static Taint FromOrigin(PhiOrigin origin) => new Taint(origin, 0, null, null);

    public static Taint FromParameter(int ordinal) =>
        ordinal is >= 0 and < 64 ? new Taint(null, 1UL << ordinal, null, null) : Clean;

    /// <summary>
    /// A fresh object: <paramref name="unattributed"/> is what went into it without a known member (constructor
    /// arguments of a library type, items added to a collection); members not written hold that.
    /// </summary>
    public static Taint FreshObject(Taint unattributed, IEnumerable<KeyValuePair<string, Taint>>? members = null)
    {
        var map = s_noMembers;
        if (members is not null)
        {
            foreach (var member in members)
            {
                map = map.SetItem(member.Key, member.Value.AsPlainValue());
            }
        }

        return Build(unattributed.AsPlainValue(), map);
    }

    /// <summary>What reading one member of this value yields, before the member's own knowledge is applied.</summary>
    public Taint Member(string name)
    {
        if (Members is null)
        {
            return AsPlainValue();
        }

        return Members.TryGetValue(name, out var member) ? member : Unattributed;
    }

    /// <summary>A fresh object with one member overwritten (strong update).</summary>
    public Taint WithMember(string name, Taint value) =>
        Members is null ? this : Build(Unattributed, Members.SetItem(name, value.AsPlainValue()));

    /// <summary>A fresh object that now also holds a value under no member (an item added to it).</summary>
    public Taint WithUnattributed(Taint value) =>
        Members is null ? Join(value.AsPlainValue()) : Build(Unattributed.Join(value.AsPlainValue()), Members);

    /// <summary>The value without its dependence on one parameter (what else a parameter's object received).</summary>
    public Taint WithoutParameter(int ordinal)
    {
        var plain = AsPlainValue();
        var bits = plain.Parameters & ~(1UL << ordinal);
        return bits == plain.Parameters ? plain : new Taint(plain.Origin, bits, null, null);
    }

    /// <summary>The value as one whole: everything any member holds.</summary>
    public Taint AsPlainValue() => Members is null ? this : new Taint(Origin, Parameters, null, null);

    public Taint Join(Taint other)
    {
        if (other.IsClean && other.Members is null)
        {
            return this;
        }

        if (IsClean && Members is null)
        {
            return other;
        }

        if (Members is not null && other.Members is not null)
        {
            var members = Members;
            foreach (var pair in other.Members)
            {
                members = members.SetItem(pair.Key, Member(pair.Key).Join(pair.Value));
            }

            foreach (var pair in Members)
            {
                if (!other.Members.ContainsKey(pair.Key))
                {
                    members = members.SetItem(pair.Key, pair.Value.Join(other.Unattributed));
                }
            }

            return Build(Unattributed.Join(other.Unattributed), members);
        }

        var origin = Origin ?? other.Origin;
        var parameters = Parameters | other.Parameters;
        if (Members is null && origin == Origin && parameters == Parameters)
        {
            return this;
        }

        return new Taint(origin, parameters, null, null);
    }

    /// <summary>Lattice equality for the fixpoint: which origin won a join does not matter, only whether there is one.</summary>
    public bool SameLevel(Taint other)
    {
        if (HasPhi != other.HasPhi || Parameters != other.Parameters || IsFreshObject != other.IsFreshObject)
        {
            return false;
        }

        if (Members is null || other.Members is null)
        {
            return true;
        }

        if (Members.Count != other.Members.Count || !Unattributed.SameLevel(other.Unattributed))
        {
            return false;
        }

        foreach (var pair in Members)
        {
            if (!other.Members.TryGetValue(pair.Key, out var theirs) || !pair.Value.SameLevel(theirs))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The member name a symbol is tracked under: tuple elements by position, so names do not matter.</summary>
    public static string MemberName(ISymbol member) =>
        member is IFieldSymbol { CorrespondingTupleField: { } element } ? element.Name : member.Name;

    private static Taint Build(Taint unattributed, ImmutableDictionary<string, Taint> members)
    {
        var whole = unattributed;
        foreach (var member in members.Values)
        {
            whole = whole.Join(member);
        }

        return new Taint(whole.Origin, whole.Parameters, members, unattributed.IsClean ? null : unattributed);
    }
}
