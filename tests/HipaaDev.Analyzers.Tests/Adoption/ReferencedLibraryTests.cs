using System.IO;
using HipaaDev.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HipaaDev.Analyzers.Tests.Adoption;

/// <summary>
/// Models often live in another project of the solution, so their attributes are read from metadata: the package's
/// own attributes, and look-alikes a team declared itself (the contract matches attributes by name).
/// </summary>
public sealed class ReferencedLibraryTests
{
    private const string Sender = """
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;
        public static class Texts
        {
            public static void Send(Clinic.Models.Patient patient, Legacy.Models.Visit visit, Legacy.Billing.Claim claim)
            {
                MessageResource.Create(to: new PhoneNumber(patient.Phone), from: new PhoneNumber("+15550100"), body: {|#0:patient.Diagnosis|});
                MessageResource.Create(to: new PhoneNumber(patient.Phone), from: new PhoneNumber("+15550100"), body: {|#1:visit.Reason|});
                MessageResource.Create(to: new PhoneNumber(patient.Phone), from: new PhoneNumber("+15550100"), body: "Clinic: " + visit.Clinic);
                MessageResource.Create(to: new PhoneNumber(patient.Phone), from: new PhoneNumber("+15550100"), body: {|#2:Legacy.Models.Redaction.Keep(visit.Reason)|});
                MessageResource.Create(to: new PhoneNumber(patient.Phone), from: new PhoneNumber("+15550100"), body: Legacy.Models.Redaction.Mask(visit.Reason));
                MessageResource.Create(to: new PhoneNumber(patient.Phone), from: new PhoneNumber("+15550100"), body: {|#3:claim.Code|});
                MessageResource.Create(to: new PhoneNumber(patient.Phone), from: new PhoneNumber("+15550100"), body: {|#4:claim.Note|});
                MessageResource.Create(to: new PhoneNumber(patient.Phone), from: new PhoneNumber("+15550100"), body: "Claim " + claim.Number);
            }
        }
        """;

    [Fact]
    public async Task PhiAndSanitizerAttributes_InReferencedAssemblies_AreRead()
    {
        var annotated = Compile("Clinic.Models", """
            using HipaaDev.Annotations;
            namespace Clinic.Models
            {
                public class Patient
                {
                    [Phi] public string Diagnosis { get; set; } = "";
                    public string Phone { get; set; } = "";
                }

                public interface IHasNote
                {
                    [Phi] string Note { get; }
                }
            }
            """);
        var lookAlikes = Compile("Legacy.Models", """
            namespace Legacy.Models
            {
                [System.AttributeUsage(System.AttributeTargets.All)]
                public sealed class PhiAttribute : System.Attribute { }

                [System.AttributeUsage(System.AttributeTargets.Method)]
                public sealed class PhiSanitizerAttribute : System.Attribute { }

                public class Visit
                {
                    [Phi] public string Reason { get; set; } = "";
                    public string Clinic { get; set; } = "";
                }

                public static class Redaction
                {
                    public static string Keep(string text) => text;

                    [PhiSanitizer] public static string Mask(string text) => "***";
                }
            }
            """);

        // A third library that neither references HipaaDev.Annotations nor declares an attribute: it uses the look-alike
        // from the library above, and implements an interface whose property carries the package's own attribute.
        var billing = Compile("Legacy.Billing", """
            namespace Legacy.Billing
            {
                public class Claim : Clinic.Models.IHasNote
                {
                    [Legacy.Models.Phi] public string Code { get; set; } = "";
                    public string Note { get; set; } = "";
                    public string Number { get; set; } = "";
                }
            }
            """, annotated, lookAlikes);

        var test = new AnalyzerTest(Sender).Expecting(
            Expect.Body(0, "Patient.Diagnosis"),
            Expect.Body(1, "Visit.Reason"),
            Expect.Body(2, "Visit.Reason"),
            Expect.Body(3, "Claim.Code"),
            Expect.Body(4, "Claim.Note"));
        test.TestState.AdditionalReferences.Add(annotated);
        test.TestState.AdditionalReferences.Add(lookAlikes);
        test.TestState.AdditionalReferences.Add(billing);
        await test.RunAsync();
    }

    private static MetadataReference Compile(string name, string source, params MetadataReference[] libraries)
    {
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source)],
            TestReferences.All.Concat(libraries),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
