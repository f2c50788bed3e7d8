namespace HipaaDev.Site.Checks;

/// <summary>
/// One build-time rule about a single page, named as the sentence it enforces. It gets the page's HTML parsed once,
/// shared by every page check, while the page streams through the build.
/// </summary>
public interface IPageCheck
{
    void Check(CheckContext context, GeneratedPage page, ParsedPage html);
}
