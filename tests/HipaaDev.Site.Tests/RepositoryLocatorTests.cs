using HipaaDev.Site.Tests.Fixtures;

namespace HipaaDev.Site.Tests;

public sealed class RepositoryLocatorTests
{
    [Fact]
    public void FindFrom_ANestedFolder_ReturnsTheFolderWithTheSolution()
    {
        var nested = Path.Combine(RealRepository.Root, "site", "Content");
        Assert.Equal(RealRepository.Root, RepositoryLocator.FindFrom(nested));
    }

    [Fact]
    public void FindFrom_OutsideAnyRepository_ReturnsNull()
    {
        var outside = Path.Combine(Path.GetTempPath(), "hipaadev-site-tests", "no-repo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outside);
        try
        {
            Assert.Null(RepositoryLocator.FindFrom(outside));
        }
        finally
        {
            Directory.Delete(outside);
        }
    }
}
