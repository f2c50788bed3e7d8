using System;
using System.Collections.Immutable;
using System.IO;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HipaaDev.Analyzers.Knowledge;

/// <summary>
/// One parsed <c>PhiSymbols.txt</c>: the documentation-comment IDs it lists, each with its place in the file, and
/// the lines that are not IDs. Parsing depends only on the text, so it is cached per <see cref="SourceText"/>
/// (the IDE and the compiler server hand the same instance to every compilation until the file changes).
/// </summary>
internal sealed class PhiSymbolsFile
{
    public const string FileName = "PhiSymbols.txt";

    private static readonly ConditionalWeakTable<SourceText, PhiSymbolsFile> s_cache = new ConditionalWeakTable<SourceText, PhiSymbolsFile>();

    private PhiSymbolsFile(string path, ImmutableArray<Entry> entries)
    {
        Path = path;
        Entries = entries;
    }

    public string Path { get; }

    /// <summary>Every non-blank, non-comment line, in file order.</summary>
    public ImmutableArray<Entry> Entries { get; }

    public static bool IsPhiSymbolsFile(AdditionalText file) =>
        string.Equals(System.IO.Path.GetFileName(file.Path), FileName, StringComparison.OrdinalIgnoreCase);

    public static PhiSymbolsFile? Read(AdditionalText file, System.Threading.CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken);
        if (text is null)
        {
            return null;
        }

        var parsed = s_cache.GetValue(text, t => Parse(file.Path, t));

        // The same text may be listed under another path (a linked file); locations must name this one.
        return parsed.Path == file.Path ? parsed : Parse(file.Path, text);
    }

    private static PhiSymbolsFile Parse(string path, SourceText text)
    {
        var entries = ImmutableArray.CreateBuilder<Entry>();
        foreach (var line in text.Lines)
        {
            var content = line.ToString();
            var start = 0;
            while (start < content.Length && char.IsWhiteSpace(content[start]))
            {
                start++;
            }

            if (start == content.Length || content[start] == '#')
            {
                continue;
            }

            // The ID ends at the first white space; anything after it must be a '#' comment. ('#' inside an ID is
            // legal: explicit interface implementations are written M:N.C#N#I#M.)
            var end = start;
            while (end < content.Length && !char.IsWhiteSpace(content[end]))
            {
                end++;
            }

            var rest = content.Substring(end).Trim();
            var id = content.Substring(start, end - start);
            var span = new TextSpan(line.Start + start, end - start);
            var problem = rest.Length > 0 && rest[0] != '#'
                ? "has text after the ID that is not a '#' comment"
                : ProblemWithId(id);
            entries.Add(new Entry(id, problem, Location.Create(path, span, text.Lines.GetLinePositionSpan(span))));
        }

        return new PhiSymbolsFile(path, entries.ToImmutable());
    }

    private static string? ProblemWithId(string id)
    {
        if (id.Length < 3 || id[1] != ':')
        {
            return "is not a documentation-comment ID";
        }

        return id[0] switch
        {
            'T' or 'P' or 'F' or 'M' => null,
            'E' or 'N' => "names an event or namespace; only types (T:), properties (P:), fields (F:) and methods (M:) can be PHI",
            _ => "has an unknown kind prefix",
        };
    }

    /// <summary>A listed ID; <paramref name="Problem"/> says why the line cannot be used, when it cannot.</summary>
    public sealed record Entry(string Id, string? Problem, Location Location);
}
