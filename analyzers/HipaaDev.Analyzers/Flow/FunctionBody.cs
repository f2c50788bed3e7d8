using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaDev.Analyzers.Flow;

/// <summary>
/// What <see cref="FunctionAnalysis"/> runs over: a control-flow graph, or, for a method or constructor body with no
/// control flow at all, its statements in order. Building graphs was a fifth of the analyzer's time, and most
/// sending methods (and every method of a thousand sends) are straight-line code: local declarations, <c>using</c>
/// declarations and calls, then a return. Such a body is only accepted when every operation in it is one the graph
/// leaves exactly as it is, so visiting the statements in order gives what one pass over its single block would;
/// anything else gets the graph.
/// </summary>
internal sealed class FunctionBody
{
    /// <summary>Set by a test (run alone) that compares both paths on the same code.</summary>
    internal static bool AlwaysBuildGraphs { get; set; }

    private FunctionBody(ControlFlowGraph? graph, ImmutableArray<IOperation> statements)
    {
        Graph = graph;
        Statements = statements;
    }

    /// <summary>The graph, or null for a straight-line body.</summary>
    public ControlFlowGraph? Graph { get; }

    /// <summary>
    /// A straight-line body's statements: a constructor's initializer (<c>: base(...)</c>), expression statements,
    /// local and <c>using</c> declarations, and at most a final return.
    /// </summary>
    public ImmutableArray<IOperation> Statements { get; }

    /// <summary>The body under an operation tree's root (a method body, a constructor, an initializer), or null for any other root.</summary>
    public static FunctionBody? Of(IOperation root, Disposal disposal, CancellationToken cancellationToken)
    {
        if (!AlwaysBuildGraphs && StraightLineStatements(root, disposal) is { } statements)
        {
            return new FunctionBody(null, statements);
        }

        return GraphOf(root, cancellationToken) is { } graph ? new FunctionBody(graph, default) : null;
    }

    public static FunctionBody OfGraph(ControlFlowGraph graph) => new FunctionBody(graph, default);

    public static ControlFlowGraph? GraphOf(IOperation root, CancellationToken cancellationToken) => root switch
    {
        IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
        IConstructorBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
        IBlockOperation block => ControlFlowGraph.Create(block, cancellationToken),
        IFieldInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
        IPropertyInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
        IParameterInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
        _ => null,
    };

    private static ImmutableArray<IOperation>? StraightLineStatements(IOperation root, Disposal disposal)
    {
        var (initializer, block) = root switch
        {
            IMethodBodyOperation method => (null, OnlyBody(method.BlockBody, method.ExpressionBody)),
            IConstructorBodyOperation constructor => (constructor.Initializer, OnlyBody(constructor.BlockBody, constructor.ExpressionBody)),
            _ => (null, null),
        };

        if (block is null)
        {
            return null;
        }

        // A graph starts a constructor with its initializer's call (implicit for base()), then runs the block.
        var statements = ImmutableArray.CreateBuilder<IOperation>(block.Operations.Length + 1);
        if (initializer is not null)
        {
            if (initializer is not IExpressionStatementOperation || !AllLeftAsIs(initializer))
            {
                return null;
            }

            statements.Add(initializer);
        }

        for (var i = 0; i < block.Operations.Length; i++)
        {
            var statement = block.Operations[i];
            var accepted = statement switch
            {
                IExpressionStatementOperation or IVariableDeclarationGroupOperation => AllLeftAsIs(statement),
                IReturnOperation { Kind: OperationKind.Return } => i == block.Operations.Length - 1 && AllLeftAsIs(statement),

                // The graph disposes of the variables in a finally block at the end; where that call can do nothing
                // the analysis follows, the declaration is all there is to visit.
                IUsingDeclarationOperation declaration => !disposal.Matters(declaration.IsAsynchronous) && AllLeftAsIs(declaration.DeclarationGroup),
                _ => false,
            };

            if (!accepted)
            {
                return null;
            }

            statements.Add(statement);
        }

        return statements.ToImmutable();
    }

    /// <summary>The body of a member that has exactly one: a block or an expression body (a block holding one statement).</summary>
    private static IBlockOperation? OnlyBody(IBlockOperation? blockBody, IBlockOperation? expressionBody) =>
        (blockBody is null) == (expressionBody is null) ? null : blockBody ?? expressionBody;

