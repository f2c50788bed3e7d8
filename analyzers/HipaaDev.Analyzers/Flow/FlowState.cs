using System.Collections.Generic;

namespace HipaaDev.Analyzers.Flow
{
    /// <summary>The taint of every tracked storage location at one program point. Absent means clean.</summary>
    internal sealed class FlowState
    {
        private readonly Dictionary<StorageKey, Taint> _values;

        public FlowState()
        {
            _values = new Dictionary<StorageKey, Taint>();
        }

        private FlowState(Dictionary<StorageKey, Taint> values)
        {
            _values = new Dictionary<StorageKey, Taint>(values);
        }

        public FlowState Clone() => new FlowState(_values);

        public bool TryGet(StorageKey key, out Taint taint)
        {
            if (_values.TryGetValue(key, out var value))
            {
                taint = value;
                return true;
            }

            taint = Taint.Clean;
            return false;
        }

        public Taint Get(StorageKey key) => _values.TryGetValue(key, out var value) ? value : Taint.Clean;

        /// <summary>Strong update: the location now holds exactly this value (a later clean write clears PHI).</summary>
        public void Set(StorageKey key, Taint taint)
        {
            if (taint.IsClean && !taint.IsFreshObject)
            {
                _values.Remove(key);
            }
            else
            {
                _values[key] = taint;
            }
        }

        /// <summary>Weak update: the location may now also hold this value (a collection element, a member).</summary>
        public void Add(StorageKey key, Taint taint)
        {
            if (taint.IsClean)
            {
                return;
            }

            // The container keeps its shape: a fresh object stays one whose members are tracked one by one.
            var current = Get(key);
            var joined = current.Join(taint.AsPlainValue());
            Set(key, current.IsFreshObject ? joined.AsFreshObject() : joined);
        }

        /// <summary>Forgets member paths under a root that is being reassigned.</summary>
        public void RemoveMembersOf(StorageKey root)
        {
            List<StorageKey>? stale = null;
            foreach (var key in _values.Keys)
            {
                if (key.Member is not null && key.RootOnly.Equals(root))
                {
                    (stale ??= new List<StorageKey>()).Add(key);
                }
            }

            if (stale is not null)
            {
                foreach (var key in stale)
                {
                    _values.Remove(key);
                }
            }
        }

        /// <summary>Copies the member paths of one root onto another (<c>var m = capture;</c>).</summary>
        public void CopyMembers(StorageKey from, StorageKey to)
        {
            List<KeyValuePair<StorageKey, Taint>>? copied = null;
            foreach (var pair in _values)
            {
                if (pair.Key.Member is not null && pair.Key.RootOnly.Equals(from))
                {
                    (copied ??= new List<KeyValuePair<StorageKey, Taint>>()).Add(pair);
                }
            }

            if (copied is not null)
            {
                foreach (var pair in copied)
                {
                    _values[to.WithMember(pair.Key.Member!)] = pair.Value;
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

            return changed;
        }
    }
}
