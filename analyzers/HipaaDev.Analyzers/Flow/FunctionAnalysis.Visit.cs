using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using HipaaDev.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaDev.Analyzers.Flow;

/// <summary>The transfer function: what each kind of operation does to the state and what value it yields.</summary>
internal sealed partial class FunctionAnalysis
{
    private Taint Visit(IOperation? operation, FlowState state)
    {
        if (operation is null)
        {
            return Taint.Clean;
        }

        if (operation.ConstantValue.HasValue)
        {
            // Literals, nameof(...) and other constants carry no data, whatever they are computed from.
            return Taint.Clean;
        }

        var result = VisitCore(operation, state);
        return TextTypes.IsNonText(operation.Type) ? Taint.Clean : result;
    }

    private Taint VisitCore(IOperation operation, FlowState state)
    {
        // Switched on the kind, one call, rather than on interface types, one cast per case tried: this runs on every
        // operation the analysis visits, and the common ones (conversions, member reads, calls) came late in the list.
        switch (operation.Kind)
        {
            case OperationKind.LocalReference:
                return state.Get(StorageKey.ForSymbol(((ILocalReferenceOperation)operation).Local));

            case OperationKind.ParameterReference:
                return state.Get(StorageKey.ForSymbol(((IParameterReferenceOperation)operation).Parameter));

            case OperationKind.InstanceReference:
                return FunctionBody.InitializedObjectOf((IInstanceReferenceOperation)operation) is { } initialized
                    ? state.Get(StorageKey.ForInitializedObject(initialized))
                    : ThisValue(state);

            case OperationKind.FlowCaptureReference:
                return state.Get(StorageKey.ForCapture(((IFlowCaptureReferenceOperation)operation).Id));

            case OperationKind.FlowCapture:
                return VisitCapture((IFlowCaptureOperation)operation, state);

            case OperationKind.SimpleAssignment:
                var assignment = (ISimpleAssignmentOperation)operation;
                return VisitAssignment(assignment.Target, assignment.Value, state);

            case OperationKind.CompoundAssignment:
                return VisitCompoundAssignment((ICompoundAssignmentOperation)operation, state);

            case OperationKind.DeconstructionAssignment:
                return VisitDeconstruction((IDeconstructionAssignmentOperation)operation, state);

            case OperationKind.FieldReference:
            case OperationKind.PropertyReference:
                return VisitMemberRead((IMemberReferenceOperation)operation, state);

            case OperationKind.ArrayElementReference:
                var element = (IArrayElementReferenceOperation)operation;
                VisitAll(element.Indices, state);
                return Visit(element.ArrayReference, state).AsPlainValue();

            case OperationKind.Invocation:
                return VisitInvocation((IInvocationOperation)operation, state);

            case OperationKind.ObjectCreation:
                return VisitObjectCreation((IObjectCreationOperation)operation, state);

            case OperationKind.AnonymousObjectCreation:
                return VisitAnonymousObject((IAnonymousObjectCreationOperation)operation, state);

            case OperationKind.Binary:
                return VisitBinary((IBinaryOperation)operation, state);

            case OperationKind.InterpolatedString:
                return VisitTextParts(((IInterpolatedStringOperation)operation).Parts, state);

            case OperationKind.Interpolation:
                var interpolation = (IInterpolationOperation)operation;
                Visit(interpolation.Alignment, state);
                return AsText(interpolation.Expression, Visit(interpolation.Expression, state));

            case OperationKind.Conditional:
                var conditional = (IConditionalOperation)operation;
                Visit(conditional.Condition, state);
                return Visit(conditional.WhenTrue, state).Join(Visit(conditional.WhenFalse, state));

            case OperationKind.Coalesce:
                var coalesce = (ICoalesceOperation)operation;
                return Visit(coalesce.Value, state).Join(Visit(coalesce.WhenNull, state));

            case OperationKind.SwitchExpression:
                return VisitSwitchExpression((ISwitchExpressionOperation)operation, state);

            case OperationKind.IsPattern:
                var isPattern = (IIsPatternOperation)operation;
                VisitPattern(isPattern.Pattern, Visit(isPattern.Value, state), state);
                return Taint.Clean;

            case OperationKind.FlowAnonymousFunction:
                return AnalyzeLambda((IFlowAnonymousFunctionOperation)operation, state, Taint.Clean);

            case OperationKind.DelegateCreation:
                return Visit(((IDelegateCreationOperation)operation).Target, state);

            case OperationKind.MethodReference:
            case OperationKind.DefaultValue:
            case OperationKind.TypeOf:
            case OperationKind.SizeOf:
            case OperationKind.NameOf:
            case OperationKind.Literal:
            case OperationKind.CaughtException:
            case OperationKind.IsNull:
            case OperationKind.IsType:
                return Taint.Clean;

            case OperationKind.Conversion:
                return Visit(((IConversionOperation)operation).Operand, state);

            case OperationKind.Await:
                return Visit(((IAwaitOperation)operation).Operation, state);

            case OperationKind.ArrayCreation:
                var array = (IArrayCreationOperation)operation;
                VisitAll(array.DimensionSizes, state);
                return Visit(array.Initializer, state).AsPlainValue();

            case OperationKind.ArrayInitializer:
                return Join(((IArrayInitializerOperation)operation).ElementValues, state);

            case OperationKind.Tuple:
                return VisitTuple((ITupleOperation)operation, state);

            default:
                // Anything else (including invalid code): whatever flows into it flows out of it.
                return Join(operation.ChildOperations, state).AsPlainValue();
        }
    }

