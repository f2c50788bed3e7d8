using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Flow
{
    /// <summary>Where a PHI value came from, for the message and the diagnostic's additional location.</summary>
    internal sealed class PhiOrigin
    {
        public PhiOrigin(string name, Location? location)
        {
            Name = name;
            Location = location;
        }

        /// <summary>How messages name the source, for example <c>Patient.Diagnosis</c>.</summary>
        public string Name { get; }

        public Location? Location { get; }
    }

    /// <summary>
    /// The abstract value of an expression or storage location: does it carry PHI (and from where), and which
    /// parameters of the method being summarised flow into it. Immutable; <see cref="Clean"/> is the bottom.
    /// </summary>
    internal sealed class Taint
    {
        public static readonly Taint Clean = new Taint(null, 0, false);

        private Taint(PhiOrigin? origin, ulong parameters, bool isFreshObject)
        {
            Origin = origin;
            Parameters = parameters;
            IsFreshObject = isFreshObject;
        }

        /// <summary>The PHI source, when the value carries PHI regardless of the method's arguments.</summary>
        public PhiOrigin? Origin { get; }

        /// <summary>Bit i set: the value depends on parameter i of the method being summarised (first 64 only).</summary>
        public ulong Parameters { get; }

        /// <summary>
        /// The value is an object built here (<c>new T { ... }</c>) whose members are tracked one by one, so reading
        /// a member consults that member's own state rather than the whole object's.
        /// </summary>
        public bool IsFreshObject { get; }

        public bool IsClean => Origin is null && Parameters == 0;

        public bool HasPhi => Origin is not null;

        public static Taint FromOrigin(PhiOrigin origin) => new Taint(origin, 0, false);

        public static Taint FromParameter(int ordinal) =>
            ordinal is >= 0 and < 64 ? new Taint(null, 1UL << ordinal, false) : Clean;

        public Taint AsFreshObject() => IsFreshObject ? this : new Taint(Origin, Parameters, true);

        public Taint AsPlainValue() => IsFreshObject ? new Taint(Origin, Parameters, false) : this;

        public Taint Join(Taint other)
        {
            if (other.IsClean && !other.IsFreshObject)
            {
                return this;
            }

            if (IsClean && !IsFreshObject)
            {
                return other;
            }

            var origin = Origin ?? other.Origin;
            var parameters = Parameters | other.Parameters;
            var fresh = IsFreshObject && other.IsFreshObject;
            if (origin == Origin && parameters == Parameters && fresh == IsFreshObject)
            {
                return this;
            }

            return new Taint(origin, parameters, fresh);
        }

        /// <summary>Lattice equality for the fixpoint: which origin won a join does not matter, only whether there is one.</summary>
        public bool SameLevel(Taint other) =>
            HasPhi == other.HasPhi && Parameters == other.Parameters && IsFreshObject == other.IsFreshObject;
    }
}
