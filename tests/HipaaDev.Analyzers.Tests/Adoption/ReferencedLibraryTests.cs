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
            public static void Send(Clinic.Models.Patient patient, Legacy.Models.Visit visit)
            {
                MessageResource.Create(to: new PhoneNumber(patient.Phone), from: new PhoneNumber("+15550100"), body: {|#0:patient.Diagnosis|});
                MessageResource.Create(to: new PhoneNumber(patient.Phone), from: new PhoneNumber("+15550100"), body: {|#1:visit.Reason|});
                MessageResource.Create(to: new PhoneNumber(patient.Phone), from: new PhoneNumber("+15550100"), body: "Clinic: " + visit.Clinic);
                MessageResource.Create(to: new PhoneNumber(patient.Phone), from: new PhoneNumber("+15550100"), body: {|#2:Legacy.Models.Redaction.Keep(visit.Reason)|});
                MessageResource.Create(to: new PhoneNumber(patient.Phone), from: new PhoneNumber("+15550100"), body: Legacy.Models.Redaction.Mask(visit.Reason));
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

        var test = new AnalyzerTest(Sender).Expecting(
            Expect.Body(0, "Patient.Diagnosis"),
            Expect.Body(1, "Visit.Reason"),
            Expect.Body(2, "Visit.Reason"));
        test.TestState.AdditionalReferences.Add(annotated);
        test.TestState.AdditionalReferences.Add(lookAlikes);
        await test.RunAsync();
    }

    private static MetadataReference Compile(string name, string source)
    {
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source)],
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
