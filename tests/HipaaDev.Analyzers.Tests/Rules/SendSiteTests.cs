using System.Collections.Immutable;
using HipaaDev.Analyzers.Rules;
using HipaaDev.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Tests.Rules;

/// <summary>HIPAA100: one entry per send site, with its SDK, approval and the PHI that reaches it; nothing when off.</summary>
public sealed class SendSiteTests
{
    private const string Sender = """
        using System.Net.Mail;
        using HipaaDev.Annotations;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;

        namespace Clinic
        {
            public sealed class Patient
            {
                public string FirstName { get; set; } = "";
                [Phi] public string Diagnosis { get; set; } = "";
                public string Phone { get; set; } = "";
            }

            public sealed class Notifier
            {
                // A clean reminder: listed, no PHI.
                public void Remind(Patient patient) =>
                    MessageResource.Create(to: new PhoneNumber(patient.Phone), from: new PhoneNumber("+15550100"), body: $"Hi {patient.FirstName}, see you tomorrow.");

                // PHI from callers through the helper's parameter.
                public void Text(string body) =>
                    MessageResource.Create(to: new PhoneNumber("+15550111"), from: new PhoneNumber("+15550100"), body: body);

                public void Results(Patient patient) => Text("Result: " + patient.Diagnosis);

                [ApprovedChannel("secure-email")]
                public MailMessage Secure(Patient patient) => new MailMessage("a@clinic.test", "b@clinic.test", "Your visit", patient.Diagnosis);

                [ApprovedChannel("fax-gateway")]
                public MailMessage Unlisted(Patient patient) => new MailMessage("a@clinic.test", "b@clinic.test", "Your visit", "See the portal.");
            }
        }
        """;

    private static readonly AnalyzerRunner.GlobalOptionsProvider s_inventoryOn = new(ImmutableDictionary<string, string>.Empty
        .Add("hipaa_dev.approved_channels", "secure-email, patient-portal")
        .Add("hipaa_dev.inventory", "true"));

    [Fact]
    public async Task InventoryOn_ReportsEverySendSiteWithItsFacts()
    {
        var entries = (await Inventory(s_inventoryOn)).OrderBy(d => d.Location.SourceSpan.Start).ToList();

        Assert.Equal(4, entries.Count);
        Assert.All(entries, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));

        var remind = entries[0].Properties;
        Assert.Equal("Twilio.Rest.Api.V2010.Account.MessageResource.Create", remind[InventoryProperties.Api]);
        Assert.Equal("Twilio", remind[InventoryProperties.Vendor]);
        Assert.Equal("SMS", remind[InventoryProperties.Channel]);
        Assert.Equal("body", remind[InventoryProperties.Parts]);
        Assert.Equal("Clinic.Notifier.Remind", remind[InventoryProperties.Method]);
        Assert.Equal("", remind[InventoryProperties.ApprovedChannel]);
        Assert.Equal("", remind[InventoryProperties.PhiParts]);

        var text = entries[1].Properties;
        Assert.Equal("Clinic.Notifier.Text", text[InventoryProperties.Method]);
        Assert.Equal("body", text[InventoryProperties.PhiParts]);
        Assert.Equal("Patient.Diagnosis", text[InventoryProperties.PhiSources]);

        var secure = entries[2].Properties;
        Assert.Equal("System.Net.Mail.MailMessage..ctor", secure[InventoryProperties.Api]);
        Assert.Equal("System.Net.Mail", secure[InventoryProperties.Vendor]);
        Assert.Equal("email", secure[InventoryProperties.Channel]);
        Assert.Equal("body,subject", secure[InventoryProperties.Parts]);
        Assert.Equal("secure-email", secure[InventoryProperties.ApprovedChannel]);
        Assert.Equal("yes", secure[InventoryProperties.ApprovedChannelListed]);
        Assert.Equal("body", secure[InventoryProperties.PhiParts]);

        var unlisted = entries[3].Properties;
        Assert.Equal("fax-gateway", unlisted[InventoryProperties.ApprovedChannel]);
        Assert.Equal("no", unlisted[InventoryProperties.ApprovedChannelListed]);
        Assert.Equal("", unlisted[InventoryProperties.PhiParts]);
        Assert.Contains("Send site 'System.Net.Mail.MailMessage..ctor' (email, System.Net.Mail) in 'Clinic.Notifier.Unlisted': no PHI found", entries[3].GetMessage());
    }

    [Fact]
    public async Task WithoutAPolicyList_TheListedFlagSaysSo()
    {
        var options = new AnalyzerRunner.GlobalOptionsProvider(ImmutableDictionary<string, string>.Empty.Add("hipaa_dev.inventory", "true"));

        var secure = (await Inventory(options)).Single(d => d.Properties[InventoryProperties.Method] == "Clinic.Notifier.Secure");

        Assert.Equal("no-policy", secure.Properties[InventoryProperties.ApprovedChannelListed]);
    }

    [Fact]
    public async Task TheMsBuildPropertySwitchesItOnToo()
    {
        var options = new AnalyzerRunner.GlobalOptionsProvider(ImmutableDictionary<string, string>.Empty.Add("build_property.HipaaDevInventory", "true"));

        Assert.Equal(4, (await Inventory(options)).Count);
    }

    [Fact]
    public async Task InventoryOff_ReportsNoSendSites_AndTheWarningsAreUnchanged()
    {
        var off = await AnalyzeAsync(AnalyzerRunner.PolicyOptions);
        var on = await AnalyzeAsync(s_inventoryOn);

        Assert.DoesNotContain(off, d => d.Id == SendSite.Id);
        Assert.Equal(
            off.Select(d => (d.Id, d.Location.SourceSpan)).OrderBy(x => x.SourceSpan.Start),
            on.Where(d => d.Id != SendSite.Id).Select(d => (d.Id, d.Location.SourceSpan)).OrderBy(x => x.SourceSpan.Start));
        Assert.Contains(off, d => d.Id == PhiInMessageBody.Id && Expect.SourceNamedBy(d) == "Patient.Diagnosis");
    }

    private static async Task<List<Diagnostic>> Inventory(AnalyzerRunner.GlobalOptionsProvider options) =>
        (await AnalyzeAsync(options)).Where(d => d.Id == SendSite.Id).ToList();

    private static async Task<IReadOnlyList<Diagnostic>> AnalyzeAsync(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider options)
    {
        var outcome = await AnalyzerRunner.AnalyzeAsync(AnalyzerRunner.Compile(Sender), options: options);
        AnalyzerRunner.AssertNoCrash(outcome, "the inventory sample");
        return outcome.Diagnostics;
    }
}
