using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using HipaaDev.Analyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HipaaDev.Analyzers.Flow
{
    /// <summary>
    /// Which names in this compilation's source can lead to a send, found from syntax alone (no binding, no
    /// operation trees). A name is "hot" when it is a catalogued sink member or sink type, or the name of a method,
    /// constructor or property of this compilation whose body mentions a hot name. Code that mentions no hot name
    /// cannot send and is never bound by the analyzer; code that does is bound only at those names to confirm.
    /// Built once per compilation in one pass over the tokens of every tree, then a worklist over names (linear).
    /// </summary>
    internal sealed class SendIndex
    {
        private readonly HashSet<string> _hot;

        private SendIndex(HashSet<string> hot, bool sendsFromSource)
        {
            _hot = hot;
            SendsFromSource = sendsFromSource;
        }

        /// <summary>
        /// False when the only sink types are the framework's (System.Net.Mail is in every .NET reference set) and
        /// the source names none of them: such a compilation does not send, and the analyzer does no per-block work.
        /// </summary>
        public bool SendsFromSource { get; }

        public bool IsHot(string name) => _hot.Contains(name);

        /// <summary>Does this piece of syntax mention a hot name? Tokens only: cheap enough for every code block.</summary>
        public bool Mentions(SyntaxNode node)
        {
            foreach (var token in node.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && _hot.Contains(token.ValueText))
                {
                    return true;
                }
            }

            // Target-typed new(...) names no type: it may create a message object.
            foreach (var created in node.DescendantNodes())
            {
                if (created.IsKind(SyntaxKind.ImplicitObjectCreationExpression))
                {
                    return true;
                }
            }

            return false;
        }

        public static SendIndex Build(Compilation compilation, SinkResolver sinks, CancellationToken cancellationToken)
        {
            // mentionedBy[name]: the declared names (methods, constructors' types, properties) whose bodies mention it.
            var mentionedBy = new Dictionary<string, List<string>>();
            var seeds = sinks.SinkNames;
            var typeNames = sinks.TypeNames;
            var typeMentioned = false;
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes(descendIntoChildren: n => n is not BaseMethodDeclarationSyntax and not AccessorDeclarationSyntax and not ArrowExpressionClauseSyntax))
                {
                    if (DeclaredName(node) is not { } declared)
                    {
                        continue;
                    }

                    var mentions = new HashSet<string>();
                    foreach (var token in node.DescendantTokens())
                    {
                        if (token.IsKind(SyntaxKind.IdentifierToken))
                        {
                            mentions.Add(token.ValueText);
                        }
                    }

                    foreach (var name in mentions)
                    {
                        if (!mentionedBy.TryGetValue(name, out var list))
                        {
                            mentionedBy[name] = list = new List<string>();
                        }

                        list.Add(declared);
                    }
                }

                if (!typeMentioned)
                {
                    foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
                    {
                        if (token.IsKind(SyntaxKind.IdentifierToken) && typeNames.Contains(token.ValueText))
                        {
                            typeMentioned = true;
                            break;
                        }
                    }
                }
            }

            var hot = new HashSet<string>(seeds);
            var worklist = new Queue<string>(seeds);
            while (worklist.Count > 0)
            {
                if (mentionedBy.TryGetValue(worklist.Dequeue(), out var declarers))
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

            // An SDK package in the references is used on purpose; the framework's System.Net.Mail is always there,
            // so it counts only when the source names one of its types.
            return new SendIndex(hot, sinks.HasPackageSinks || typeMentioned);
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
}
