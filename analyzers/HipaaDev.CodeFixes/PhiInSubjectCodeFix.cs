using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HipaaDev.Analyzers.Flow;
using HipaaDev.Analyzers.Policy;
using HipaaDev.Analyzers.Rules;
using HipaaDev.Analyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaDev.CodeFixes;

/// <summary>
/// HIPAA002: replaces the expression that carries PHI into an email subject with a neutral subject. When the send
/// is inside an approved channel and the same call also takes a plain-text body, a second action keeps the
/// details by putting them at the top of that body. Not offered when the subject is set inside a helper.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PhiInSubjectCodeFix)), Shared]
public sealed class PhiInSubjectCodeFix : CodeFixProvider
{
    public const string NeutralSubject = "A message from your care team";
    public const string EquivalenceKey = "HipaaDev.NeutralSubject";
    public const string KeepDetailsEquivalenceKey = "HipaaDev.NeutralSubject.KeepDetailsInBody";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(PhiInSubject.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
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

            if (BodyArgumentInApprovedChannel(context.Document, model, expression, context.CancellationToken) is { } body)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use the neutral subject \"{NeutralSubject}\" and keep the details in the body",
                        cancellationToken => ReplaceAsync(context.Document, expression, body, cancellationToken),
                        KeepDetailsEquivalenceKey),
                    diagnostic);
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use the neutral subject \"{NeutralSubject}\"",
                    cancellationToken => ReplaceAsync(context.Document, expression, null, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax subject, ExpressionSyntax? body, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(NeutralSubject))
            .WithTriviaFrom(subject);
        if (body is null)
        {
            return document.WithSyntaxRoot(root.ReplaceNode(subject, literal));
        }

        // detail + "\n\n" + body: the reader sees what the subject used to say, then the message.
        var separator = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("\n\n"));
        var combined = SyntaxFactory.BinaryExpression(
            SyntaxKind.AddExpression,
            SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, AsOperand(subject.WithoutTrivia()), separator),
            AsOperand(body.WithoutTrivia()))
            .WithTriviaFrom(body);
        return document.WithSyntaxRoot(root.ReplaceNodes(
            new SyntaxNode[] { subject, body },
            (original, _) => original == subject ? literal : combined));
    }

    /// <summary>
    /// The plain-text body argument of the same call, when the call is a catalogued send with a non-null body and
    /// the code is inside a channel the project's policy approves; otherwise null (only the neutral subject is offered).
    /// </summary>
    private static ExpressionSyntax? BodyArgumentInApprovedChannel(Document document, SemanticModel model, ExpressionSyntax subject, CancellationToken cancellationToken)
    {
        if (subject.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: { } call } }
            || model.GetOperation(call, cancellationToken) is not { } operation)
        {
            return null;
        }

        if (CalledMethod.Of(operation) is not var (method, arguments) || SinkResolver.Create(model.Compilation, SinkCatalog.All) is not { } sinks)
        {
            return null;
        }

        var bodyParameters = sinks.ForMethod(method)
            .Where(spec => spec.Role == SinkRole.Body && !spec.IsHtml && spec.ParameterName is not null)
            .Select(spec => spec.ParameterName)
            .ToImmutableHashSet(StringComparer.Ordinal);
        var body = arguments.FirstOrDefault(argument =>
            argument.ArgumentKind == ArgumentKind.Explicit
            && argument.Parameter is { } parameter && bodyParameters.Contains(parameter.Name)
            && argument.Syntax is ArgumentSyntax { Expression: var expression }
            && !expression.IsKind(SyntaxKind.NullLiteralExpression) && !expression.IsKind(SyntaxKind.DefaultLiteralExpression));
        if (body?.Syntax is not ArgumentSyntax bodySyntax
            || model.GetEnclosingSymbol(subject.SpanStart, cancellationToken) is not { } enclosing
            || !new ApprovedChannels(PolicyOptions.Policy(document, subject.SyntaxTree)).IsApproved(enclosing))
        {
            return null;
        }

        return bodySyntax.Expression;
    }

    private static ExpressionSyntax AsOperand(ExpressionSyntax expression) =>
        expression is ConditionalExpressionSyntax or AssignmentExpressionSyntax or LambdaExpressionSyntax or SwitchExpressionSyntax
            || expression.IsKind(SyntaxKind.CoalesceExpression)
            ? SyntaxFactory.ParenthesizedExpression(expression)
            : expression;
}
