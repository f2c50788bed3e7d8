using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HipaaDev.CodeFixes;

/// <summary>Adds <c>using HipaaDev.Annotations;</c> in sorted position (System namespaces first).</summary>
internal static class UsingDirectives
{
    public const string AnnotationsNamespace = "HipaaDev.Annotations";

    public static CompilationUnitSyntax AddAnnotationsUsing(CompilationUnitSyntax unit, SyntaxTrivia endOfLine)
    {
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(AnnotationsNamespace))
            .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space))
            .WithTrailingTrivia(endOfLine);
        var usings = unit.Usings;
        var index = 0;
        while (index < usings.Count && ComesBefore(usings[index]))
        {
            index++;
        }

        if (usings.Count == 0)
        {
            // The file's leading trivia (a header comment) stays first; the using goes on its own line after it.
            var first = unit.GetLeadingTrivia();
            var body = unit.WithoutLeadingTrivia();
            return body.WithUsings(usings.Add(directive.WithLeadingTrivia(first).WithTrailingTrivia(endOfLine, endOfLine)));
        }

        if (index == 0)
        {
            // Keep a file header on the first line of the file.
            var header = usings[0].GetLeadingTrivia();
            usings = usings.Replace(usings[0], usings[0].WithLeadingTrivia());
            return unit.WithUsings(usings.Insert(0, directive.WithLeadingTrivia(header)));
        }

        return unit.WithUsings(usings.Insert(index, directive));
    }

    private static bool ComesBefore(UsingDirectiveSyntax existing)
    {
        if (existing.Alias is not null || !existing.StaticKeyword.IsKind(SyntaxKind.None) || existing.Name is null)
        {
            return false;
        }

        var name = existing.Name.ToString();
        var isSystem = name == "System" || name.StartsWith("System.", StringComparison.Ordinal);
        return isSystem || string.CompareOrdinal(name, AnnotationsNamespace) < 0;
    }
}