    private Taint ThisValue(FlowState state)
    {
        var value = state.Get(StorageKey.This);
        if (_owner.ContainingType is { } type && _session.Knowledge.IsPhiType(type))
        {
            value = value.Join(Taint.FromOrigin(new PhiOrigin(type.Name, type.Locations.FirstOrDefault())));
        }

        return value;
    }

    private Taint Join(IEnumerable<IOperation> operations, FlowState state)
    {
        var result = Taint.Clean;
        foreach (var operation in operations)
        {
            result = result.Join(Visit(operation, state).AsPlainValue());
        }

        return result;
    }

    private void VisitAll(IEnumerable<IOperation> operations, FlowState state)
    {
        foreach (var operation in operations)
        {
            Visit(operation, state);
        }
    }

    private Taint VisitCapture(IFlowCaptureOperation capture, FlowState state)
    {
        var value = Visit(capture.Value, state);
        var key = StorageKey.ForCapture(capture.Id);
        state.RemoveMembersOf(key);
        state.Set(key, value);
        if (KeyOf(capture.Value) is { Member: null } source)
        {
            state.CopyMembers(source, key);
            CaptureAliases[capture.Id] = source;
        }
        else if (capture.Value is IPropertyReferenceOperation or IFieldReferenceOperation)
        {
            // `message.Body ??= text` assigns through a capture of the member: remember which member it was.
            CapturedMembers[capture.Id] = (IMemberReferenceOperation)capture.Value;
        }

        return value;
    }

    private Taint VisitAssignment(IOperation target, IOperation value, FlowState state)
    {
        var taint = Visit(value, state);
        Assign(target, value, taint, state);
        return taint;
    }

    private void Assign(IOperation target, IOperation? valueOperation, Taint taint, FlowState state)
    {
        switch (target)
        {
            case ILocalReferenceOperation or IParameterReferenceOperation:
                AssignLocal(KeyOf(target)!, valueOperation, taint, state);
                return;

            case IPropertyReferenceOperation { Arguments.IsEmpty: false } indexer:
            {
                // dictionary["key"] = value: the collection now holds the value.
                VisitAll(indexer.Arguments, state);
                Visit(indexer.Instance, state);
                if (valueOperation is not null)
                {
                    RecordCollectionSink(indexer.Instance, valueOperation, taint);
                    RecordPropertySink(indexer.Property, valueOperation, taint);
                }

                AbsorbInto(indexer.Instance, taint, state);
                return;
            }

            case IFieldReferenceOperation or IPropertyReferenceOperation:
            {
                var member = (IMemberReferenceOperation)target;
                Visit(member.Instance, state);
                if (member is IPropertyReferenceOperation property && valueOperation is not null)
                {
                    RecordPropertySink(property.Property, valueOperation, taint);
                }

                if (KeyOf(member) is { } key)
                {
                    state.SetMember(key, taint);
                }
                else
                {
                    AbsorbInto(member.Instance, taint, state);
                }

                return;
            }

            case IArrayElementReferenceOperation element:
                VisitAll(element.Indices, state);
                AbsorbInto(element.ArrayReference, taint, state);
                return;

            case IFlowCaptureReferenceOperation capture:
                state.Set(StorageKey.ForCapture(capture.Id), taint);
                if (CaptureAliases.TryGetValue(capture.Id, out var original))
                {
                    // A captured variable used as an assignment target (`text = a ?? b` inside a switch section).
                    state.RemoveMembersOf(original);
                    state.Set(original, taint);
                }
                else if (CapturedMembers.TryGetValue(capture.Id, out var member))
                {
                    Assign(member, valueOperation, taint, state);
                }

                return;

            case ITupleOperation tuple:
                foreach (var element in tuple.Elements)
                {
                    Assign(element, null, taint, state);
                }

                return;

            case IDeclarationExpressionOperation declaration:
                Assign(declaration.Expression, valueOperation, taint, state);
                return;

            default:
                Visit(target, state);
                return;
        }
    }

