using System.Collections.Generic;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace HipaaDev.Analyzers.Flow;

/// <summary>The taint of every tracked storage location at one program point. Absent means clean.</summary>
internal sealed class FlowState
{
    private readonly Dictionary<StorageKey, Taint> _values;

    // Roots that have member paths (message.Body): lets whole-variable writes skip the member scan, which keeps
    // long methods linear.
    private readonly HashSet<StorageKey> _rootsWithMembers;

    public FlowState()
    {
        _values = new Dictionary<StorageKey, Taint>();
        _rootsWithMembers = new HashSet<StorageKey>();
    }

    private FlowState(FlowState other)
    {
        _values = new Dictionary<StorageKey, Taint>(other._values);
        _rootsWithMembers = new HashSet<StorageKey>(other._rootsWithMembers);
    }

    public FlowState Clone() => new FlowState(this);

    /// <summary>Every tracked location and its taint.</summary>
    public IEnumerable<KeyValuePair<StorageKey, Taint>> Entries => _values;

    public bool TryGet(StorageKey key, out Taint taint)
    {
        if (key.Member is not null && FreshRoot(key) is { } fresh)
        {
            taint = fresh.Member(Taint.MemberName(key.Member));
            return true;
        }

        if (_values.TryGetValue(key, out var value))
        {
            taint = value;
            return true;
        }

        taint = Taint.Clean;
        return false;
    }

    public Taint Get(StorageKey key) => TryGet(key, out var value) ? value : Taint.Clean;

    /// <summary>
    /// Strong update: the location now holds exactly this value (a later clean write clears PHI). A member of an
    /// object built here is written into that object's own member taints.
    /// </summary>
    public void Set(StorageKey key, Taint taint)
    {
        if (key.Member is not null && FreshRoot(key) is { } fresh)
        {
            _values[key.RootOnly] = fresh.WithMember(Taint.MemberName(key.Member), taint);
            return;
        }

        if (taint.IsClean && !taint.IsFreshObject)
        {
            _values.Remove(key);
            return;
        }

        _values[key] = taint;
        if (key.Member is not null)
        {
            _rootsWithMembers.Add(key.RootOnly);
        }
    }

    /// <summary>
    /// Weak update: the location may now also hold this value (a collection element, a member). An object built
    /// here keeps its shape: what is added to it without a member is held apart from its members.
    /// </summary>
    public void Add(StorageKey key, Taint taint)
    {
        if (taint.IsClean)
        {
            return;
        }

        if (key.Member is not null && FreshRoot(key) is { } fresh)
        {
            var name = Taint.MemberName(key.Member);
            _values[key.RootOnly] = fresh.WithMember(name, fresh.Member(name).Join(taint.AsPlainValue()));
            return;
        }

        var current = Get(key);
        Set(key, current.IsFreshObject ? current.WithUnattributed(taint) : current.Join(taint.AsPlainValue()));
    }

    /// <summary>
    /// A write to a member: <c>message.Body = value</c>. An object built here records it per member; any other
    /// object keeps the member path and may now hold the value as a whole.
    /// </summary>
    public void SetMember(StorageKey key, Taint taint)
    {
        if (FreshRoot(key) is not null)
        {
            Set(key, taint);
            return;
        }

        Set(key, taint.AsPlainValue());
        Add(key.RootOnly, taint);
    }

    /// <summary>An item put into a member (<c>message.To.Add(x)</c>): the member, and an object not built here as a whole.</summary>
    public void AddToMember(StorageKey key, Taint taint)
    {
        var fresh = FreshRoot(key) is not null;
        Add(key, taint);
        if (!fresh)
        {
            Add(key.RootOnly, taint);
        }
    }

    /// <summary>Whether a location's object is one built here, whose members are tracked inside its value.</summary>
    private Taint? FreshRoot(StorageKey key) =>
        _values.TryGetValue(key.RootOnly, out var root) && root.IsFreshObject ? root : null;

    /// <summary>Forgets member paths under a root that is being reassigned.</summary>
    public void RemoveMembersOf(StorageKey root)
    {
        if (!_rootsWithMembers.Remove(root))
        {
            return;
        }

        foreach (var key in MemberKeysOf(root))
        {
            _values.Remove(key);
        }
    }

    /// <summary>Copies the member paths of one root onto another (<c>var m = capture;</c>).</summary>
    public void CopyMembers(StorageKey from, StorageKey to)
    {
        if (!_rootsWithMembers.Contains(from))
        {
            return;
        }

        foreach (var key in MemberKeysOf(from))
        {
            Set(to.WithMember(key.Member!), _values[key]);
        }
    }

    /// <summary>Drops CFG captures that are not live in the given set (they belong to regions already left).</summary>
    public void RemoveCapturesExcept(HashSet<CaptureId> live)
    {
        List<StorageKey>? dead = null;
        foreach (var key in _values.Keys)
        {
            if (key.Root is CaptureId id && !live.Contains(id))
            {
                (dead ??= new List<StorageKey>()).Add(key);
            }
        }

        if (dead is not null)
        {
            foreach (var key in dead)
            {
                _values.Remove(key);
                _rootsWithMembers.Remove(key.RootOnly);
            }
        }
    }

    /// <summary>Joins another state into this one; true when this one changed.</summary>
    public bool JoinWith(FlowState other)
    {
        var changed = false;
        foreach (var pair in other._values)
        {
            if (_values.TryGetValue(pair.Key, out var mine))
            {
                var joined = mine.Join(pair.Value);
                if (!joined.SameLevel(mine))
                {
                    _values[pair.Key] = joined;
                    changed = true;
                }
            }
            else
            {
                _values[pair.Key] = pair.Value;
                changed = true;
            }
        }

        _rootsWithMembers.UnionWith(other._rootsWithMembers);
        return changed;
    }

    private List<StorageKey> MemberKeysOf(StorageKey root)
    {
        var keys = new List<StorageKey>();
        foreach (var key in _values.Keys)
        {
            if (key.Member is not null && key.RootOnly.Equals(root))
            {
                keys.Add(key);
            }
        }

        return keys;
    }
}
