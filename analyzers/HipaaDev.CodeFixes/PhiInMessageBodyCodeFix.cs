using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HipaaDev.Analyzers.Policy;
using HipaaDev.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HipaaDev.CodeFixes;

/// <summary>
/// HIPAA001/HIPAA004: marks the enclosing method, local function or type as an approved channel. One action per
/// channel of the project's policy (<c>hipaa_dev.approved_channels</c>), or a placeholder name to replace when the
/// project has no list. When the send is inside a helper, the diagnostic is on the caller's argument and the
/// caller is marked: the analyzer judges a helper's send by the channel of the code that hands it the PHI.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PhiInMessageBodyCodeFix)), Shared]
public sealed class PhiInMessageBodyCodeFix : CodeFixProvider
{
    /// <summary>The name offered when the project lists no channels; HIPAA003 reports it once a list exists.</summary>
    public const string PlaceholderChannel = "approved-channel";

    public const string MemberKeyPrefix = "HipaaDev.AddApprovedChannel.Member.";
    public const string TypeKeyPrefix = "HipaaDev.AddApprovedChannel.Type.";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(PhiInMessageBody.Id, PhiObjectInTemplate.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        var channels = PolicyChannels(context.Document, root.SyntaxTree);
        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var member = node.AncestorsAndSelf().FirstOrDefault(n => n is LocalFunctionStatementSyntax or MethodDeclarationSyntax or ConstructorDeclarationSyntax);
            var type = node.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault(t => t is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax);
            foreach (var channel in channels)
            {
                if (member is not null)
                {
                    Register(context, diagnostic, member, channel, MemberKeyPrefix, NameOf(member));
                }

                if (type is not null)
                {
                    Register(context, diagnostic, type, channel, TypeKeyPrefix, type.Identifier.ValueText);
                }
            }
        }
    }

    /// <summary>The policy's channel names, or the placeholder when the project lists none.</summary>
    internal static ImmutableArray<string> PolicyChannels(Document document, SyntaxTree tree)
    {
        if (PolicyOptions.RawValue(document, tree) is not { } value)
        {
            return ImmutableArray.Create(PlaceholderChannel);
        }

        var names = ChannelPolicy.Parse(value).Policy.Names ?? ImmutableArray<string>.Empty;
        return names.IsEmpty ? ImmutableArray.Create(PlaceholderChannel) : names.Distinct(System.StringComparer.OrdinalIgnoreCase).ToImmutableArray();
    }

    private static void Register(CodeFixContext context, Diagnostic diagnostic, SyntaxNode declaration, string channel, string keyPrefix, string declarationName)
    {
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Add [ApprovedChannel(\"{channel}\")] to '{declarationName}'",
                cancellationToken => AddAttributeAsync(context.Document, declaration, channel, cancellationToken),
                keyPrefix + channel),
            diagnostic);
    }

    private static string NameOf(SyntaxNode member) => member switch
    {
        LocalFunctionStatementSyntax local => local.Identifier.ValueText,
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        ConstructorDeclarationSyntax constructor => constructor.Identifier.ValueText,
        _ => member.ToString(),
    };

    private static async Task<Document> AddAttributeAsync(Document document, SyntaxNode declaration, string channel, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var arguments = SyntaxFactory.ParseAttributeArgumentList($"(\"{channel}\")");
        var lists = AttributeListsOf(declaration);
        SyntaxNode updated;
        if (ExistingApprovedChannel(lists) is { } existing)
        {
            // The attribute allows one use per declaration: a rejected name is replaced, not duplicated.
            updated = declaration.ReplaceNode(existing, existing.WithArgumentList(arguments));
        }
        else
        {
            updated = WithAttributeLists(declaration, AddList(declaration, lists, SyntaxFactory.Attribute(SyntaxFactory.IdentifierName("ApprovedChannel"), arguments)));
        }

        var newRoot = root.ReplaceNode(declaration, updated);
        if (newRoot is CompilationUnitSyntax unit && !AnnotationsInScope(model, declaration.SpanStart))
        {
            newRoot = UsingDirectives.AddAnnotationsUsing(unit, EndOfLine(root));
        }

        return document.WithSyntaxRoot(newRoot);
    }

    private static bool AnnotationsInScope(SemanticModel model, int position) =>
        model.LookupNamespacesAndTypes(position, name: "ApprovedChannelAttribute").Any(symbol => symbol is INamedTypeSymbol);

    private static AttributeSyntax? ExistingApprovedChannel(SyntaxList<AttributeListSyntax> lists) =>
        lists.SelectMany(list => list.Attributes).FirstOrDefault(attribute =>
            attribute.Name.ToString().Split('.').Last() is "ApprovedChannel" or "ApprovedChannelAttribute");

    /// <summary>
    /// Puts the new list on its own line above the declaration, after its documentation comment, with the
    /// declaration's indentation.
    /// </summary>
    private static SyntaxList<AttributeListSyntax> AddList(SyntaxNode declaration, SyntaxList<AttributeListSyntax> lists, AttributeSyntax attribute)
    {
        var endOfLine = EndOfLine(declaration.SyntaxTree.GetRoot());
        var leading = declaration.GetLeadingTrivia();
        var indentation = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : SyntaxFactory.TriviaList();
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute))
            .WithTrailingTrivia(endOfLine);
        if (lists.Count > 0)
        {
            return lists.Add(list.WithLeadingTrivia(indentation));
        }

        return lists.Add(list.WithLeadingTrivia(leading));
    }

    private static SyntaxList<AttributeListSyntax> AttributeListsOf(SyntaxNode declaration) => declaration switch
    {
        LocalFunctionStatementSyntax local => local.AttributeLists,
        MemberDeclarationSyntax member => member.AttributeLists,
        _ => default,
    };

    private static SyntaxNode WithAttributeLists(SyntaxNode declaration, SyntaxList<AttributeListSyntax> lists)
    {
        var hadLists = AttributeListsOf(declaration).Count > 0;
        var indentation = declaration.GetLeadingTrivia() is { Count: > 0 } leading && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : SyntaxFactory.TriviaList();

        // Without earlier lists the declaration's leading trivia moved onto the new list; its first token keeps
        // only the indentation.
        var stripped = hadLists ? declaration : declaration.WithLeadingTrivia(indentation);
        return stripped switch
        {
            LocalFunctionStatementSyntax local => local.WithAttributeLists(lists),
            MemberDeclarationSyntax member => member.WithAttributeLists(lists),
            _ => declaration,
        };
    }

    internal static SyntaxTrivia EndOfLine(SyntaxNode root) =>
        root.DescendantTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia)) is { } found && found.IsKind(SyntaxKind.EndOfLineTrivia)
            ? found
            : SyntaxFactory.CarriageReturnLineFeed;
}
