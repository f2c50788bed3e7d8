using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaDev.Analyzers.Flow;

/// <summary>
/// A place that holds a value during one method's analysis: a local, a parameter, a CFG capture, <c>this</c>,
/// or one member of one of those (<c>message.Body</c>, <c>this._text</c>) — access paths of length one.
/// A class, not a struct: the dictionaries and sets keyed by it then share the runtime's precompiled code for
/// reference types, where a struct key made the JIT compile about 75 collection methods in every build that runs
/// without the compiler server.
/// </summary>
internal sealed class StorageKey : IEquatable<StorageKey>
{
    private static readonly object s_this = new object();
    private static readonly StorageKey s_thisKey = new StorageKey(s_this, null);

    private StorageKey(object root, ISymbol? member)
    {
        Root = root;
        Member = member;
    }

    /// <summary>An <see cref="ISymbol"/> (local or parameter), a boxed <see cref="CaptureId"/>, an initialized object's creation, or the <c>this</c> marker.</summary>
    public object Root { get; }

    public ISymbol? Member { get; }

    public static StorageKey This => s_thisKey;

    public static StorageKey ForSymbol(ISymbol symbol) => new StorageKey(symbol, null);

    public static StorageKey ForCapture(CaptureId id) => new StorageKey(id, null);

    /// <summary>
    /// The object an initializer fills outside a graph (<c>new MailMessage { Body = text }</c> in a straight-line
    /// body): the place a graph would capture it in. Compared by reference: one creation is one object.
    /// </summary>
    public static StorageKey ForInitializedObject(IObjectCreationOperation creation) => new StorageKey(creation, null);

    public StorageKey WithMember(ISymbol member) => new StorageKey(Root, member);

    public bool IsThis => Root == s_this;

    public StorageKey RootOnly => Member is null ? this : new StorageKey(Root, null);

    public bool Equals(StorageKey? other) =>
        other is not null && RootEquals(Root, other.Root) && SymbolEqualityComparer.Default.Equals(Member, other.Member);

    public override bool Equals(object? obj) => obj is StorageKey other && Equals(other);

    public override int GetHashCode()
    {
        var root = Root is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : Root.GetHashCode();
        return unchecked((root * 397) ^ (Member is null ? 0 : SymbolEqualityComparer.Default.GetHashCode(Member)));
    }

    private static bool RootEquals(object left, object right) =>
        left is ISymbol leftSymbol && right is ISymbol rightSymbol
            ? SymbolEqualityComparer.Default.Equals(leftSymbol, rightSymbol)
            : left.Equals(right);
}
