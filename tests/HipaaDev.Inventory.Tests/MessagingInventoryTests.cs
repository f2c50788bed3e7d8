namespace HipaaDev.Inventory.Tests;

public sealed class MessagingInventoryTests
{
    [Fact]
    public void Create_SameSiteFromTwoBuilds_ListsItOnce()
    {
        // A multi-targeted project logs every send site once per target framework.
        var site = Sarif.Site();

        var inventory = MessagingInventory.Create(["net8.sarif", "net10.sarif"], [site, site with { }, site with { Line = 11 }], root: null, date: null);

        Assert.Equal([10, 11], inventory.Sites.Select(s => s.Line));
    }

    [Fact]
    public void Create_PathsRelativeToTheFolderAllSitesShare()
    {
        var sites = new[] { Sarif.Site("/src/Clinic/Sms/Reminders.cs"), Sarif.Site("/src/Clinic/Email/Statements.cs") };

        var inventory = MessagingInventory.Create(["a.sarif"], sites, root: null, date: null);

        Assert.Equal(["Email/Statements.cs", "Sms/Reminders.cs"], inventory.Sites.Select(s => s.Path));
    }

    [Fact]
    public void Create_WithRoot_PathsRelativeToIt()
    {
        var inventory = MessagingInventory.Create(["a.sarif"], [Sarif.Site("/src/Clinic/Sms/Reminders.cs")], root: "/src", date: null);

        Assert.Equal("Clinic/Sms/Reminders.cs", Assert.Single(inventory.Sites).Path);
    }

    [Fact]
    public void Create_OrdersByFileThenLineThenColumn()
    {
        var sites = new[]
        {
            Sarif.Site("/src/B.cs", 5, 1), Sarif.Site("/src/A.cs", 20, 1), Sarif.Site("/src/A.cs", 3, 9), Sarif.Site("/src/A.cs", 3, 2),
        };

        var inventory = MessagingInventory.Create(["a.sarif"], sites, root: null, date: null);

        Assert.Equal(["A.cs:3:2", "A.cs:3:9", "A.cs:20:1", "B.cs:5:1"], inventory.Sites.Select(s => $"{s.Location}:{s.Column}"));
    }

    [Fact]
    public void ChannelNotInPolicy_DoesNotApprove()
    {
        var unlisted = Sarif.Site() with { ApprovedChannel = "sms", ApprovedChannelListed = "no", PhiParts = "body" };
        var listed = Sarif.Site(line: 20) with { ApprovedChannel = "secure-email", ApprovedChannelListed = "yes", PhiParts = "body" };
        var noPolicy = Sarif.Site(line: 30) with { ApprovedChannel = "portal", ApprovedChannelListed = "no-policy", PhiParts = "body" };

        var inventory = MessagingInventory.Create(["a.sarif"], [unlisted, listed, noPolicy], root: null, date: null);

        Assert.Equal([10], inventory.PhiOutsideApprovedChannels.Select(s => s.Line));
        Assert.Equal(["sms"], inventory.ChannelsNotInPolicy.Select(g => g.Key));
        Assert.Equal(["portal"], inventory.ChannelsWithoutPolicy.Select(g => g.Key));
    }
}
