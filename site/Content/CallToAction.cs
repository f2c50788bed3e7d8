namespace HipaaDev.Site.Content;

/// <summary>The box at the end of a page that sends the reader to one next action.</summary>
public sealed record CallToAction(string Text, string Label, string Link);
