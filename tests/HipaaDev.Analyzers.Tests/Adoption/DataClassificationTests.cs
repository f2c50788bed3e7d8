using HipaaDev.Analyzers.Tests.Infrastructure;

namespace HipaaDev.Analyzers.Tests.Adoption;

/// <summary>Microsoft.Extensions.Compliance data classification as a PHI source, against the real package.</summary>
public sealed class DataClassificationTests
{
    private const string Taxonomy = """
        using Microsoft.Extensions.Compliance.Classification;
        namespace Clinic.Compliance
        {
            public static class ClinicTaxonomy
            {
                public static DataClassification Health => new DataClassification("Clinic", "Health");
            }
            public sealed class HealthDataAttribute : DataClassificationAttribute
            {
                public HealthDataAttribute() : base(ClinicTaxonomy.Health) { }
            }
        }
        """;

    private const string Sender = """
        using Clinic.Compliance;
        using Microsoft.Extensions.Compliance.Classification;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;
        namespace Clinic
        {
            public sealed class Visit
            {
                [HealthData] public string {|#3:Reason|} { get; set; } = "";
                [NoDataClassification] public string ClinicName { get; set; } = "";
                [UnknownDataClassification] public string {|#4:Notes|} { get; set; } = "";
            }
            public static class Records
            {
                [return: HealthData]
                public static string {|#5:LatestResult|}() => "";
            }
            public static class Texts
            {
                public static void Send(Visit visit)
                {
                    var to = new PhoneNumber("+15550111");
                    var from = new PhoneNumber("+15550100");
                    MessageResource.Create(to: to, from: from, body: {|#0:"About " + visit.Reason|});
                    MessageResource.Create(to: to, from: from, body: {|#1:visit.Notes|});
                    MessageResource.Create(to: to, from: from, body: {|#2:Records.LatestResult()|});
                    MessageResource.Create(to: to, from: from, body: "Welcome to " + visit.ClinicName);
                }
            }
        }
        """;

    [Fact]
    public async Task ClassifiedMembersAndReturns_AreTreatedAsPhi()
    {
        await new AnalyzerTest(Sender, Taxonomy)
            .Expecting(
                Expect.Body(0, "Visit.Reason", 3),
                Expect.Body(1, "Visit.Notes", 4),
                Expect.Body(2, "Records.LatestResult()", 5))
            .RunAsync();
    }

    [Fact]
    public async Task ClassificationSwitchedOff_IsNotPhi()
    {
        var unmarked = AnalyzerRunner.WithoutMarkup(Sender);
        await new AnalyzerTest(unmarked, Taxonomy)
            .WithEditorConfig("hipaa_dev.data_classification_is_phi = false\n")
            .RunAsync();
    }
}
