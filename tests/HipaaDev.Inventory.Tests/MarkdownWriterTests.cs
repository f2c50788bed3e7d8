namespace HipaaDev.Inventory.Tests;

public sealed class MarkdownWriterTests
{
    private static string Render(params SendSite[] sites) =>
        MarkdownWriter.Write(MessagingInventory.Create(["build.sarif"], sites, root: null, date: null));

    [Fact]
    public void Write_NoSites_SaysNoSendSitesWereFound()
    {
        var markdown = Render();

        Assert.Contains("No send sites were found", markdown);
        Assert.DoesNotContain("## Summary", markdown);
    }

    [Fact]
    public void Write_CountsByChannelAndVendor()
    {
        var email = Sarif.Site("/src/Mail.cs") with { Channel = "email", Vendor = "SendGrid", PhiParts = "body", PhiSources = "Patient.Name" };
        var markdown = Render(Sarif.Site("/src/Sms.cs"), Sarif.Site("/src/Sms.cs", line: 20), email);

        Assert.Contains("- Send sites: 3\n- With PHI: 1\n- Outside an approved channel: 3 (1 with PHI)\n", markdown);
        Assert.Contains("| Channel | Send sites | With PHI | Outside an approved channel |\n| --- | ---: | ---: | ---: |\n| email | 1 | 1 | 1 |\n| SMS | 2 | 0 | 2 |\n", markdown);
        Assert.Contains("| SendGrid | 1 | 1 | 1 |\n| Twilio | 2 | 0 | 2 |\n", markdown);
        Assert.True(markdown.IndexOf("### email via SendGrid (1 send site)", StringComparison.Ordinal) < markdown.IndexOf("### SMS via Twilio (2 send sites)", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_SiteRow_ShowsEveryColumn()
    {
        var site = Sarif.Site("/src/Clinic/Results.cs", 42) with
        {
            Channel = "email", Vendor = "SendGrid", Api = "SendGrid.Helpers.Mail.MailHelper.CreateSingleEmail", Parts = "subject,body",
            Method = "Clinic.Results.Send", ApprovedChannel = "secure-email", ApprovedChannelListed = "yes", PhiParts = "body",
            PhiSources = "Observation.Value; Patient.Name",
        };

        Assert.Contains(
            "| `Results.cs:42` | `Clinic.Results.Send` | `SendGrid.Helpers.Mail.MailHelper.CreateSingleEmail` | subject, body | `secure-email` | body | Observation.Value; Patient.Name |",
            Render(site));
    }

    [Fact]
    public void Write_ValuesThatWouldBreakTheTable_AreEscaped()
    {
        var site = Sarif.Site() with { Method = "Clinic.Sender<T>.Send|Now", PhiSources = "Patient.Full_Name|<b>" };

        var row = Render(site).Split('\n').Single(line => line.StartsWith("| `Reminders.cs:10`", StringComparison.Ordinal));

        Assert.Contains(@"`Clinic.Sender<T>.Send\|Now`", row);
        Assert.Contains(@"Patient.Full\_Name\|\<b\>", row);
    }

    [Fact]
    public void Write_NeedsAttention_ListsPhiOutsideApprovedChannelsAndUnlistedChannels()
    {
        var unlisted = Sarif.Site() with { ApprovedChannel = "sms", ApprovedChannelListed = "no", PhiParts = "body", PhiSources = "Visit.Reason" };
        var approved = Sarif.Site(line: 20) with { ApprovedChannel = "secure-email", ApprovedChannelListed = "yes", PhiParts = "body", PhiSources = "Visit.Reason" };
        var clean = Sarif.Site(line: 30);

        var attention = Render(unlisted, approved, clean).Split("## Needs attention")[1];

        Assert.Contains("- `Reminders.cs:10` in `Clinic.Reminders.Send`: PHI in the body of an SMS via Twilio (Visit.Reason).", attention);
        Assert.DoesNotContain("Reminders.cs:20", attention);
        Assert.DoesNotContain("Reminders.cs:30", attention);
        Assert.Contains("- `sms`: 1 send site (`Reminders.cs:10`).", attention);
    }

    [Fact]
    public void Write_PhiInSubjectInsideApprovedChannel_NeedsAttention()
    {
        var site = Sarif.Site() with
        {
            Channel = "email", ApprovedChannel = "secure-email", ApprovedChannelListed = "yes", PhiParts = "subject,body", PhiSources = "Patient.Name",
        };

        Assert.Contains("### PHI in a subject line inside an approved channel", Render(site));
    }

    [Fact]
    public void Write_NothingToFlag_SaysSo()
    {
        var markdown = Render(Sarif.Site(), Sarif.Site(line: 20) with { ApprovedChannel = "secure-email", ApprovedChannelListed = "yes", PhiParts = "body" });

        Assert.EndsWith("## Needs attention\n\nNothing: no PHI reaches a message outside an approved channel, and every approved channel is in the policy.\n", markdown);
    }

    [Fact]
    public void Write_WithoutDate_IsTheSameEveryTime()
    {
        Assert.Equal(Render(Sarif.Site()), Render(Sarif.Site()));
        Assert.DoesNotContain(" on 20", Render(Sarif.Site()));
    }

    [Fact]
    public void Write_WithDate_PrintsIt()
    {
        var markdown = MarkdownWriter.Write(MessagingInventory.Create(["build.sarif"], [], root: null, date: "2026-12-01"));

        Assert.Contains("Generated from `build.sarif` on 2026-12-01.", markdown);
    }
}
