using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using HipaaDev.Analyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace HipaaDev.Analyzers.Flow;

/// <summary>
/// Which names in this compilation's source can lead to a send, found from syntax alone (no binding, no
/// operation trees). A name is "hot" when it is a catalogued sink member or sink type, or the name of a method,
/// constructor or property of this compilation whose body mentions a hot name. Code that mentions no hot name
/// cannot send and is never bound by the analyzer; code that does is bound only at those names to confirm.
/// Built once per compilation in one pass over the text of every tree, then a worklist over names (linear).
/// </summary>
internal sealed class SendIndex
{
    private readonly HashSet<string> _hot;
    private readonly NameTable _hotNames;
    private readonly HashSet<string> _declared;

    // Every declaration with a body seen while building, and whether it mentions a hot name: most code blocks are
    // answered by one lookup instead of a second walk over their tokens.
    private readonly Dictionary<SyntaxNode, bool> _declarations;

    // The code blocks the compiler hands out (a method, a constructor, a property's expression body, an accessor with
    // a body) by the name they are called by, and the declared names each one mentions.
    private readonly Dictionary<string, List<SyntaxNode>> _blocksByName;
    private readonly Dictionary<SyntaxNode, string[]> _blockMentions;

    private SendIndex(Scan scan, HashSet<string> hot, bool sendsFromSource)
    {
        _hot = hot;
        _hotNames = new NameTable(hot);
        _declared = new HashSet<string>(scan.DeclaredNames);
        _declarations = scan.MarkMentioning(hot);
        (_blocksByName, _blockMentions) = scan.Blocks();
        SendsFromSource = sendsFromSource;
    }

    /// <summary>
    /// False when the only sink types are the framework's (System.Net.Mail is in every .NET reference set) and
    /// the source names none of them: such a compilation does not send, and the analyzer does no per-block work.
    /// A name in a comment or a string counts too (the text is read by words), which only costs the per-block check.
    /// </summary>
    public bool SendsFromSource { get; }

    public bool IsHot(string name) => _hot.Contains(name);

    /// <summary>Does the source declare a method (an explicit interface implementation included), constructor or property of this name?</summary>
    public bool Declares(string name) => _declared.Contains(name);

    /// <summary>
    /// The code blocks of this compilation declared under a name that <paramref name="codeBlock"/> (a block the
    /// compiler handed out) mentions, itself excepted: the helpers of this compilation it can call, read from its text
    /// without binding it, and some it does not call (an overload, a namesake in another type). At most
    /// <see cref="MaxBlocksNamed"/>; empty for a block the index did not read (a field's initializer, a record's primary
    /// constructor).
    /// </summary>
    public List<SyntaxNode> BlocksNamedIn(SyntaxNode codeBlock)
    {
        var blocks = new List<SyntaxNode>();
        if (_blockMentions.TryGetValue(codeBlock, out var mentions))
        {
            foreach (var name in mentions)
            {
                if (!_blocksByName.TryGetValue(name, out var named))
                {
                    continue;
                }

                foreach (var block in named)
                {
                    if (block != codeBlock)
                    {
                        blocks.Add(block);
                        if (blocks.Count == MaxBlocksNamed)
                        {
                            return blocks;
                        }
                    }
                }
            }
        }

        return blocks;
    }

    /// <summary>
    /// A name declared in hundreds of types (<c>Create</c>, <c>Handle</c>) would have every block that mentions it list
    /// them all: the list is cut here, which only ends a block's wait sooner.
    /// </summary>
    private const int MaxBlocksNamed = 64;

    /// <summary>
    /// Does this piece of syntax mention a hot name? Looked up for the declarations the index read; any other code block
    /// (a field, an auto-property, a record's primary constructor) has its text read the same way, which is cheaper
    /// than walking its tokens: that builds a syntax node for every piece of it.
    /// </summary>
    public bool Mentions(SyntaxNode node)
    {
        if (_declarations.TryGetValue(node, out var mentions))
        {
            return mentions;
        }

        // A target-typed new(...) names no type, but a message object made that way is named elsewhere in the
        // block (its declared type, the property it is assigned to, the method it is passed to), so it is not a
        // reason to bind on its own; the trigger binds it once the block mentions a hot name.
        var found = new HashSet<string>();
        CollectNames(node.SyntaxTree.GetText(), node, _hotNames, found, new char[Math.Min(ChunkLength, Math.Max(1, node.Span.Length))]);
        return found.Count > 0;
    }

