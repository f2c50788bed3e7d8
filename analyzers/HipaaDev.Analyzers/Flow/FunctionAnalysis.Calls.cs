using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using HipaaDev.Analyzers.Knowledge;
using HipaaDev.Analyzers.Sinks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaDev.Analyzers.Flow;

/// <summary>Calls: sinks, sanitizers, helper summaries, lambdas, local functions and unknown methods.</summary>
internal sealed partial class FunctionAnalysis
{
    private Taint VisitInvocation(IInvocationOperation invocation, FlowState state)
    {
        var receiver = Visit(invocation.Instance, state);
        var arguments = VisitArguments(invocation.Arguments, receiver, state);
        var result = VisitCall(invocation, receiver, arguments, state);
        if (invocation.TargetMethod.Parameters.Any(p => p.RefKind is RefKind.Out or RefKind.Ref))
        {
            // What flows out through out/ref is what flows in: the receiver (a cache, a parser) and the other arguments.
            var produced = result.Join(receiver.AsPlainValue());
            foreach (var taint in arguments)
            {
                produced = produced.Join(taint.AsPlainValue());
            }

            AssignOutArguments(invocation.Arguments, produced, state);
        }

        return result;
    }

    private Taint VisitCall(IInvocationOperation invocation, Taint receiver, Taint[] arguments, FlowState state)
    {
        var method = invocation.TargetMethod;

        if (method.MethodKind == MethodKind.LocalFunction)
        {
            return CallLocalFunction(method, invocation.Arguments, arguments, state);
        }

        if (method.MethodKind == MethodKind.DelegateInvoke && StoredDelegates.MemberInvoked(invocation.Instance) is { } stored
            && _session.Delegates.TargetsOf(stored, _cancellationToken) is { IsEmpty: false } functions)
        {
            // _format(patient): what the lambdas and methods assigned to _format do with the arguments.
            var returned = Taint.Clean;
            foreach (var function in functions)
            {
                returned = returned.Join(ApplySummary(function, null, Taint.Clean, invocation.Arguments, arguments, state));
            }

            return returned;
        }

        RecordMethodSinks(method, invocation.Arguments, arguments, state);
        if (invocation.Instance is not null)
        {
            for (var i = 0; i < arguments.Length; i++)
            {
                RecordCollectionSink(invocation.Instance, invocation.Arguments[i].Value, arguments[i]);
            }
        }

        if (_session.Knowledge.IsSanitizer(method))
        {
            return Taint.Clean;
        }

        if (method.Name == "<Clone>$")
        {
            // The copy a `with` expression starts from: the same members, then overwritten one by one.
            return receiver;
        }

        var producesText = TextTypes.IsTextLike(method.ReturnType) || method.ReturnsVoid;
        var argumentsJoined = Taint.Clean;
        for (var i = 0; i < arguments.Length; i++)
        {
            argumentsJoined = argumentsJoined.Join(producesText ? AsText(invocation.Arguments[i].Value, arguments[i]) : arguments[i].AsPlainValue());
        }

        // list.Add(phi), builder.Append(phi), writer.Write(phi): the receiver now holds the value.
        if (invocation.Instance is not null && !argumentsJoined.IsClean && ReceiverAbsorbsArguments(method))
        {
            AbsorbInto(invocation.Instance, argumentsJoined, state);
        }

        var result = _session.Knowledge.ReturnsPhi(method)
            ? Taint.FromOrigin(new PhiOrigin(PhiFlowSession.DisplayName(method) + "()", method.Locations.FirstOrDefault()))
            : Taint.Clean;

        // ToString() of a type with PHI members prints them (records do by default), whoever wrote it.
        if (method.Name == "ToString" && method.Parameters.IsEmpty && invocation.Instance is not null)
        {
            result = result.Join(AsText(invocation.Instance, receiver));
        }

        // A helper's summary costs a control-flow graph. It is worth it when the helper can return text built from
        // PHI (a body-building helper) or can reach a sink; any other helper is treated like an unknown method.
        var targets = RunnableOn(invocation.Instance, _session.CallTargets(method));
        if (!targets.IsEmpty && (TextTypes.IsTextLike(method.ReturnType) || ReturnsObjectWithMembers(method) || method.Parameters.Any(parameter => TextTypes.IsFillable(parameter.Type))
            || _session.MayReachSinkThroughCall(method, _cancellationToken)))
        {
            foreach (var target in targets)
            {
                result = result.Join(ApplySummary(target, invocation.Instance, receiver, invocation.Arguments, arguments, state));
            }

            return result;
        }

        if (TextTypes.NonTextMembers.Contains(method.Name) || TextTypes.IsNonText(method.ReturnType))
        {
            return Taint.Clean;
        }

        // An unknown method: assume whatever goes in comes out (string.Format, Join, Trim, JsonSerializer, ...).
        var receiverText = invocation.Instance is null ? Taint.Clean
            : TextTypes.IsTextLike(method.ReturnType) ? AsText(invocation.Instance, receiver) : receiver.AsPlainValue();
        return result.Join(argumentsJoined).Join(receiverText);
    }

