using HipaaDev.Analyzers.Tests.Infrastructure;

namespace HipaaDev.Analyzers.Tests.Adoption;

/// <summary>PHI listed in a PhiSymbols.txt additional file (HIPAA006, a line that marks nothing, is in Rules/).</summary>
public sealed class PhiSymbolsFileTests
{
    // A legacy model nobody may annotate (for example generated from a database), and a sender using it.
    // Markers on the listed declarations (numbered from 100, clear of the tests' own), where the diagnostics point.
    private const int Reason = 100;
    internal const int Summary = 101;
    private const int DiagnosisFor = 102;

    internal static readonly string Legacy = $$"""
        namespace Legacy.Records
        {
            public class Visit { public string {|#{{Reason}}:Reason|} = ""; public string Clinic { get; set; } = ""; }
            public class Chart { public string {|#{{Summary}}:Summary|} { get; set; } = ""; public string Ward { get; set; } = ""; }
            public class PatientRow { public string Mrn { get; set; } = ""; }
            public static class Lookup
            {
                public static string {|#{{DiagnosisFor}}:DiagnosisFor|}(int id) => "";
                public static string ClinicPhone() => "";
            }
        }
        """;

    private const string Sender = """
        using Legacy.Records;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;
        namespace Clinic
        {
            public static class Texts
            {
                static void Sms(string body) { }
                public static void Send(Visit visit, Chart chart, PatientRow {|#4:row|})
                {
                    var to = new PhoneNumber("+15550111");
                    var from = new PhoneNumber("+15550100");
                    MessageResource.Create(to: to, from: from, body: {|#0:"Seen for " + visit.Reason|});
                    MessageResource.Create(to: to, from: from, body: {|#1:chart.Summary|});
                    MessageResource.Create(to: to, from: from, body: {|#2:$"Record {row}"|});
                    MessageResource.Create(to: to, from: from, body: {|#3:Lookup.DiagnosisFor(7)|});
                    MessageResource.Create(to: to, from: from, body: "Call " + Lookup.ClinicPhone() + " about " + visit.Clinic + ", " + chart.Ward);
                }
            }
        }
        """;

    [Fact]
    public async Task ListedFieldPropertyTypeAndMethod_AreTreatedAsPhi()
    {
        const string symbols = """
            # Legacy records: PHI that cannot carry [Phi].

            F:Legacy.Records.Visit.Reason
            P:Legacy.Records.Chart.Summary   # free-text clinical summary
            T:Legacy.Records.PatientRow
            M:Legacy.Records.Lookup.DiagnosisFor(System.Int32)
            """;

        await new AnalyzerTest(Sender, Legacy)
            .WithPhiSymbols(symbols)
            .Expecting(
                Expect.Body(0, "Visit.Reason", Reason),
                Expect.Body(1, "Chart.Summary", Summary),
                Expect.Body(2, "row", 4),
                Expect.Body(3, "Lookup.DiagnosisFor()", DiagnosisFor))
            .RunAsync();
    }

    [Fact]
    public async Task WithoutTheFile_NothingIsPhi()
    {
        await new AnalyzerTest(AnalyzerRunner.WithoutMarkup(Sender), AnalyzerRunner.WithoutMarkup(Legacy))
            .RunAsync();
    }

    [Fact]
    public async Task SymbolsInReferencedAssemblies_CanBeListed()
    {
        // Twilio's own type: listing it makes its instances PHI (a contrived but real metadata symbol).
        const string sender = """
            using Twilio.Rest.Api.V2010.Account;
            using Twilio.Types;
            public static class Texts
            {
                public static void Forward(MessageResource incoming) =>
                    MessageResource.Create(to: new PhoneNumber("+15550111"), from: new PhoneNumber("+15550100"), body: {|#0:incoming.Body|});
            }
            """;

        await new AnalyzerTest(sender)
            .WithPhiSymbols("P:Twilio.Rest.Api.V2010.Account.MessageResource.Body\n")
            .Expecting(Expect.Body(0, "MessageResource.Body"))
            .RunAsync();
    }

    [Fact]
    public async Task GetterId_MarksReadsOfTheProperty()
    {
        const string sender = """
            using Twilio.Rest.Api.V2010.Account;
            using Twilio.Types;
            public static class Texts
            {
                public static void Send(Legacy.Records.Chart chart) =>
                    MessageResource.Create(to: new PhoneNumber("+15550111"), from: new PhoneNumber("+15550100"), body: {|#0:chart.Summary|});
            }
            """;

        await new AnalyzerTest(sender, Legacy)
            .WithPhiSymbols("M:Legacy.Records.Chart.get_Summary\n")
            .Expecting(Expect.Body(0, "Chart.Summary", Summary))
            .RunAsync();
    }
}
