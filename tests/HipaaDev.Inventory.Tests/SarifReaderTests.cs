using System.Text.Json.Nodes;

namespace HipaaDev.Inventory.Tests;

public sealed class SarifReaderTests
{
    [Fact]
    public void Read_Version21_ReadsOnlyHipaa100ResultsWithTheirProperties()
    {
        var sites = SarifReader.Read(Sarif.Fixture("clinic-2.1.sarif"));

        // The fixture also holds a HIPAA001 warning, which is not a send site.
        Assert.Equal(6, sites.Count);
        var sms = Assert.Single(sites, site => site.Channel == "SMS");
        Assert.Equal(
            new SendSite(
                "/src/Riverside/Notifications/AppointmentReminders.cs", 16, 20,
                "Twilio.Rest.Api.V2010.Account.MessageResource.CreateAsync", "Twilio", "SMS", "body",
                "Riverside.Notifications.AppointmentReminders.SendAsync", "sms", "no", "body", "Visit.Department; Visit.Reason"),
            sms);
    }

    [Fact]
    public void Read_Version1_ReadsTheSameSitesAsVersion21()
    {
        Assert.Equal(SarifReader.Read(Sarif.Fixture("clinic-2.1.sarif")), SarifReader.Read(Sarif.Fixture("clinic-1.0.sarif")));
    }

    [Fact]
    public void Read_NoSendSites_ReturnsNothing()
    {
        Assert.Empty(SarifReader.Read(Sarif.Fixture("no-sends-2.1.sarif")));
    }

    [Fact]
    public void Read_NullOrMissingOptionalProperties_ReadAsEmpty()
    {
        using var folder = new TempFolder();
        var json = JsonNode.Parse(Sarif.Version21(Sarif.Site() with { PhiSources = "Patient.Name" }))!;
        var properties = json["runs"]![0]!["results"]![0]!["properties"]!["customProperties"]!.AsObject();
        properties["phiSources"] = null;
        properties.Remove("approvedChannel");

        var site = Assert.Single(SarifReader.Read(folder.Write("log.sarif", json.ToJsonString())));

        Assert.Equal("", site.PhiSources);
        Assert.Equal("", site.ApprovedChannel);
    }

    [Fact]
    public void Read_MissingFile_NamesTheFile()
    {
        var error = Assert.Throws<InventoryInputException>(() => SarifReader.Read("nowhere/build.sarif"));

        Assert.Equal("nowhere/build.sarif: file not found: pass the file the build wrote with -p:ErrorLog=<file>.sarif", error.Message);
    }

    [Fact]
    public void Read_TruncatedJson_NamesTheFileAndLine()
    {
        using var folder = new TempFolder();
        var file = folder.Write("cut.sarif", "{\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\"results\": [\n");

        var error = Assert.Throws<InventoryInputException>(() => SarifReader.Read(file));

        Assert.StartsWith($"{file}: not valid JSON (line 5): ", error.Message);
        Assert.Equal(file, error.File);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"runs\": []}")]
    [InlineData("{\"version\": \"2.1.0\"}")]
    [InlineData("{\"version\": \"2.1.0\", \"runs\": {}}")]
    public void Read_JsonThatIsNotSarif_SaysSo(string json)
    {
        using var folder = new TempFolder();
        var file = folder.Write("other.json", json);

        var error = Assert.Throws<InventoryInputException>(() => SarifReader.Read(file));

        Assert.StartsWith($"{file}: JSON but not a SARIF log", error.Message);
    }

    [Fact]
    public void Read_UnsupportedVersion_NamesTheVersion()
    {
        using var folder = new TempFolder();
        var file = folder.Write("old.sarif", "{\"version\": \"0.4\", \"runs\": []}");

        var error = Assert.Throws<InventoryInputException>(() => SarifReader.Read(file));

        Assert.Contains("SARIF version \"0.4\" is not supported", error.Message);
    }

    [Theory]
    [InlineData("vendor")]
    [InlineData("api")]
    [InlineData("method")]
    public void Read_SendSiteWithoutARequiredProperty_NamesResultAndProperty(string property)
    {
        using var folder = new TempFolder();
        var json = JsonNode.Parse(Sarif.Version21(Sarif.Site(), Sarif.Site(line: 20)))!;
        json["runs"]![0]!["results"]![1]!["properties"]!["customProperties"]!.AsObject().Remove(property);
        var file = folder.Write("partial.sarif", json.ToJsonString());

        var error = Assert.Throws<InventoryInputException>(() => SarifReader.Read(file));

        Assert.StartsWith($"{file}: HIPAA100 result 2 (Reminders.cs:20) has no \"{property}\" property: ", error.Message);
    }

    [Fact]
    public void Read_SendSiteWithoutLocation_SaysSo()
    {
        using var folder = new TempFolder();
        var json = JsonNode.Parse(Sarif.Version21(Sarif.Site()))!;
        json["runs"]![0]!["results"]![0]!.AsObject().Remove("locations");
        var file = folder.Write("nowhere.sarif", json.ToJsonString());

        var error = Assert.Throws<InventoryInputException>(() => SarifReader.Read(file));

        Assert.StartsWith($"{file}: HIPAA100 result 1 has no source location", error.Message);
    }
}