    private Taint VisitCompoundAssignment(ICompoundAssignmentOperation compound, FlowState state)
    {
        var current = Visit(compound.Target, state);
        var added = AsText(compound.Value, Visit(compound.Value, state));
        var taint = current.AsPlainValue().Join(added);
        Assign(compound.Target, compound.Value, taint, state);
        return taint;
    }

    private Taint VisitDeconstruction(IDeconstructionAssignmentOperation deconstruction, FlowState state)
    {
        var value = Visit(deconstruction.Value, state);
        var targets = deconstruction.Target is IDeclarationExpressionOperation declaration ? declaration.Expression : deconstruction.Target;
        if (targets is ITupleOperation targetTuple && Unconverted(deconstruction.Value) is ITupleOperation valueTuple
            && targetTuple.Elements.Length == valueTuple.Elements.Length)
        {
            for (var i = 0; i < targetTuple.Elements.Length; i++)
            {
                Assign(targetTuple.Elements[i], valueTuple.Elements[i], Visit(valueTuple.Elements[i], state), state);
            }
        }
        else if (targets is ITupleOperation elements)
        {
            // (a, b) = dto: each target receives the member its position names (a tuple's element, a
            // Deconstruct parameter's property).
            var names = PositionalMemberNames(Unconverted(deconstruction.Value).Type, elements.Elements.Length);
            for (var i = 0; i < elements.Elements.Length; i++)
            {
                Assign(elements.Elements[i], null, MemberOf(value, Unconverted(deconstruction.Value).Type, names?[i]), state);
            }
        }
        else
        {
            Assign(targets, null, value, state);
        }

        return value;
    }

    /// <summary>
    /// The names of the members a positional deconstruction of <paramref name="type"/> yields, in order: a tuple's
    /// elements, or the properties a <c>Deconstruct</c> method's parameters are named after (records).
    /// </summary>
    private static string[]? PositionalMemberNames(ITypeSymbol? type, int count, IMethodSymbol? deconstruct = null)
    {
        if (type is INamedTypeSymbol { IsTupleType: true })
        {
            return Enumerable.Range(0, count).Select(TupleElementName).ToArray();
        }

        deconstruct ??= type?.GetMembers("Deconstruct").OfType<IMethodSymbol>()
            .FirstOrDefault(m => m.Parameters.Length == count && m.Parameters.All(p => p.RefKind == RefKind.Out));
        if (deconstruct is null || type is null)
        {
            return null;
        }

        var names = new string[count];
        for (var i = 0; i < count && i < deconstruct.Parameters.Length; i++)
        {
            var parameter = deconstruct.Parameters[i].Name;
            var property = type.GetMembers().FirstOrDefault(m => m is IPropertySymbol or IFieldSymbol
                && string.Equals(m.Name, parameter, System.StringComparison.OrdinalIgnoreCase));
            names[i] = property?.Name ?? parameter;
        }

        return names;
    }

    /// <summary>Reading one member of a value, by name: per member for objects built here, else the known sources.</summary>
    private Taint MemberOf(Taint value, ITypeSymbol? type, string? name)
    {
        if (name is null)
        {
            return value.AsPlainValue();
        }

        if (value.IsFreshObject)
        {
            return value.Member(name);
        }

        var symbol = type?.GetMembers(name).FirstOrDefault(m => m is IPropertySymbol or IFieldSymbol);
        if (symbol is not null && _session.Knowledge.IsPhiMember(symbol))
        {
            return Taint.FromOrigin(new PhiOrigin(PhiFlowSession.DisplayName(symbol), symbol.Locations.FirstOrDefault()));
        }

        return type is not null && _session.Knowledge.CarriesPhi(type) ? Taint.Clean : value.AsPlainValue();
    }

