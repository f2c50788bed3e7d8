namespace HipaaDev.Site.Checks;

/// <summary>
/// One build-time rule about the whole site, named as the sentence it enforces. It runs after every page was
/// generated, on what the pages left behind (<see cref="PageFacts"/>) and the sources, never on HTML.
/// </summary>
public interface ISiteCheck
{
    void Run(CheckContext context);
}
