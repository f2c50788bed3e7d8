using System.Text.Json;
using System.Text.Json.Nodes;
using HipaaDev.Inventory;

namespace HipaaDev.Inventory.Tests;

/// <summary>Small SARIF logs for one test each, in the shape the compiler writes, and the checked-in fixtures.</summary>
internal static class Sarif
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>A send site with every property, changed by <c>with</c> in the tests that need something else.</summary>
    public static SendSite Site(string path = "/src/Clinic/Reminders.cs", int line = 10, int column = 9) => new(
        path, line, column,
        Api: "Twilio.Rest.Api.V2010.Account.MessageResource.Create", Vendor: "Twilio", Channel: "SMS", Parts: "body",
        Method: "Clinic.Reminders.Send", ApprovedChannel: "", ApprovedChannelListed: "", PhiParts: "", PhiSources: "");

    /// <summary>A SARIF 2.1 log with one HIPAA100 result per site (the compiler's <c>customProperties</c> shape).</summary>
    public static string Version21(params SendSite[] sites) => new JsonObject
    {
        ["$schema"] = "http://json.schemastore.org/sarif-2.1.0",
        ["version"] = "2.1.0",
        ["runs"] = new JsonArray(new JsonObject
        {
            ["results"] = new JsonArray(sites.Select(site => (JsonNode)new JsonObject
            {
                ["ruleId"] = "HIPAA100",
                ["level"] = "note",
                ["message"] = new JsonObject { ["text"] = "Send site" },
                ["locations"] = new JsonArray(new JsonObject
                {
                    ["physicalLocation"] = new JsonObject
                    {
                        ["artifactLocation"] = new JsonObject { ["uri"] = new Uri(site.Path).AbsoluteUri },
                        ["region"] = new JsonObject { ["startLine"] = site.Line, ["startColumn"] = site.Column },
                    },
                }),
                ["properties"] = new JsonObject { ["warningLevel"] = 1, ["customProperties"] = Properties(site) },
            }).ToArray()),
        }),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    public static JsonObject Properties(SendSite site) => new()
    {
        ["api"] = site.Api,
        ["approvedChannel"] = site.ApprovedChannel,
        ["approvedChannelListed"] = site.ApprovedChannelListed,
        ["channel"] = site.Channel,
        ["method"] = site.Method,
        ["parts"] = site.Parts,
        ["phiParts"] = site.PhiParts,
        ["phiSources"] = site.PhiSources,
        ["vendor"] = site.Vendor,
    };
}

/// <summary>A temporary folder for files a test writes, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("hipaadev-inventory-").FullName;

    public string Write(string name, string text)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
