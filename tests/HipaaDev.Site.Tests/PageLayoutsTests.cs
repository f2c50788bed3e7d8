using HipaaDev.Site.Content;
using HipaaDev.Site.Layouts;
using Microsoft.AspNetCore.Components;

namespace HipaaDev.Site.Tests;

/// <summary>The kind → layout map is complete, so a new kind without a layout fails here and not in a build.</summary>
public sealed class PageLayoutsTests
{
    public static TheoryData<PageKind> EveryKind() => new(Enum.GetValues<PageKind>());

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void EveryPageKind_HasALayoutComponent(PageKind kind)
    {
        var layout = PageLayouts.For(kind);

        Assert.NotNull(layout);
        Assert.True(typeof(IComponent).IsAssignableFrom(layout), $"{layout} is not a Razor component.");
    }

    [Fact]
    public void AKindOutsideTheEnum_HasNoLayout()
    {
        Assert.Null(PageLayouts.For((PageKind)int.MaxValue));
    }
}
