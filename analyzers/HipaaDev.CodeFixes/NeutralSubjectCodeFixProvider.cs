using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using HipaaDev.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HipaaDev.CodeFixes
{
    /// <summary>
    /// HIPAA002: replaces the expression that carries PHI into an email subject with a neutral subject. The details
    /// are not moved into the body: whether the body may hold them is a content decision (minimum necessary, approved
    /// channel) the fix cannot make. Not offered when the subject is set inside a helper.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NeutralSubjectCodeFixProvider)), Shared]
    public sealed class NeutralSubjectCodeFixProvider : CodeFixProvider
    {
        public const string NeutralSubject = "A message from your care team";
        public const string EquivalenceKey = "HipaaDev.NeutralSubject";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.PhiInSubject);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.Properties.TryGetValue(DiagnosticProperties.Via, out var via) && via is not null)
                {
                    continue;
                }

                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                var expression = node is ArgumentSyntax argument ? argument.Expression : node as ExpressionSyntax;
                if (expression is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use the neutral subject \"{NeutralSubject}\"",
                        cancellationToken => ReplaceAsync(context.Document, expression, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax expression, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(NeutralSubject))
                .WithTriviaFrom(expression);
            return document.WithSyntaxRoot(root.ReplaceNode(expression, literal));
        }
    }
}