    /// <summary>
    /// What a <c>using</c> statement or declaration calls without naming it, when its scope ends: a body that says
    /// <c>using</c> mentions these, so a disposable of this compilation that sends on disposal makes it hot.
    /// </summary>
    private static readonly string[] s_disposeNames = { "Dispose", "DisposeAsync" };

    /// <summary>
    /// Text is read in pieces of this many characters through one reused buffer (16 KB): a string or array holding a
    /// whole file of the fan-out's size lands on the large object heap, and that allocation set off the process's
    /// first full garbage collection while the index was being built, in the middle of this analyzer's time.
    /// </summary>
    private const int ChunkLength = 8192;

    public static SendIndex Build(Compilation compilation, SinkResolver sinks, CancellationToken cancellationToken)
    {
        // First the declarations and their names, then the words of each body, keeping only the words that are a
        // sink's or a declaration's name: nothing else can make a name hot.
        var scan = new Scan();
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            scan.AddDeclarations(tree.GetText(cancellationToken), tree.GetRoot(cancellationToken));
        }

        var buffer = new char[ChunkLength];
        scan.ReadMentions(new NameTable(scan.DeclaredNames.Concat(sinks.SinkNames)), buffer, cancellationToken);
        var hot = scan.CloseOver(sinks.SinkNames);

