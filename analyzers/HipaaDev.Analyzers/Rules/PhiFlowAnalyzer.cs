using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using HipaaDev.Analyzers.Flow;
using HipaaDev.Analyzers.Inventory;
using HipaaDev.Analyzers.Knowledge;
using HipaaDev.Analyzers.Policy;
using HipaaDev.Analyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HipaaDev.Analyzers.Rules;

/// <summary>
/// Reports PHI that reaches the body (HIPAA001), subject (HIPAA002) or template data (HIPAA004) of an SMS or
/// email. Work is proportional to the code that sends: code blocks are filtered by name on syntax, bound only at
/// those names, and only blocks that contain a sink, or call a helper that reaches one, get an operation tree, a
/// control-flow graph (or, for a body without control flow, its statements in order: see <see cref="FunctionBody"/>)
/// and a taint analysis. A compilation that references no messaging SDK, or only the
/// framework's System.Net.Mail without naming it, costs one type lookup per catalogued type and one scan of the text.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PhiFlowAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        PhiInMessageBody.Descriptor,
        PhiInSubject.Descriptor,
        PhiObjectInTemplate.Descriptor,
        SendSite.Descriptor);

    /// <summary>Tests set this so an internal error fails the test instead of being skipped.</summary>
    internal static bool ThrowOnInternalError { get; set; }

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Generated code is skipped per block unless hipaa_dev.analyze_generated_code = true.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var sinks = SinkResolver.Create(context.Compilation, SinkCatalog.All);
        if (sinks is null)
        {
            return;
        }

        var index = SendIndex.Build(context.Compilation, sinks, context.CancellationToken);
        if (!index.SendsFromSource)
        {
            return;
        }

        var options = HipaaDevOptions.Read(context.Compilation, context.Options);
        var knowledge = new PhiKnowledge(PhiSymbolSources.Create(context.Compilation, context.Options, options));
        var session = new PhiFlowSession(context.Compilation, sinks, index, knowledge, new ApprovedChannels(options.Policy), options.MaxCallDepth)
        {
            Inventory = options.Inventory ? new MessagingInventory() : null,
        };
        if (session.Inventory is { } inventory)
        {
            // The inventory needs every block's sites before it can say which PHI reaches each: one report at the end.
            context.RegisterCompilationEndAction(endContext =>
            {
                foreach (var diagnostic in inventory.Report(options.Policy))
                {
                    endContext.ReportDiagnostic(diagnostic);
                }
            });
        }

        // Syntax first: a code block is bound only where it mentions a name that can lead to a send, and gets
        // an operation tree and a FunctionBody only when binding confirms a sink or a helper reaching one.
        context.RegisterCodeBlockAction(blockContext =>
        {
            if (blockContext.IsGeneratedCode && !options.AnalyzeGeneratedCode)
            {
                return;
            }

            try
            {
                if (index.Mentions(blockContext.CodeBlock)
                    && SendTrigger.Confirms(blockContext.CodeBlock, blockContext.SemanticModel, session, blockContext.CancellationToken))
                {
                    AnalyzeBlock(blockContext, session);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException && !ThrowOnInternalError)
            {
                // An analyzer must never take the build down (AD0001). Code this analysis cannot follow is left unreported.
            }
        });
    }

    private static void AnalyzeBlock(CodeBlockAnalysisContext context, PhiFlowSession session)
    {
        var reported = new HashSet<(string, Location)>();
        if (context.OwningSymbol is IMethodSymbol method && PhiFlowSession.HasSourceBody(method)
            && method.DeclaringSyntaxReferences.Length == 1 && session.BodyOf(method, context.CancellationToken) is { } shared)
        {
            // The body its summary uses (or will use) when other blocks call it.
            Analyze(context, session, shared, reported);
            return;
        }

        var roots = new HashSet<IOperation>();
        foreach (var node in ExecutableParts(context.CodeBlock))
        {
            if (context.SemanticModel.GetOperation(node, context.CancellationToken) is not { } operation)
            {
                continue;
            }

            // A method body holds its block, a constructor its initializer: each root gets one body.
            var root = RootOf(operation);
            if (!roots.Add(root))
            {
                continue;
            }

            if (FunctionBody.Of(root, session.Disposal, context.CancellationToken) is not { } body)
            {
                continue;
            }

            Analyze(context, session, body, reported);
        }
    }

    private static void Analyze(CodeBlockAnalysisContext context, PhiFlowSession session, FunctionBody body, HashSet<(string, Location)> reported)
    {
        var owner = context.OwningSymbol;
        var analysis = new FunctionAnalysis(
            session, body, owner, session.Approvals.IsApproved(owner), session.MaxCallDepth, context.CancellationToken);
        analysis.Run(owner is IMethodSymbol method ? session.EntryState(method) : new FlowState());
        session.Inventory?.Add(analysis.Sites, analysis.Hits);
        foreach (var hit in analysis.Hits)
        {
            if (CreateDiagnostic(hit) is { } diagnostic && reported.Add((diagnostic.Id, diagnostic.Location)))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }

    /// <summary>The declaration and the parts of it that hold code: body, expression body, initializer.</summary>
    private static IEnumerable<SyntaxNode> ExecutableParts(SyntaxNode declaration)
    {
        yield return declaration;
        foreach (var child in declaration.ChildNodes())
        {
            if (child is BlockSyntax or ArrowExpressionClauseSyntax or EqualsValueClauseSyntax or ConstructorInitializerSyntax)
            {
                yield return child;
            }
        }
    }

    private static IOperation RootOf(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    private static Diagnostic? CreateDiagnostic(SinkHit hit)
    {
        if (!hit.Taint.HasPhi || hit.ChannelAllowsIt)
        {
            return null;
        }

        var origin = hit.Taint.Origin!;
        var sink = hit.Via is null ? hit.Spec.MemberDisplayName : $"{hit.Spec.MemberDisplayName}' via '{hit.Via}";
        var additional = origin.Location is { IsInSource: true } source ? new[] { source } : Array.Empty<Location>();
        var location = hit.ValueSyntax.GetLocation();

        // Machine-readable details for SARIF consumers, code fixes and tests.
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.Sink, hit.Spec.Key)
            .Add(DiagnosticProperties.Source, origin.Name)
            .Add(DiagnosticProperties.Via, hit.Via);
        return hit.Role switch
        {
            SinkRole.Subject => Diagnostic.Create(PhiInSubject.Descriptor, location, additional, properties, origin.Name, sink),
            SinkRole.TemplateModel => Diagnostic.Create(PhiObjectInTemplate.Descriptor, location, additional, properties, origin.Name, sink),
            _ => Diagnostic.Create(PhiInMessageBody.Descriptor, location, additional, properties, origin.Name, hit.Spec.PartName, sink),
        };
    }

    /// <summary>
    /// Binds only the hot names of a code block (see <see cref="SendIndex"/>) and says whether one of them is a sink
    /// or a call into a helper of this compilation that puts a parameter into a message.
    /// </summary>
    private static class SendTrigger
    {
        public static bool Confirms(SyntaxNode block, SemanticModel model, PhiFlowSession session, CancellationToken cancellationToken)
        {
            foreach (var node in block.DescendantNodes())
            {
                if (DisposesWhenDone(node) is { } asynchronous && session.Disposal.Matters(asynchronous))
                {
                    // Leaving the scope calls Dispose, and a disposable of this compilation may send from it.
                    return true;
                }

                SyntaxNode? bound = node switch
                {
                    ImplicitObjectCreationExpressionSyntax => node,
                    SimpleNameSyntax name when session.Index.IsHot(name.Identifier.ValueText) => CreationNamedBy(name) ?? name,
                    _ => null,
                };

                if (bound is not null && IsSendingSymbol(model.GetSymbolInfo(bound, cancellationToken).Symbol, session, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>For a <c>using</c> statement or declaration, whether it disposes asynchronously; otherwise null.</summary>
        private static bool? DisposesWhenDone(SyntaxNode node) => node switch
        {
            LocalDeclarationStatementSyntax { UsingKeyword.RawKind: not 0 } declaration => declaration.AwaitKeyword.RawKind != 0,
            UsingStatementSyntax statement => statement.AwaitKeyword.RawKind != 0,
            _ => null,
        };

        // new MailMessage(...) names the type; the constructor is what the creation binds to.
        private static SyntaxNode? CreationNamedBy(SimpleNameSyntax name)
        {
            SyntaxNode current = name;
            while (current.Parent is QualifiedNameSyntax or AliasQualifiedNameSyntax)
            {
                current = current.Parent;
            }

            return current.Parent is ObjectCreationExpressionSyntax creation && creation.Type == current ? creation : null;
        }

        private static bool IsSendingSymbol(ISymbol? symbol, PhiFlowSession session, CancellationToken cancellationToken)
        {
            if (symbol is IPropertySymbol property && session.Sinks.ForProperty(property) is not null)
            {
                return true;
            }

            foreach (var method in CalledMethod.Of(symbol))
            {
                if (IsSinkOrHelper(method, session, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsSinkOrHelper(IMethodSymbol method, PhiFlowSession session, CancellationToken cancellationToken) =>
            !session.Sinks.ForMethod(method).IsEmpty || session.ReachesSink(method, cancellationToken);
    }
}
