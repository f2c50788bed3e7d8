using HipaaDev.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Tests.Robustness;

/// <summary>
/// The same code gives the same diagnostics whatever order its blocks are analysed in, and with concurrent execution:
/// a helper summary computed while a recursive cycle was cut short must not be kept as if it were final.
/// </summary>
public sealed class DeterminismTests
{
    // Two senders enter the same cycle of helpers from opposite ends: whichever is analysed first meets the cycle.
    private const string Helpers = """
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;
        namespace Clinic
        {
            public static class Texts
            {
                public static void Remind(string phone, string text)
                {
                    if (text.Length > 160) { Split(phone, text); return; }
                    MessageResource.Create(to: new PhoneNumber(phone), body: text);
                }

                public static void Split(string phone, string text)
                {
                    Remind(phone, text.Substring(0, 160));
                    Remind(phone, text.Substring(160));
                }

                public static string Describe(Patient patient, int depth) =>
                    depth == 0 ? patient.Diagnosis : Summarise(patient, depth - 1);

                public static string Summarise(Patient patient, int depth) =>
                    depth == 0 ? patient.FirstName : "Result: " + Describe(patient, depth - 1);
            }
        }
        """;

    private const string FirstSender = """
        namespace Clinic
        {
            public sealed class ResultTexts
            {
                public void Send(Patient patient) => Texts.Remind(patient.Phone, $"Your result: {patient.Diagnosis}");
                public void SendSummary(Patient patient) => Texts.Remind(patient.Phone, Texts.Summarise(patient, 3));
            }
        }
        """;

    private const string SecondSender = """
        namespace Clinic
        {
            public sealed class LongResultTexts
            {
                public void Send(Patient patient) => Texts.Split(patient.Phone, $"Your result: {patient.Diagnosis}");
                public void SendDescription(Patient patient) => Texts.Split(patient.Phone, Texts.Describe(patient, 2));
                public void SendGreeting(Patient patient) => Texts.Split(patient.Phone, $"Hello {patient.FirstName}");
            }
        }
        """;

    [Fact]
    public async Task MutualRecursion_GivesTheSameDiagnostics_InEitherOrder_AndConcurrently()
    {
        var runs = new List<IReadOnlyList<string>>();
        foreach (var sources in new[]
        {
            new[] { Helpers, FirstSender, SecondSender, ClinicModel.Source },
            new[] { SecondSender, FirstSender, Helpers, ClinicModel.Source },
            new[] { ClinicModel.Source, SecondSender, Helpers, FirstSender },
        })
        {
            foreach (var concurrent in new[] { false, true })
            {
                var diagnostics = await AnalyzerRunner.RunAsync(AnalyzerRunner.Compile(sources), concurrent: concurrent);
                runs.Add(Describe(diagnostics));
            }
        }

        // The PHI sends are found (so the comparison is not between empty lists) ...
        var first = runs[0];
        Assert.Contains(first, d => d.StartsWith("HIPAA001 ResultTexts.Send ", StringComparison.Ordinal));
        Assert.Contains(first, d => d.StartsWith("HIPAA001 LongResultTexts.Send ", StringComparison.Ordinal));
        Assert.Contains(first, d => d.StartsWith("HIPAA001 LongResultTexts.SendDescription ", StringComparison.Ordinal));
        Assert.DoesNotContain(first, d => d.Contains("SendGreeting", StringComparison.Ordinal));

        // ... and every order and mode finds exactly the same.
        Assert.All(runs, run => Assert.Equal(first, run));
    }

    /// <summary>Rule, enclosing type and method, and message: what a user sees, independent of which file came first.</summary>
    private static List<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .Select(d => $"{d.Id} {Enclosing(d)} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Enclosing(Diagnostic diagnostic)
    {
        var node = diagnostic.Location.SourceTree!.GetRoot().FindNode(diagnostic.Location.SourceSpan);
        var method = node.AncestorsAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().First();
        var type = method.Ancestors().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>().First();
        return $"{type.Identifier.ValueText}.{method.Identifier.ValueText}";
    }
}
