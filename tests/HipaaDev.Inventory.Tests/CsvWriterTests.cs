namespace HipaaDev.Inventory.Tests;

public sealed class CsvWriterTests
{
    private const string Header = "path,line,column,channel,vendor,api,parts,method,approved_channel,approved_channel_listed,phi_parts,phi_sources\r\n";

    private static string Render(params SendSite[] sites) => CsvWriter.Write(MessagingInventory.Create(["build.sarif"], sites, root: null, date: null));

    [Fact]
    public void Write_NoSites_WritesTheHeaderOnly()
    {
        Assert.Equal(Header, Render());
    }

    [Fact]
    public void Write_OneRowPerSite_QuotingFieldsWithCommas()
    {
        var site = Sarif.Site() with { Parts = "subject,body", PhiParts = "body", PhiSources = "Patient.Name; Visit.Reason" };

        Assert.Equal(
            Header + "Reminders.cs,10,9,SMS,Twilio,Twilio.Rest.Api.V2010.Account.MessageResource.Create,\"subject,body\",Clinic.Reminders.Send,,,body,Patient.Name; Visit.Reason\r\n",
            Render(site));
    }

    [Fact]
    public void Write_QuotesAndLineBreaks_AreQuotedAndDoubled()
    {
        var site = Sarif.Site() with { Method = "Clinic.\"Quoted\".Send", PhiSources = "line one\nline two" };

        var row = Render(site)[Header.Length..];

        Assert.Contains(",\"Clinic.\"\"Quoted\"\".Send\",", row);
        Assert.EndsWith(",\"line one\nline two\"\r\n", row);
    }
}
