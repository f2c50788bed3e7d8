using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace HipaaDev.Analyzers.Flow;

/// <summary>
/// A place that holds a value during one method's analysis: a local, a parameter, a CFG capture, <c>this</c>,
/// or one member of one of those (<c>message.Body</c>, <c>this._text</c>) — access paths of length one.
/// </summary>
internal readonly struct StorageKey : IEquatable<StorageKey>
{
    private static readonly object s_this = new object();

    private StorageKey(object root, ISymbol? member)
    {
        Root = root;
        Member = member;
    }

    /// <summary>An <see cref="ISymbol"/> (local or parameter), a boxed <see cref="CaptureId"/>, or the <c>this</c> marker.</summary>
    public object Root { get; }

    public ISymbol? Member { get; }

    public static StorageKey This => new StorageKey(s_this, null);

    public static StorageKey ForSymbol(ISymbol symbol) => new StorageKey(symbol, null);

    public static StorageKey ForCapture(CaptureId id) => new StorageKey(id, null);

    public StorageKey WithMember(ISymbol member) => new StorageKey(Root, member);

    public bool IsThis => Root == s_this;

    public StorageKey RootOnly => new StorageKey(Root, null);

    public bool Equals(StorageKey other) =>
        RootEquals(Root, other.Root) && SymbolEqualityComparer.Default.Equals(Member, other.Member);

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