    private static bool AllLeftAsIs(IOperation statement)
    {
        foreach (var operation in statement.DescendantsAndSelf())
        {
            if (!LeftAsIsByGraphs(operation))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <c>{ Subject = s, Body = b }</c>: an object initializer that only assigns fields and properties of the new
    /// object. A graph lowers it to a capture of the object and one member write per line, which
    /// <see cref="FunctionAnalysis"/> does the same way outside a graph; nested and collection initializers are left
    /// to the graph.
    /// </summary>
    public static bool AssignsMembersOnly(IObjectOrCollectionInitializerOperation initializer)
    {
        foreach (var element in initializer.Initializers)
        {
            if (element is not ISimpleAssignmentOperation
                {
                    Target: IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.IsEmpty: true },
                }
                assignment
                || ((IMemberReferenceOperation)assignment.Target).Instance is not IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The object whose member-only initializer <paramref name="receiver"/> is the implicit receiver of (<c>Body</c>
    /// in <c>new MailMessage { Body = text }</c>), or null.
    /// </summary>
    public static IObjectCreationOperation? InitializedObjectOf(IInstanceReferenceOperation receiver) =>
        receiver is
        {
            ReferenceKind: InstanceReferenceKind.ImplicitReceiver,
            Parent.Parent.Parent: IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation } initializer,
        }
        && AssignsMembersOnly(initializer)
            ? creation
            : null;

    /// <summary>
    /// Operations a control-flow graph neither branches on nor rewrites, and object initializers that only assign
    /// members (see <see cref="AssignsMembersOnly"/>). Short-circuit operators, conditional access,
    /// <c>??</c>, collection and nested initializers, lambdas, local functions, <c>out var</c>, interpolated string
    /// handlers, arrays, tuples, patterns, <c>using</c>, <c>throw</c> and invalid code are all absent: a body with
    /// any of them gets its graph.
    /// </summary>
    private static bool LeftAsIsByGraphs(IOperation operation) => operation.Kind switch
    {
        // Switched on the kind, one call, rather than on interface types, one cast each: this runs on every node.
        OperationKind.ExpressionStatement or OperationKind.VariableDeclarationGroup or OperationKind.VariableDeclaration
            or OperationKind.VariableDeclarator or OperationKind.VariableInitializer or OperationKind.Return => true,
        OperationKind.Binary => ((IBinaryOperation)operation).OperatorKind is not (BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr),
        OperationKind.ObjectCreation => ((IObjectCreationOperation)operation).Initializer is not { } initializer || AssignsMembersOnly(initializer),
        OperationKind.ObjectOrCollectionInitializer => AssignsMembersOnly((IObjectOrCollectionInitializerOperation)operation),
        OperationKind.InstanceReference => ((IInstanceReferenceOperation)operation) is var reference
            && (reference.ReferenceKind != InstanceReferenceKind.ImplicitReceiver || InitializedObjectOf(reference) is not null),
        OperationKind.LocalReference => !((ILocalReferenceOperation)operation).IsDeclaration,
        OperationKind.Invocation or OperationKind.Argument or OperationKind.Conversion or OperationKind.Literal or OperationKind.ParameterReference
            or OperationKind.FieldReference or OperationKind.PropertyReference or OperationKind.SimpleAssignment
            or OperationKind.CompoundAssignment or OperationKind.InterpolatedString or OperationKind.InterpolatedStringText
            or OperationKind.Interpolation or OperationKind.Await or OperationKind.DefaultValue or OperationKind.TypeOf or OperationKind.NameOf => true,
        _ => false,
    };
}

/// <summary>
/// Whether leaving the scope of a <c>using</c> declaration can do anything <see cref="FunctionAnalysis"/> follows. A
/// graph ends the scope with a call to <c>IDisposable.Dispose</c> (or <c>await IAsyncDisposable.DisposeAsync()</c>);
/// the analysis follows that call into this compilation's implementations only when one of them may reach a sink
/// (or, for <c>DisposeAsync</c>, when any exists), and otherwise it changes no state. Computed once per compilation.
/// A class rather than a struct: it is computed lazily, and a <see cref="System.Lazy{T}"/> of a struct is compiled
/// at run time in every build (see "Precompiled code" in analyzers/README.md).
/// </summary>
internal sealed class Disposal
{
    private readonly bool _disposeMatters;
    private readonly bool _disposeAsyncMatters;

    public Disposal(bool disposeMatters, bool disposeAsyncMatters)
    {
        _disposeMatters = disposeMatters;
        _disposeAsyncMatters = disposeAsyncMatters;
    }

    /// <summary>No implementation in this compilation: disposing is invisible to the analysis.</summary>
    public static Disposal Inert { get; } = new Disposal(disposeMatters: false, disposeAsyncMatters: false);

    public bool Matters(bool asynchronous) => asynchronous ? _disposeAsyncMatters : _disposeMatters;
}
