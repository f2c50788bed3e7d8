using System.Globalization;
using HipaaDev.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace HipaaDev.Analyzers.Tests.Infrastructure;

/// <summary>
/// Expected diagnostics, by rule. A flow diagnostic (HIPAA001, HIPAA002, HIPAA004) is stated with the marker of the
/// sink argument, the PHI source its message names, and the marker of that source's declaration:
/// <c>Expect.Body(0, "Patient.Diagnosis", 1)</c>. A source declared in metadata (an SDK, Firely's FHIR models) has
/// no additional location: <c>Expect.Body(0, "Patient.BirthDate")</c> says so. Only the source argument of the
/// message is compared unless a test adds <c>WithMessage</c> or <c>WithArguments</c>.
/// </summary>
internal static class Expect
{
    /// <summary>HIPAA001 at marker <paramref name="at"/>, naming <paramref name="source"/> declared at marker <paramref name="sourceAt"/>.</summary>
    public static DiagnosticResult Body(int at, string source, int sourceAt) => Flow(PhiInMessageBody.Descriptor, at, source, sourceAt);

    /// <summary>
    /// HIPAA001 at marker <paramref name="at"/>, naming <paramref name="source"/>, with no additional location: the
    /// source is declared outside the test sources (an SDK, Firely's FHIR models).
    /// </summary>
    public static DiagnosticResult Body(int at, string source) => Flow(PhiInMessageBody.Descriptor, at, source, sourceAt: null);

    /// <summary>HIPAA002 at marker <paramref name="at"/>, naming <paramref name="source"/> declared at marker <paramref name="sourceAt"/>.</summary>
    public static DiagnosticResult Subject(int at, string source, int sourceAt) => Flow(PhiInSubject.Descriptor, at, source, sourceAt);

    /// <summary>HIPAA002 naming <paramref name="source"/>, declared outside the test sources (no additional location).</summary>
    public static DiagnosticResult Subject(int at, string source) => Flow(PhiInSubject.Descriptor, at, source, sourceAt: null);

    /// <summary>HIPAA004 at marker <paramref name="at"/>, naming <paramref name="source"/> declared at marker <paramref name="sourceAt"/>.</summary>
    public static DiagnosticResult Template(int at, string source, int sourceAt) => Flow(PhiObjectInTemplate.Descriptor, at, source, sourceAt);

    /// <summary>HIPAA004 naming <paramref name="source"/>, with no additional location.</summary>
    public static DiagnosticResult Template(int at, string source) => Flow(PhiObjectInTemplate.Descriptor, at, source, sourceAt: null);

    /// <summary>
    /// HIPAA001 by location alone (and the additional location when <paramref name="source"/> is given), for tests that
    /// state the whole message or its arguments themselves. Prefer the overloads that name the source.
    /// </summary>
    public static DiagnosticResult Body(int at, int? source = null) => Located(PhiInMessageBody.Descriptor, at, source);

    /// <summary>HIPAA002 by location alone; prefer the overloads that name the source.</summary>
    public static DiagnosticResult Subject(int at, int? source = null) => Located(PhiInSubject.Descriptor, at, source);

    /// <summary>HIPAA004 by location alone; prefer the overloads that name the source.</summary>
    public static DiagnosticResult Template(int at, int? source = null) => Located(PhiObjectInTemplate.Descriptor, at, source);

    /// <summary>HIPAA003 at marker <paramref name="at"/>; arguments are compared only when a test states them.</summary>
    public static DiagnosticResult Channel(int at) =>
        new DiagnosticResult(ChannelNotInPolicyAnalyzer.Descriptor.Id, ChannelNotInPolicyAnalyzer.Descriptor.DefaultSeverity).WithLocation(at);

    /// <summary>HIPAA005 has no location: the value may come from any configuration file.</summary>
    public static DiagnosticResult Policy(string problem, string value) =>
        new DiagnosticResult(ChannelPolicyMalformedAnalyzer.Descriptor).WithArguments(problem, value);

    /// <summary>HIPAA006 at marker <paramref name="at"/> of PhiSymbols.txt.</summary>
    public static DiagnosticResult SymbolsLine(int at, string entry, string problem) =>
        new DiagnosticResult(PhiSymbolsFileEntryInvalidAnalyzer.Descriptor).WithLocation(at).WithArguments(entry, problem);

    /// <summary>
    /// Installed as <c>DiagnosticVerifier</c> by <see cref="AnalyzerTest.Configure"/>: for an expectation that names a
    /// PHI source, the actual message must name the same source in the rule's first argument.
    /// </summary>
    public static void VerifyNamedSource(Diagnostic actual, DiagnosticResult expected, IVerifier verifier)
    {
        if (expected.MessageFormat is not NamedSource named)
        {
            return;
        }

        var actualSource = SourceNamedBy(actual);
        var span = actual.Location.GetLineSpan();
        verifier.Equal(
            named.Source,
            actualSource,
            $"{actual.Id} at {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}) should name the PHI source "
            + $"'{named.Source}', but its message is: {actual.GetMessage(CultureInfo.InvariantCulture)}");
    }

    /// <summary>
    /// The PHI source a flow diagnostic's message names (its first argument, read through the rule's message format),
    /// or null when the message does not have that shape. For tests that run the analyzers directly.
    /// </summary>
    public static string? SourceNamedBy(Diagnostic diagnostic)
    {
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        var format = diagnostic.Descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture);
        var first = format.IndexOf("{0}", StringComparison.Ordinal);
        if (first < 0 || !message.StartsWith(format[..first], StringComparison.Ordinal))
        {
            return null;
        }

        var next = format.IndexOf('{', first + 3);
        var infix = next < 0 ? format[(first + 3)..] : format[(first + 3)..next];
        var end = message.IndexOf(infix, first, StringComparison.Ordinal);
        return end < 0 ? null : message[first..end];
    }

    private static DiagnosticResult Flow(DiagnosticDescriptor descriptor, int at, string source, int? sourceAt)
    {
        // The source rides along as the message format; WithMessage(null) keeps the framework from comparing the
        // message, and VerifyNamedSource compares the source alone.
        var result = new DiagnosticResult(descriptor.Id, descriptor.DefaultSeverity).WithLocation(at);
        if (sourceAt is { } additional)
        {
            result = result.WithLocation(additional, DiagnosticLocationOptions.None);
        }

        return result.WithMessageFormat(new NamedSource(source)).WithMessage(null);
    }

    // Built from the ID so the message is only compared when a test states it (WithMessage or WithArguments).
    private static DiagnosticResult Located(DiagnosticDescriptor descriptor, int at, int? source)
    {
        var result = new DiagnosticResult(descriptor.Id, descriptor.DefaultSeverity).WithLocation(at);
        return source is { } additional
            ? result.WithLocation(additional, DiagnosticLocationOptions.None)
            : result.WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);
    }

    /// <summary>The PHI source an expectation names; read back by <see cref="VerifyNamedSource"/>.</summary>
    private sealed class NamedSource : LocalizableString
    {
        public NamedSource(string source)
        {
            Source = source;
        }

        public string Source { get; }

        protected override string GetText(IFormatProvider? formatProvider) => Source;

        protected override int GetHash() => StringComparer.Ordinal.GetHashCode(Source);

        protected override bool AreEqual(object? other) => other is NamedSource named && named.Source == Source;
    }
}
