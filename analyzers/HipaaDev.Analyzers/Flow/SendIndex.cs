using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Threading;
using HipaaDev.Analyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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

    // Every declaration with a body seen while building, and whether it mentions a hot name: most code blocks are
    // answered by one lookup instead of a second walk over their tokens.
    private readonly Dictionary<SyntaxNode, bool> _declarations;

    private SendIndex(HashSet<string> hot, Dictionary<SyntaxNode, bool> declarations, bool sendsFromSource)
    {
        _hot = hot;
        _declarations = declarations;
        SendsFromSource = sendsFromSource;
    }

    /// <summary>
    /// False when the only sink types are the framework's (System.Net.Mail is in every .NET reference set) and
    /// the source names none of them: such a compilation does not send, and the analyzer does no per-block work.
    /// A name in a comment or a string counts too (the text is read by words), which only costs the per-block check.
    /// </summary>
    public bool SendsFromSource { get; }

    public bool IsHot(string name) => _hot.Contains(name);

    /// <summary>Does this piece of syntax mention a hot name? Looked up for declarations, tokens otherwise.</summary>
    public bool Mentions(SyntaxNode node)
    {
        if (_declarations.TryGetValue(node, out var mentions))
        {
            return mentions;
        }

        foreach (var token in node.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && _hot.Contains(token.ValueText))
            {
                return true;
            }
        }

        // A target-typed new(...) names no type, but a message object made that way is named elsewhere in the
        // block (its declared type, the property it is assigned to, the method it is passed to), so it is not a
        // reason to bind on its own; the trigger binds it once the block mentions a hot name.
        return false;
    }

    public static SendIndex Build(Compilation compilation, SinkResolver sinks, CancellationToken cancellationToken)
    {
        var scan = new Scan();
        var typeMentioned = sinks.HasPackageSinks;
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var root = tree.GetRoot(cancellationToken);
            var text = tree.GetText(cancellationToken).ToString();
            scan.Add(text, root);

            // Only needed when the framework's System.Net.Mail is the only messaging API referenced.
            typeMentioned = typeMentioned || NamesAny(text, root, sinks.TypeNames);
        }

        var hot = scan.CloseOver(sinks.SinkNames);

        // An SDK package in the references is used on purpose; the framework's System.Net.Mail is always there,
        // so it counts only when the source names one of its types.
        return new SendIndex(hot, scan.MarkMentioning(hot), typeMentioned);
    }

    /// <summary>
    /// The declarations of the compilation and the names each one mentions. Each loop lives in a method of its own:
    /// a build that runs without the compiler server starts every analyzer method unoptimised, and a loop that runs
    /// long inside a large method gets that method compiled a second time (on-stack replacement) while the build
    /// waits, which cost about 40 ms per build when this was one method.
    /// </summary>
    private sealed class Scan
    {
        private readonly List<(SyntaxNode Node, string[] Mentions)> _declarations = new List<(SyntaxNode, string[])>();

        // mentionedBy[name]: the declared names (methods, constructors' types, properties) whose bodies mention it.
        private readonly Dictionary<string, List<string>> _mentionedBy = new Dictionary<string, List<string>>();
        private readonly HashSet<string> _words = new HashSet<string>();

        public void Add(string text, SyntaxNode root)
        {
            foreach (var node in root.DescendantNodes(descendIntoChildren: n => n is not BaseMethodDeclarationSyntax and not AccessorDeclarationSyntax and not ArrowExpressionClauseSyntax))
            {
                if (DeclaredName(node) is { } declared)
                {
                    AddDeclaration(text, node, declared);
                }
            }
        }

        private void AddDeclaration(string text, SyntaxNode node, string declared)
        {
            _words.Clear();
            CollectWords(text, node, _words);
            var names = new string[_words.Count];
            _words.CopyTo(names);
            foreach (var name in names)
            {
                if (!_mentionedBy.TryGetValue(name, out var list))
                {
                    _mentionedBy[name] = list = new List<string>();
                }

                list.Add(declared);
            }

            _declarations.Add((node, names));
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
            var mentionsHot = new Dictionary<SyntaxNode, bool>(_declarations.Count);
            foreach (var (node, names) in _declarations)
            {
                mentionsHot[node] = Array.Exists(names, hot.Contains);
            }

            return mentionsHot;
        }
    }

    /// <summary>Does the text under <paramref name="root"/> use one of these names as a word?</summary>
    private static bool NamesAny(string text, SyntaxNode root, ImmutableHashSet<string> names)
    {
        var words = new HashSet<string>();
        CollectWords(text, root, words);
        foreach (var word in words)
        {
            if (names.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Every word of a declaration's source text: its identifiers, plus the words of its comments and strings.
    /// Read from the text, not the tokens, because walking tokens builds the syntax nodes of every body in the
    /// compilation, which was a third of the analyzer's time; the extra words can only make a name hot that is
    /// not (the trigger, which binds, then finds no such call), never hide one. A body that spells an identifier
    /// with a Unicode escape (<c>Sen\u0064</c>) is read from its tokens, which resolve escapes.
    /// </summary>
    private static void CollectWords(string text, SyntaxNode declaration, HashSet<string> words)
    {
        var span = declaration.Span;
        var start = -1;
        for (var i = span.Start; i <= span.End; i++)
        {
            var c = i < span.End ? text[i] : ' ';
            if (IsWordCharacter(c))
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (c == '\\' && i + 1 < span.End && text[i + 1] is 'u' or 'U')
            {
                words.Clear();
                CollectIdentifiers(declaration, words);
                return;
            }

            if (start >= 0)
            {
                words.Add(Word(text, start, i));
                start = -1;
            }
        }
    }

    private static void CollectIdentifiers(SyntaxNode declaration, HashSet<string> words)
    {
        foreach (var token in declaration.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                words.Add(token.ValueText);
            }
        }
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

    /// <summary>A word as the compiler spells the identifier: formatting characters (soft hyphens and the like) dropped.</summary>
    private static string Word(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] >= 128 && char.GetUnicodeCategory(text[i]) == UnicodeCategory.Format)
            {
                var builder = new StringBuilder(end - start);
                for (var j = start; j < end; j++)
                {
                    if (text[j] < 128 || char.GetUnicodeCategory(text[j]) != UnicodeCategory.Format)
                    {
                        builder.Append(text[j]);
                    }
                }

                return builder.ToString();
            }
        }

        return text.Substring(start, end - start);
    }

    /// <summary>The name a call uses to reach this declaration's body: a constructor is reached through its type's name.</summary>
    private static string? DeclaredName(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        ConstructorDeclarationSyntax constructor => constructor.Identifier.ValueText,
        AccessorDeclarationSyntax { Parent.Parent: PropertyDeclarationSyntax property } => property.Identifier.ValueText,
        ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Identifier.ValueText,
        _ => null,
    };
}
