namespace HipaaDev.Site.Checks;

/// <summary>One build-time rule about the site, named as the sentence it enforces.</summary>
public interface ISiteCheck
{
    void Run(CheckContext context);
}
