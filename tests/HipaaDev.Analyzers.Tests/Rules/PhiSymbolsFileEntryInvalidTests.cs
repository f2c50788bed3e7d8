using HipaaDev.Analyzers.Tests.Infrastructure;
using static HipaaDev.Analyzers.Tests.Adoption.PhiSymbolsFileTests;

namespace HipaaDev.Analyzers.Tests.Rules;

/// <summary>HIPAA006: a PhiSymbols.txt line that is not an ID, or names nothing, is reported at its line.</summary>
public sealed class PhiSymbolsFileEntryInvalidTests
{
    [Fact]
    public async Task MalformedAndUnknownLines_AreReportedAtTheirLine()
    {
        const string symbols = """
            # Comments and blank lines are fine.

            P:Legacy.Records.Chart.Summary
            {|#0:Legacy.Records.Visit.Reason|}
            {|#1:X:Legacy.Records.Visit|}
            {|#2:N:Legacy.Records|}
            {|#3:P:Legacy.Records.Chart.Diagnosis|}
            {|#4:T:Legacy.Records.Chart|} trailing words
            """;
        const string sender = """
            using Twilio.Rest.Api.V2010.Account;
            using Twilio.Types;
            public static class Texts
            {
                public static void Send(Legacy.Records.Chart chart) =>
                    MessageResource.Create(to: new PhoneNumber("+15550111"), from: new PhoneNumber("+15550100"), body: {|#5:chart.Summary|});
            }
            """;

        await new AnalyzerTest(sender, Legacy)
            .WithPhiSymbols(symbols)
            .Expecting(
                Expect.SymbolsLine(0, "Legacy.Records.Visit.Reason", "is not a documentation-comment ID"),
                Expect.SymbolsLine(1, "X:Legacy.Records.Visit", "has an unknown kind prefix"),
                Expect.SymbolsLine(2, "N:Legacy.Records", "names an event or namespace; only types (T:), properties (P:), fields (F:) and methods (M:) can be PHI"),
                Expect.SymbolsLine(3, "P:Legacy.Records.Chart.Diagnosis", "names no type, property, field or method of this project or its references"),
                Expect.SymbolsLine(4, "T:Legacy.Records.Chart", "has text after the ID that is not a '#' comment"),
                Expect.Body(5, "Chart.Summary", Summary))
            .RunAsync();
    }
}
