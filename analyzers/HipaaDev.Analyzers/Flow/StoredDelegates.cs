using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaDev.Analyzers.Flow;

/// <summary>
/// The functions a delegate kept in a field or property can run (<c>_format = p => ...</c>, <c>_format = Describe</c>),
/// so that calling it later is judged by what those functions do rather than by everything passed to it.
/// </summary>
internal sealed class StoredDelegates
{
    // More assignments than this and the member is treated as unknown: the call falls back to "what goes in comes out".
    private const int MaxTargets = 8;

    private readonly Func<SyntaxTree, SemanticModel> _modelFor;
    private readonly ConcurrentDictionary<ISymbol, MethodList> _targets =
        new ConcurrentDictionary<ISymbol, MethodList>(SymbolEqualityComparer.Default);

    public StoredDelegates(Func<SyntaxTree, SemanticModel> modelFor) => _modelFor = modelFor;

    /// <summary>The field or property of this object (or a static one) that a delegate call reads, if that is what it calls.</summary>
    public static ISymbol? MemberInvoked(IOperation? instance)
    {
        while (instance is IConversionOperation conversion)
        {
            instance = conversion.Operand;
        }

        return instance switch
        {
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
            IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.IsEmpty: true } property => property.Property,
            _ => null,
        };
    }

    /// <summary>
    /// Every lambda and method assigned to <paramref name="member"/> in its type; empty when that is not the whole
    /// story: code outside the type can assign it, or something other than a lambda or method is assigned (an
    /// injected delegate).
    /// </summary>
    public ImmutableArray<IMethodSymbol> TargetsOf(ISymbol member, CancellationToken cancellationToken) =>
        _targets.GetOrAdd(member.OriginalDefinition, m => new MethodList(Find(m, cancellationToken))).Methods;

    /// <summary>The control-flow graph of a lambda: found inside the graph of the member or method that declares it.</summary>
    public static ControlFlowGraph? GraphOfLambda(ControlFlowGraph enclosing, IMethodSymbol lambda, CancellationToken cancellationToken)
    {
        foreach (var block in enclosing.Blocks)
        {
            foreach (var operation in block.BranchValue is null ? block.Operations : block.Operations.Add(block.BranchValue))
            {
                foreach (var node in operation.DescendantsAndSelf())
                {
                    if (node is not IFlowAnonymousFunctionOperation function)
                    {
                        continue;
                    }

                    var graph = enclosing.GetAnonymousFunctionControlFlowGraph(function, cancellationToken);
                    if (SymbolEqualityComparer.Default.Equals(function.Symbol, lambda))
                    {
                        return graph;
                    }

                    if (GraphOfLambda(graph, lambda, cancellationToken) is { } nested)
                    {
                        return nested;
                    }
                }
            }
        }

        return null;
    }

    private ImmutableArray<IMethodSymbol> Find(ISymbol member, CancellationToken cancellationToken)
    {
        if (!AssignedOnlyInItsType(member) || member.ContainingType is not { } type)
        {
            return ImmutableArray<IMethodSymbol>.Empty;
        }

        var targets = ImmutableArray.CreateBuilder<IMethodSymbol>();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax(cancellationToken);
            var model = _modelFor(declaration.SyntaxTree);
            foreach (var node in declaration.DescendantNodes())
            {
                var value = node switch
                {
                    VariableDeclaratorSyntax { Initializer: { } initializer } declarator when declarator.Identifier.ValueText == member.Name => initializer.Value,
                    PropertyDeclarationSyntax { Initializer: { } initializer } property when property.Identifier.ValueText == member.Name => initializer.Value,
                    AssignmentExpressionSyntax assignment when AssignedName(assignment.Left) == member.Name => assignment.Right,
                    _ => null,
                };
                if (value is null)
                {
                    continue;
                }

                var assigned = node is AssignmentExpressionSyntax { Left: var left }
                    ? model.GetSymbolInfo(left, cancellationToken).Symbol
                    : model.GetDeclaredSymbol(node, cancellationToken);
                if (!SymbolEqualityComparer.Default.Equals(assigned?.OriginalDefinition, member))
                {
                    continue;
                }

                if (FunctionOf(model.GetOperation(value, cancellationToken)) is not { } function || targets.Count == MaxTargets)
                {
                    return ImmutableArray<IMethodSymbol>.Empty;
                }

                targets.Add(function);
            }
        }

        return targets.ToImmutable();
    }

    private static bool AssignedOnlyInItsType(ISymbol member) => member switch
    {
        IFieldSymbol field => field.IsReadOnly || field.DeclaredAccessibility == Accessibility.Private,
        IPropertySymbol property => property.SetMethod is null || property.SetMethod.DeclaredAccessibility == Accessibility.Private,
        _ => false,
    };

    private static string? AssignedName(ExpressionSyntax left) => left switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or IdentifierNameSyntax, Name: var name } => name.Identifier.ValueText,
        _ => null,
    };

    private static IMethodSymbol? FunctionOf(IOperation? value) => value switch
    {
        IConversionOperation conversion => FunctionOf(conversion.Operand),
        IDelegateCreationOperation creation => FunctionOf(creation.Target),
        IAnonymousFunctionOperation lambda => lambda.Symbol,
        IMethodReferenceOperation { Method: var method } when PhiFlowSession.HasSourceBody(method.OriginalDefinition) => method.OriginalDefinition,
        _ => null,
    };
}