    private Taint VisitMemberRead(IMemberReferenceOperation reference, FlowState state)
    {
        var member = reference.Member;
        var instance = reference.Instance is null ? Taint.Clean : Visit(reference.Instance, state);
        if (reference is IPropertyReferenceOperation { Arguments.IsEmpty: false } indexer)
        {
            VisitAll(indexer.Arguments, state);
            return instance.AsPlainValue();
        }

        if (_session.Knowledge.IsPhiMember(member))
        {
            return Taint.FromOrigin(new PhiOrigin(PhiFlowSession.DisplayName(member), member.Locations.FirstOrDefault()));
        }

        var result = Taint.Clean;
        var key = KeyOf(reference);
        var tracked = Taint.Clean;
        var isTracked = key is { } known && state.TryGet(known, out tracked);
        if (isTracked)
        {
            result = tracked;
        }
        else if (instance.IsFreshObject)
        {
            result = instance.Member(Taint.MemberName(member));
        }
        else if (reference.Instance is not null && !TextTypes.NonTextMembers.Contains(member.Name)
            && !_session.Knowledge.CarriesPhi(reference.Instance.Type))
        {
            // A member of an untyped PHI value (a string, a JSON node, an unannotated DTO) is PHI too. Members of
            // annotated models are trusted to say which of them are PHI.
            result = instance;
        }

        if (!isTracked && key is { } untracked && (untracked.IsThis || member.IsStatic)
            && _session.FieldOrigin(member, _cancellationToken) is { } origin)
        {
            // Written with PHI by another method of its type (a constructor, Prepare, Enqueue) and read here.
            result = result.Join(Taint.FromOrigin(origin));
        }

        if (member is IPropertySymbol { GetMethod: { } getter } && TextTypes.IsTextLike(getter.ReturnType) && PhiFlowSession.HasSourceBody(getter))
        {
            result = result.Join(ApplySummary(getter, reference.Instance, instance, ImmutableArray<IArgumentOperation>.Empty, ImmutableArray<Taint>.Empty, state));
        }

        return result.AsPlainValue();
    }

    private Taint VisitBinary(IBinaryOperation binary, FlowState state)
    {
        var left = Visit(binary.LeftOperand, state);
        var right = Visit(binary.RightOperand, state);
        if (binary.Type?.SpecialType == SpecialType.System_String)
        {
            return AsText(binary.LeftOperand, left).Join(AsText(binary.RightOperand, right));
        }

        return left.AsPlainValue().Join(right.AsPlainValue());
    }

    private Taint VisitTextParts(ImmutableArray<IInterpolatedStringContentOperation> parts, FlowState state)
    {
        var result = Taint.Clean;
        foreach (var part in parts)
        {
            result = result.Join(Visit(part, state).AsPlainValue());
        }

        return result;
    }

    private Taint VisitSwitchExpression(ISwitchExpressionOperation switchExpression, FlowState state)
    {
        var governing = Visit(switchExpression.Value, state);
        var result = Taint.Clean;
        foreach (var arm in switchExpression.Arms)
        {
            VisitPattern(arm.Pattern, governing, state);
            Visit(arm.Guard, state);
            result = result.Join(Visit(arm.Value, state));
        }

        return result;
    }