        // An SDK package in the references is used on purpose; the framework's System.Net.Mail is always there,
        // so it counts only when the source names one of its types.
        return new SendIndex(scan, hot, sinks.HasPackageSinks || NamesAny(compilation, new NameTable(sinks.TypeNames), buffer, cancellationToken));
    }

    /// <summary>
    /// The declarations of the compilation and the names each one mentions. Each loop lives in a method of its own:
    /// a build that runs without the compiler server starts every analyzer method unoptimised, and a loop that runs
    /// long inside a large method gets that method compiled a second time (on-stack replacement) while the build
    /// waits, which cost about 40 ms per build when this was one method.
    /// </summary>
    private sealed class Scan
    {
        private readonly List<Declaration> _found = new List<Declaration>();

        // mentionedBy[name]: the declared names (methods, constructors' types, properties) whose bodies mention it.
        private readonly Dictionary<string, List<string>> _mentionedBy = new Dictionary<string, List<string>>();
        private readonly HashSet<string> _words = new HashSet<string>();

        public IEnumerable<string> DeclaredNames => _found.Select(declaration => declaration.Name);

        /// <summary>
        /// Down to the members of types only, through the typed member lists rather than a walk over every child
        /// node: parameter lists, attributes, fields and bodies hold no declaration this index names.
        /// </summary>
        public void AddDeclarations(SourceText text, SyntaxNode root)
        {
            if (root is CompilationUnitSyntax unit)
            {
                AddMembers(text, unit.Members);
            }
        }

        private void AddMembers(SourceText text, SyntaxList<MemberDeclarationSyntax> members)
        {
            foreach (var member in members)
            {
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax ns:
                        AddMembers(text, ns.Members);
                        break;

                    case TypeDeclarationSyntax type:
                        AddMembers(text, type.Members);
                        break;

                    case MethodDeclarationSyntax method:
                        _found.Add(new Declaration(text, method, method.Identifier.ValueText, BlockOf(method)));
                        break;

                    // A constructor is reached through its type's name (new Notifier(...)), which it shares.
                    case ConstructorDeclarationSyntax constructor:
                        _found.Add(new Declaration(text, constructor, constructor.Identifier.ValueText, BlockOf(constructor)));
                        break;

                    case PropertyDeclarationSyntax property:
                        AddProperty(text, property);
                        break;
                }
            }
        }

        private void AddProperty(SourceText text, PropertyDeclarationSyntax property)
        {
            if (property.ExpressionBody is { } expressionBody)
            {
                // The compiler hands the whole property out as one block, run as its getter.
                _found.Add(new Declaration(text, expressionBody, property.Identifier.ValueText, property));
            }

            foreach (var accessor in property.AccessorList?.Accessors ?? default)
            {
                _found.Add(new Declaration(text, accessor, property.Identifier.ValueText, (accessor.Body ?? (SyntaxNode?)accessor.ExpressionBody) is null ? null : accessor));
            }
        }

        /// <summary>The declaration as a block the compiler hands out, or null when it has no body (abstract, partial definition, extern).</summary>
        private static SyntaxNode? BlockOf(BaseMethodDeclarationSyntax method) =>
            (method.Body ?? (SyntaxNode?)method.ExpressionBody) is null ? null : method;

        /// <summary>The blocks with a body by the name they are called by, and the declared and sink names each one mentions.</summary>
        public (Dictionary<string, List<SyntaxNode>> ByName, Dictionary<SyntaxNode, string[]> Mentions) Blocks()
        {
            var byName = new Dictionary<string, List<SyntaxNode>>();
            var mentions = new Dictionary<SyntaxNode, string[]>();
            foreach (var declaration in _found)
            {
                if (declaration.Block is { } block)
                {
                    if (!byName.TryGetValue(declaration.Name, out var list))
                    {
                        byName[declaration.Name] = list = new List<SyntaxNode>();
                    }

                    list.Add(block);
                    mentions[block] = declaration.Mentions;
                }
            }

            return (byName, mentions);
        }

        public void ReadMentions(NameTable names, char[] buffer, CancellationToken cancellationToken)
        {
            foreach (var declaration in _found)
            {
                cancellationToken.ThrowIfCancellationRequested();
                AddDeclaration(declaration, names, buffer);
            }
        }

        private void AddDeclaration(Declaration declaration, NameTable names, char[] buffer)
        {
            _words.Clear();
            CollectNames(declaration.Text, declaration.Node, names, _words, buffer);
            var mentioned = new string[_words.Count];
            _words.CopyTo(mentioned);
            foreach (var name in mentioned)
            {
                if (!_mentionedBy.TryGetValue(name, out var list))
                {
                    _mentionedBy[name] = list = new List<string>();
                }

                list.Add(declaration.Name);
            }

            declaration.Mentions = mentioned;
        }

        /// <summary>The sink names, and every declared name whose body mentions a name in the result (a worklist, linear).</summary>
        public HashSet<string> CloseOver(IEnumerable<string> sinkNames)
        {
            var hot = new HashSet<string>(sinkNames);
            var worklist = new Queue<string>(hot);
            while (worklist.Count > 0)
            {
                if (_mentionedBy.TryGetValue(worklist.Dequeue(), out var declarers))
                {
                    foreach (var declarer in declarers)
                    {
                        if (hot.Add(declarer))
                        {
                            worklist.Enqueue(declarer);
                        }
                    }
                }
            }

            return hot;
        }

        public Dictionary<SyntaxNode, bool> MarkMentioning(HashSet<string> hot)
        {
            var mentionsHot = new Dictionary<SyntaxNode, bool>(_found.Count);
            foreach (var declaration in _found)
            {
                mentionsHot[declaration.Node] = Array.Exists(declaration.Mentions, hot.Contains);
            }

            return mentionsHot;
        }
    }

    /// <summary>
    /// A method, constructor or property body, the name it is called by, the block the compiler hands out for it (null
    /// without a body), and the names it mentions once read.
    /// </summary>
    private sealed class Declaration
    {
        public Declaration(SourceText text, SyntaxNode node, string name, SyntaxNode? block)
        {
            Text = text;
            Node = node;
            Name = name;
            Block = block;
        }

        public SourceText Text { get; }

        public SyntaxNode Node { get; }

        public string Name { get; }

        public SyntaxNode? Block { get; }

        public string[] Mentions { get; set; } = Array.Empty<string>();
    }

    /// <summary>Does any tree's text use one of these names as a word?</summary>
    private static bool NamesAny(Compilation compilation, NameTable names, char[] buffer, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            CollectNames(tree.GetText(cancellationToken), tree.GetRoot(cancellationToken), names, found, buffer);
            if (found.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The words of a declaration's source text that are one of <paramref name="names"/>: its identifiers, plus the
    /// words of its comments and strings. Read from the text, not the tokens, because walking tokens builds the
    /// syntax nodes of every body in the compilation, which was a third of the analyzer's time; the extra words can
    /// only make a name hot that is not (the trigger, which binds, then finds no such call), never hide one. A body
    /// that spells an identifier with a Unicode escape (<c>Sen\u0064</c>) is read from its tokens, which resolve escapes.
    /// </summary>
    private static void CollectNames(SourceText text, SyntaxNode declaration, NameTable names, HashSet<string> found, char[] buffer)
    {
        var span = declaration.Span;
        for (var position = span.Start; position < span.End;)
        {
            var length = NextChunk(text, position, span.End, buffer);
            if (!CollectNames(buffer, length, names, found))
            {
                // An identifier spelled with a Unicode escape (Sen\u0064): only the tokens know what it spells.
                found.Clear();
                CollectIdentifiers(declaration, names, found);
                return;
            }

            position += length;
        }
    }

    /// <summary>
    /// Copies the next piece of <c>text[position..end)</c> into the buffer and returns its length. A piece that does
    /// not reach the end stops after a whitespace character, so no word (and no <c>\u</c> escape) is cut in two.
    /// </summary>
    private static int NextChunk(SourceText text, int position, int end, char[] buffer)
    {
        var length = Math.Min(buffer.Length, end - position);
        text.CopyTo(position, buffer, 0, length);
        if (position + length < end)
        {
            for (var i = length - 1; i > 0; i--)
            {
                if (char.IsWhiteSpace(buffer[i]))
                {
                    return i + 1;
                }
            }
        }

        return length;
    }

    /// <summary>The words of <c>chars[0..length)</c> that are names; false if the text holds a Unicode escape.</summary>
    private static bool CollectNames(char[] chars, int length, NameTable names, HashSet<string> found)
    {
        var start = -1;
        var ascii = true;
        var asciiWordCharacters = s_asciiWordCharacters; // read once: a static read in the loop costs a thread-local lookup
        for (var i = 0; i <= length; i++)
        {
            var c = i < length ? chars[i] : ' ';
            if (c < 128 ? asciiWordCharacters[c] : IsWordCharacter(c))
            {
                if (start < 0)
                {
                    start = i;
                    ascii = true;
                }

                ascii &= c < 128;
                continue;
            }

            if (c == '\\' && i + 1 < length && chars[i + 1] is 'u' or 'U')
            {
                return false;
            }

            if (start >= 0)
            {
                if (names.Find(chars, start, i, ascii) is { } name)
                {
                    found.Add(name);
                }
                else if (Spells(chars, start, i, "using"))
                {
                    AddDisposeNames(names, found);
                }

                start = -1;
            }
        }

        return true;
    }

    /// <summary>Is <c>text[start..end)</c> exactly <paramref name="name"/>?</summary>
    private static bool Spells(char[] text, int start, int end, string name)
    {
        if (name.Length != end - start)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            if (text[start + i] != name[i])
            {
                return false;
            }
        }

        return true;
    }

    private static void CollectIdentifiers(SyntaxNode declaration, NameTable names, HashSet<string> found)
    {
        foreach (var token in Tokens.Of(declaration))
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && names.Find(token.ValueText) is { } name)
            {
                found.Add(name);
            }
            else if (token.IsKind(SyntaxKind.UsingKeyword))
            {
                AddDisposeNames(names, found);
            }
        }
    }

    private static void AddDisposeNames(NameTable names, HashSet<string> found)
    {
        foreach (var dispose in s_disposeNames)
        {
            if (names.Find(dispose) is { } name)
            {
                found.Add(name);
            }
        }
    }

    // The scan's inner loop looks ASCII characters up here rather than calling a method per character.
    private static readonly bool[] s_asciiWordCharacters = CreateAsciiWordCharacters();

    private static bool[] CreateAsciiWordCharacters()
    {
        var table = new bool[128];
        for (var c = 0; c < table.Length; c++)
        {
            table[c] = IsWordCharacter((char)c);
        }

        return table;
    }

    private static bool IsWordCharacter(char c) => c < 128
        ? c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'
        : char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.Format => true,
            UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Control or UnicodeCategory.OtherPunctuation or UnicodeCategory.OpenPunctuation
                or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
                or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.MathSymbol
                or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol => false,
            _ => true,
        };

    /// <summary>
    /// A fixed set of names that a word of source text is looked up in without becoming a string first: most words
    /// are no sink's and no declaration's name, and making a string of each was most of the index's time. A word is
    /// hashed once it ends, from its length and its first and last two characters: hashing every character as it was
    /// read cost the scan a multiplication per character of source.
    /// </summary>
    private sealed class NameTable
    {

        private readonly string[][] _buckets;
        private readonly int _mask;

        public NameTable(IEnumerable<string> names)
        {
            var distinct = new HashSet<string>(names);
            var size = 16;
            while (size < distinct.Count * 2)
            {
                size *= 2;
            }

            var buckets = new List<string>?[size];
            _mask = size - 1;
            foreach (var name in distinct)
            {
                (buckets[HashOf(name) & _mask] ??= new List<string>()).Add(name);
            }

            _buckets = Array.ConvertAll(buckets, bucket => bucket?.ToArray() ?? Array.Empty<string>());
        }

        /// <summary>The name <c>text[start..end)</c> spells, given whether all its characters are ASCII.</summary>
        public string? Find(char[] text, int start, int end, bool ascii)
        {
            var length = end - start;
            var hash = Hash(length, text[start], text[start + (length > 1 ? 1 : 0)], text[end - (length > 1 ? 2 : 1)], text[end - 1]);
            foreach (var name in _buckets[hash & _mask])
            {
                if (Spells(text, start, end, name))
                {
                    return name;
                }
            }

            // A word with formatting characters (a soft hyphen) is the identifier without them, as the compiler reads it.
            return !ascii && HasFormatCharacter(text, start, end) ? Find(Word(text, start, end)) : null;
        }

        /// <summary>The name that is exactly <paramref name="word"/> (an identifier's value, formatting characters already gone).</summary>
        public string? Find(string word)
        {
            foreach (var name in _buckets[HashOf(word) & _mask])
            {
                if (name == word)
                {
                    return name;
                }
            }

            return null;
        }

        private static uint HashOf(string name)
        {
            var length = name.Length;
            return length == 0 ? 0 : Hash(length, name[0], name[length > 1 ? 1 : 0], name[length - (length > 1 ? 2 : 1)], name[length - 1]);
        }

        /// <summary>FNV-1a over a word's length and its first and last two characters (the same one twice in a short word).</summary>
        private static uint Hash(int length, char first, char second, char secondLast, char last)
        {
            unchecked
            {
                var hash = (2166136261 ^ (uint)length) * 16777619;
                hash = (hash ^ first) * 16777619;
                hash = (hash ^ second) * 16777619;
                hash = (hash ^ secondLast) * 16777619;
                return (hash ^ last) * 16777619;
            }
        }

        private static bool HasFormatCharacter(char[] text, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                if (text[i] >= 128 && char.GetUnicodeCategory(text[i]) == UnicodeCategory.Format)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A word as the compiler spells the identifier: formatting characters dropped.</summary>
        private static string Word(char[] text, int start, int end)
        {
            var builder = new StringBuilder(end - start);
            for (var i = start; i < end; i++)
            {
                if (text[i] < 128 || char.GetUnicodeCategory(text[i]) != UnicodeCategory.Format)
                {
                    builder.Append(text[i]);
                }
            }

            return builder.ToString();
        }
    }
}
