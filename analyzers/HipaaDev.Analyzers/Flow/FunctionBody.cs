using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaDev.Analyzers.Flow;

/// <summary>
/// What <see cref="FunctionAnalysis"/> runs over: a control-flow graph, or, for a method body with no control flow
/// at all, its statements in order. Building graphs was a fifth of the analyzer's time, and most sending methods
/// (and every method of a thousand sends) are straight-line code: local declarations and calls, then a return.
/// Such a body is only accepted when every operation in it is one the graph leaves exactly as it is, so visiting
/// the statements in order gives what one pass over its single block would; anything else gets the graph.
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

    /// <summary>A straight-line body's statements: expression statements and local declarations, and at most a final return.</summary>
    public ImmutableArray<IOperation> Statements { get; }

    /// <summary>The body under an operation tree's root (a method body, a constructor, an initializer), or null for any other root.</summary>
    public static FunctionBody? Of(IOperation root, CancellationToken cancellationToken)
    {
        if (!AlwaysBuildGraphs && StraightLineStatements(root) is { } statements)
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

    private static ImmutableArray<IOperation>? StraightLineStatements(IOperation root)
    {
        if (root is not IMethodBodyOperation method || (method.BlockBody is null) == (method.ExpressionBody is null))
        {
            return null;
        }

        var statements = (method.BlockBody ?? method.ExpressionBody)!.Operations;
        for (var i = 0; i < statements.Length; i++)
        {
            var isStatement = statements[i] is IExpressionStatementOperation or IVariableDeclarationGroupOperation
                || (statements[i] is IReturnOperation { Kind: OperationKind.Return } && i == statements.Length - 1);
            if (!isStatement)
            {
                return null;
            }

            foreach (var operation in statements[i].DescendantsAndSelf())
            {
                if (!LeftAsIsByGraphs(operation))
                {
                    return null;
                }
            }
        }

        return statements;
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
    private static bool LeftAsIsByGraphs(IOperation operation) => operation switch
    {
        IExpressionStatementOperation or IVariableDeclarationGroupOperation or IVariableDeclarationOperation
            or IVariableDeclaratorOperation or IVariableInitializerOperation or IReturnOperation => true,
        IBinaryOperation binary => binary.OperatorKind is not (BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr),
        IObjectCreationOperation creation => creation.Initializer is null || AssignsMembersOnly(creation.Initializer),
        IObjectOrCollectionInitializerOperation initializer => AssignsMembersOnly(initializer),
        IInstanceReferenceOperation reference => reference.ReferenceKind != InstanceReferenceKind.ImplicitReceiver
            || InitializedObjectOf(reference) is not null,
        ILocalReferenceOperation local => !local.IsDeclaration,
        IInvocationOperation or IArgumentOperation or IConversionOperation or ILiteralOperation or IParameterReferenceOperation
            or IFieldReferenceOperation or IPropertyReferenceOperation or ISimpleAssignmentOperation
            or ICompoundAssignmentOperation or IInterpolatedStringOperation or IInterpolatedStringTextOperation
            or IInterpolationOperation or IAwaitOperation or IDefaultValueOperation or ITypeOfOperation or INameOfOperation => true,
        _ => false,
    };
}