    /// <summary>
    /// The call targets a receiver can run: those declared on its static type, on a type it derives from, or on a type
    /// deriving from it, or an interface's default implementation. <c>sms.DisposeAsync()</c> on a <c>ReminderSms</c> runs
    /// ReminderSms's implementation, not every implementation of <c>IAsyncDisposable</c> in the compilation; through an
    /// interface or a type parameter, it may run any.
    /// </summary>
    private static ImmutableArray<IMethodSymbol> RunnableOn(IOperation? instance, ImmutableArray<IMethodSymbol> targets)
    {
        while (instance is IConversionOperation { IsImplicit: true } conversion)
        {
            instance = conversion.Operand;
        }

        if (targets.IsEmpty || instance?.Type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } receiver)
        {
            return targets;
        }

        // An interface's default implementation runs for a class that does not implement the member itself.
        return targets.RemoveAll(target => target.ContainingType is not { } declaring
            || !(declaring.TypeKind == TypeKind.Interface || DerivesFrom(declaring, receiver) || DerivesFrom(receiver, declaring)));
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol ancestor)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, ancestor.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A helper that builds and returns a tuple or one of this compilation's types (a mapper, a DTO factory): its
    /// summary says which members of the result carry PHI, so a neutral member stays neutral at the caller.
    /// </summary>
    private static bool ReturnsObjectWithMembers(IMethodSymbol method)
    {
        var type = method.ReturnType;
        if (type is INamedTypeSymbol { IsGenericType: true, Name: "Task" or "ValueTask" } task)
        {
            type = task.TypeArguments[0];
        }

        return type is INamedTypeSymbol { IsTupleType: true }
            || (type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct, IsStatic: false, SpecialType: SpecialType.None } named
                && SymbolEqualityComparer.Default.Equals(named.ContainingAssembly, method.ContainingAssembly));
    }

    /// <summary><c>dictionary.TryGetValue(key, out var value)</c>: out and ref arguments receive what the call produces.</summary>
    private void AssignOutArguments(ImmutableArray<IArgumentOperation> arguments, Taint produced, FlowState state)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref)
            {
                Assign(argument.Value, null, produced.AsPlainValue(), state);
            }
        }
    }

    private Taint[] VisitArguments(ImmutableArray<IArgumentOperation> arguments, Taint receiver, FlowState state)
    {
        var taints = new Taint[arguments.Length];
        var context = receiver.AsPlainValue();
        for (var i = 0; i < arguments.Length; i++)
        {
            if (!IsLambda(arguments[i].Value))
            {
                taints[i] = Visit(arguments[i].Value, state);
                context = context.Join(taints[i].AsPlainValue());
            }
        }

        // A lambda given to a call sees the call's other inputs: items.Select(p => p.Name) over PHI is PHI.
        for (var i = 0; i < arguments.Length; i++)
        {
            if (IsLambda(arguments[i].Value))
            {
                taints[i] = AnalyzeLambda(LambdaOf(arguments[i].Value)!, state, context);
            }
        }

        return taints;
    }

    private static bool IsLambda(IOperation value) => LambdaOf(value) is not null;

    private static IFlowAnonymousFunctionOperation? LambdaOf(IOperation value) => value switch
    {
        IFlowAnonymousFunctionOperation lambda => lambda,
        IDelegateCreationOperation { Target: IFlowAnonymousFunctionOperation lambda } => lambda,
        IConversionOperation { Operand: { } operand } => LambdaOf(operand),
        _ => null,
    };

    private Taint VisitObjectCreation(IObjectCreationOperation creation, FlowState state)
    {
        var arguments = VisitArguments(creation.Arguments, Taint.Clean, state);
        var unattributed = Taint.Clean;
        var members = new List<KeyValuePair<string, Taint>>();
        var positional = creation.Constructor is { } known && IsRecordPrimaryConstructor(known);
        for (var i = 0; i < arguments.Length; i++)
        {
            // A positional record's parameter becomes the property of the same name.
            if (positional && creation.Arguments[i].Parameter is { } parameter
                && creation.Type?.GetMembers(parameter.Name).Any(m => m is IPropertySymbol) == true)
            {
                members.Add(new KeyValuePair<string, Taint>(parameter.Name, arguments[i]));
            }
            else
            {
                unattributed = unattributed.Join(arguments[i].AsPlainValue());
            }
        }

        if (creation.Constructor is { } constructor)
        {
            RecordMethodSinks(constructor, creation.Arguments, arguments, state);
            if (!positional)
            {
                foreach (var target in _session.CallTargets(constructor))
                {
                    ApplySummary(target, null, Taint.Clean, creation.Arguments, arguments, state);
                }
            }
        }

        var result = Taint.FreshObject(unattributed, members);
        if (creation.Initializer is not { } initializer)
        {
            return result;
        }

        if (FunctionBody.AssignsMembersOnly(initializer))
        {
            // What a graph makes of it: the new object in a place of its own, then one member write per initializer.
            var created = StorageKey.ForInitializedObject(creation);
            state.RemoveMembersOf(created);
            state.Set(created, result);
            foreach (var assignment in initializer.Initializers)
            {
                Visit(assignment, state);
            }

            return state.Get(created);
        }

        // Any other initializer outside a graph (collection or nested initializers): count it whole.
        return result.WithUnattributed(Visit(initializer, state));
    }

    private static bool IsRecordPrimaryConstructor(IMethodSymbol constructor) =>
        constructor.ContainingType is { IsRecord: true }
        && constructor.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax);

    private void RecordMethodSinks(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, Taint[] taints, FlowState state)
    {
        var specs = _session.Sinks.ForMethod(method);
        if (specs.IsEmpty)
        {
            return;
        }

        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = arguments[i];
            if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            // The most derived declaration wins: specs come ordered type, base types, then interfaces.
            foreach (var spec in specs)
            {
                if (spec.ParameterName != parameter.Name)
                {
                    continue;
                }

                if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } elements })
                {
                    // MimeKit's params object[] constructors: the strings among them are the text.
                    foreach (var element in elements.ElementValues)
                    {
                        if (Unconverted(element).Type?.SpecialType == SpecialType.System_String)
                        {
                            Record(spec, element, Visit(element, state));
                        }
                    }
                }
                else if (parameter.IsParams && parameter.Type is IArrayTypeSymbol && Unconverted(argument.Value).Type?.SpecialType != SpecialType.System_String
                    && argument.ArgumentKind == ArgumentKind.Explicit && !SymbolEqualityComparer.Default.Equals(Unconverted(argument.Value).Type, parameter.Type))
                {
                    continue;
                }
                else
                {
                    Record(spec, argument.Value, AsTemplateValue(spec, argument.Value, taints[i]));
                }

                break;
            }
        }
    }

    private Taint AsTemplateValue(SinkSpec spec, IOperation value, Taint taint) =>
        spec.Role == SinkRole.TemplateModel ? taint : AsText(value, taint);

    private void RecordPropertySink(IPropertySymbol property, IOperation value, Taint taint)
    {
        if (_session.Sinks.ForProperty(property) is { } spec)
        {
            Record(spec, value, AsTemplateValue(spec, value, taint));
        }
    }

    /// <summary>personalization.Substitutions.Add(key, phi): adding to a content collection of a message.</summary>
    private void RecordCollectionSink(IOperation? container, IOperation value, Taint taint)
    {
        if (container is IPropertyReferenceOperation { Arguments.IsEmpty: true } property
            && property.Type?.SpecialType != SpecialType.System_String
            && _session.Sinks.ForProperty(property.Property) is { } spec)
        {
            Record(spec, value, AsTemplateValue(spec, value, taint));
        }
    }

    private static bool ReceiverAbsorbsArguments(IMethodSymbol method)
    {
        if (method.IsStatic || method.ContainingType is null || method.ContainingType.SpecialType == SpecialType.System_String)
        {
            return false;
        }

        return !TextTypes.IsNonText(method.ReturnType) || method.ReturnsVoid;
    }

    /// <summary>Applies a helper's summary at a call site: its result, and the parameters that reach sinks inside it.</summary>
    private Taint ApplySummary(
        IMethodSymbol target,
        IOperation? instance,
        Taint receiver,
        ImmutableArray<IArgumentOperation> arguments,
        IReadOnlyList<Taint> taints,
        FlowState state)
    {
        var summary = _session.GetSummary(target, _budget, _cancellationToken);
        if (summary.IsConservative)
        {
            var all = receiver.AsPlainValue();
            for (var i = 0; i < taints.Count; i++)
            {
                all = all.Join(AsText(arguments[i].Value, taints[i]));
            }

            return all;
        }

        foreach (var sink in summary.ParameterSinks)
        {
            if (sink.Ordinal == MethodSummary.ThisOrdinal)
            {
                if (instance is not null)
                {
                    RecordHelperHit(sink, instance, receiver);
                }

                continue;
            }

            var index = ArgumentIndexFor(arguments, sink.Ordinal);
            if (index >= 0)
            {
                RecordHelperHit(sink, arguments[index].Value, AsTemplateValue(sink.Spec, arguments[index].Value, taints[index]));
            }
        }

        // A helper that fills the builder, writer or list it is given: the caller's object now holds that too.
        foreach (var write in summary.ParameterWrites)
        {
            var index = ArgumentIndexFor(arguments, write.Ordinal);
            var received = AtCallSite(write.Taint, receiver, arguments, taints).AsPlainValue();
            if (index >= 0 && !received.IsClean)
            {
                AbsorbInto(arguments[index].Value, received, state);
            }
        }

        return AtCallSite(summary.Returned, receiver, arguments, taints);
    }

    /// <summary>
    /// Translates a taint from a helper's summary to its call site: its PHI origin stays, each parameter bit becomes
    /// the taint of the argument passed for it, and an object the helper built keeps its members apart.
    /// </summary>
    private static Taint AtCallSite(Taint summarised, Taint receiver, ImmutableArray<IArgumentOperation> arguments, IReadOnlyList<Taint> taints)
    {
        if (summarised.Members is { } members)
        {
            var mapped = new List<KeyValuePair<string, Taint>>(members.Count);
            foreach (var member in members)
            {
                mapped.Add(new KeyValuePair<string, Taint>(member.Key, AtCallSite(member.Value, receiver, arguments, taints)));
            }

            return Taint.FreshObject(AtCallSite(summarised.Unattributed, receiver, arguments, taints), mapped);
        }

        var result = summarised.HasPhi ? Taint.FromOrigin(summarised.Origin!) : Taint.Clean;
        var bits = summarised.Parameters;
        for (var ordinal = 0; bits != 0; ordinal++, bits >>= 1)
        {
            if ((bits & 1) == 0)
            {
                continue;
            }

            if (ordinal == MethodSummary.ThisOrdinal)
            {
                result = result.Join(receiver.AsPlainValue());
            }
            else if (ArgumentIndexFor(arguments, ordinal) is var index && index >= 0)
            {
                result = result.Join(taints[index].AsPlainValue());
            }
        }

        return result;
    }

    private static int ArgumentIndexFor(ImmutableArray<IArgumentOperation> arguments, int ordinal)
    {
        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i].Parameter?.Ordinal == ordinal)
            {
                return i;
            }
        }

        return -1;
    }

    private Taint AnalyzeLambda(IFlowAnonymousFunctionOperation lambda, FlowState state, Taint parameters)
    {
        if (_nesting >= MaxNesting)
        {
            return parameters.AsPlainValue();
        }

        var graph = _graph!.GetAnonymousFunctionControlFlowGraph(lambda, _cancellationToken);
        var entry = state.Clone();
        foreach (var parameter in lambda.Symbol.Parameters)
        {
            entry.Set(StorageKey.ForSymbol(parameter), parameters.AsPlainValue());
        }

        var approved = _isApproved || _session.Approvals.IsApproved(lambda.Symbol);
        var nested = new FunctionAnalysis(_session, graph, lambda.Symbol, approved, _budget, _nesting + 1, _cancellationToken, _localFunctionsInProgress)
        {
            _recording = false,
        };
        nested.Run(entry);
        if (_recording)
        {
            _hits.AddRange(nested.Hits);
            _sites.AddRange(nested.Sites);
        }

        return nested.Returned;
    }

    private Taint CallLocalFunction(IMethodSymbol localFunction, ImmutableArray<IArgumentOperation> arguments, Taint[] taints, FlowState state)
    {
        var conservative = Taint.Clean;
        for (var i = 0; i < taints.Length; i++)
        {
            conservative = conservative.Join(AsText(arguments[i].Value, taints[i]));
        }

        if (_nesting >= MaxNesting || !_localFunctionsInProgress.Add(localFunction))
        {
            return conservative;
        }

        try
        {
            var graph = _graph!.GetLocalFunctionControlFlowGraphInScope(localFunction, _cancellationToken);
            var entry = state.Clone();
            foreach (var parameter in localFunction.Parameters)
            {
                var ordinal = LocalFunctionFirstOrdinal + parameter.Ordinal;
                var taint = ordinal < MethodSummary.ThisOrdinal ? Taint.FromParameter(ordinal) : Taint.Clean;
                if (_session.Knowledge.IsPhiParameter(parameter))
                {
                    taint = taint.Join(Taint.FromOrigin(new PhiOrigin(parameter.Name, parameter.Locations.FirstOrDefault())));
                }

                entry.Set(StorageKey.ForSymbol(parameter), taint);
            }

            var approved = _isApproved || _session.Approvals.IsApproved(localFunction);
            var nested = new FunctionAnalysis(_session, graph, localFunction, approved, _budget, _nesting + 1, _cancellationToken, _localFunctionsInProgress);
            nested.Run(entry);

            if (_recording)
            {
                _sites.AddRange(nested.Sites);
                var via = localFunction.Name;
                foreach (var hit in nested.Hits)
                {
                    // PHI that came in through a parameter is reported where it entered: the call's argument.
                    var inside = WithoutLocalParameters(hit.Taint);
                    if (!inside.IsClean)
                    {
                        _hits.Add(hit with { Taint = inside });
                    }

                    foreach (var index in LocalParameterArguments(hit.Taint, arguments))
                    {
                        var value = arguments[index].Value;
                        var taint = AsTemplateValue(hit.Spec, value, taints[index]);
                        if (!taint.IsClean && value.Syntax is not null)
                        {
                            _hits.Add(hit with { ValueSyntax = value.Syntax, Taint = taint.AsPlainValue(), Via = hit.Via ?? via, IsApproved = hit.IsApproved || _isApproved });
                        }
                    }
                }
            }

            var returned = nested.Returned;
            var result = WithoutLocalParameters(returned);
            foreach (var index in LocalParameterArguments(returned, arguments))
            {
                result = result.Join(taints[index].AsPlainValue());
            }

            return result;
        }
        finally
        {
            _localFunctionsInProgress.Remove(localFunction);
        }
    }

    private static Taint WithoutLocalParameters(Taint taint)
    {
        var mask = ~0UL << LocalFunctionFirstOrdinal & ~(1UL << MethodSummary.ThisOrdinal);
        if ((taint.Parameters & mask) == 0)
        {
            return taint;
        }

        var kept = Taint.Clean;
        if (taint.Origin is not null)
        {
            kept = Taint.FromOrigin(taint.Origin);
        }

        var bits = taint.Parameters & ~mask;
        for (var ordinal = 0; bits != 0; ordinal++, bits >>= 1)
        {
            if ((bits & 1) != 0)
            {
                kept = kept.Join(Taint.FromParameter(ordinal));
            }
        }

        return kept;
    }

    private static IEnumerable<int> LocalParameterArguments(Taint taint, ImmutableArray<IArgumentOperation> arguments)
    {
        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i].Parameter is { } parameter)
            {
                var ordinal = LocalFunctionFirstOrdinal + parameter.Ordinal;
                if (ordinal < MethodSummary.ThisOrdinal && (taint.Parameters & (1UL << ordinal)) != 0)
                {
                    yield return i;
                }
            }
        }
    }
}