    /// <summary>Binds the locals a pattern declares: the whole value, or the member a sub-pattern matches.</summary>
    private void VisitPattern(IPatternOperation? pattern, Taint value, FlowState state)
    {
        switch (pattern)
        {
            case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local }:
                state.Set(StorageKey.ForSymbol(local), value);
                break;

            case IRecursivePatternOperation recursive:
                if (recursive.DeclaredSymbol is ILocalSymbol declared)
                {
                    state.Set(StorageKey.ForSymbol(declared), value);
                }

                var type = recursive.MatchedType ?? recursive.InputType;
                foreach (var property in recursive.PropertySubpatterns)
                {
                    var member = property.Member is IMemberReferenceOperation reference ? reference.Member : null;
                    var name = member is null ? null : Taint.MemberName(member);
                    VisitPattern(property.Pattern, MemberOf(value, type, name), state);
                }

                var positions = recursive.DeconstructionSubpatterns;
                var names = positions.IsEmpty ? null : PositionalMemberNames(type, positions.Length, recursive.DeconstructSymbol as IMethodSymbol);
                for (var i = 0; i < positions.Length; i++)
                {
                    VisitPattern(positions[i], MemberOf(value, type, names?[i]), state);
                }

                break;

            case IBinaryPatternOperation binary:
                VisitPattern(binary.LeftPattern, value, state);
                VisitPattern(binary.RightPattern, value, state);
                break;

            case INegatedPatternOperation negated:
                VisitPattern(negated.Pattern, value, state);
                break;
        }
    }

    private Taint VisitAnonymousObject(IAnonymousObjectCreationOperation anonymous, FlowState state)
    {
        var members = new List<KeyValuePair<string, Taint>>();
        foreach (var initializer in anonymous.Initializers)
        {
            if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
            {
                members.Add(new KeyValuePair<string, Taint>(property.Property.Name, Visit(assignment.Value, state)));
            }
            else
            {
                Visit(initializer, state);
            }
        }

        return Taint.FreshObject(Taint.Clean, members);
    }

    /// <summary>A tuple is an object whose elements are its members, tracked by position.</summary>
    private Taint VisitTuple(ITupleOperation tuple, FlowState state)
    {
        var members = new List<KeyValuePair<string, Taint>>();
        for (var i = 0; i < tuple.Elements.Length; i++)
        {
            members.Add(new KeyValuePair<string, Taint>(TupleElementName(i), Visit(tuple.Elements[i], state)));
        }

        return Taint.FreshObject(Taint.Clean, members);
    }

    private static string TupleElementName(int index) => "Item" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The taint of a value turned into text: an object whose type carries PHI members prints them through
    /// <c>ToString()</c> (records do by default), so it counts as PHI there.
    /// </summary>
    private Taint AsText(IOperation operation, Taint taint)
    {
        taint = taint.AsPlainValue();
        if (taint.HasPhi)
        {
            return taint;
        }

        var type = Unconverted(operation).Type;
        if (type is not null && type.SpecialType == SpecialType.None && _session.Knowledge.CarriesPhi(type))
        {
            return taint.Join(Taint.FromOrigin(CarrierOrigin(type)));
        }

        return taint;
    }

    /// <summary>Names a PHI-carrying type by the model it holds: <c>List&lt;Patient&gt;</c> is named <c>Patient</c>.</summary>
    private PhiOrigin CarrierOrigin(ITypeSymbol type)
    {
        var named = type;
        while (!_session.Knowledge.IsPhiType(named) && ElementOf(named) is { } element && _session.Knowledge.CarriesPhi(element))
        {
            named = element;
        }

        return new PhiOrigin(named.Name, named.Locations.FirstOrDefault(l => l.IsInSource));
    }

    private static ITypeSymbol? ElementOf(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => array.ElementType,
        INamedTypeSymbol { IsGenericType: true } generic => generic.TypeArguments.LastOrDefault(),
        _ => null,
    };

    private void AbsorbInto(IOperation? container, Taint taint, FlowState state)
    {
        // builder.Append(a).Append(b): a fluent call returns its receiver, so the chain's root receives it all.
        while (container is IInvocationOperation { Instance: { } receiver } fluent
            && SymbolEqualityComparer.Default.Equals(fluent.TargetMethod.ReturnType, fluent.TargetMethod.ContainingType))
        {
            container = receiver;
        }

        if (container is not null && KeyOf(container) is { } key)
        {
            if (key.Member is not null)
            {
                state.AddToMember(key, taint);
            }
            else
            {
                state.Add(key, taint);
                if (key.Root is CaptureId id && CaptureAliases.TryGetValue(id, out var original))
                {
                    state.Add(original, taint);
                }
            }
        }
    }

    /// <summary>A local or parameter takes the value, and the members of the object it copies.</summary>
    private static void AssignLocal(StorageKey key, IOperation? valueOperation, Taint taint, FlowState state)
    {
        state.RemoveMembersOf(key);
        state.Set(key, taint);
        if (valueOperation is not null && KeyOf(valueOperation) is { Member: null } source)
        {
            state.CopyMembers(source, key);
        }
    }

    /// <summary>The storage location an operation reads or writes, when it is one the analysis tracks.</summary>
    private static StorageKey? KeyOf(IOperation? operation)
    {
        switch (operation)
        {
            case ILocalReferenceOperation local:
                return StorageKey.ForSymbol(local.Local);
            case IParameterReferenceOperation parameter:
                return StorageKey.ForSymbol(parameter.Parameter);
            case IFlowCaptureReferenceOperation capture:
                return StorageKey.ForCapture(capture.Id);
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                return StorageKey.This;
            case IInstanceReferenceOperation receiver when FunctionBody.InitializedObjectOf(receiver) is { } initialized:
                // `Body` in `new MailMessage { Body = text }`, read outside a graph: the object being initialized.
                return StorageKey.ForInitializedObject(initialized);
            case IObjectCreationOperation { Initializer: { } initializer } creation when FunctionBody.AssignsMembersOnly(initializer):
                return StorageKey.ForInitializedObject(creation);
            case IConversionOperation { IsImplicit: true } conversion:
                return KeyOf(conversion.Operand);
            case IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } member
                when member is not IPropertyReferenceOperation { Arguments.IsEmpty: false }:
                if (member.Instance is null)
                {
                    return member.Member.IsStatic ? StorageKey.ForSymbol(member.Member) : null;
                }

                return KeyOf(member.Instance) is { Member: null } root ? root.WithMember(member.Member) : null;
            default:
                return null;
        }
    }
}
