using System.Text.RegularExpressions;

namespace HipaaDev.Site.Publishing;

/// <summary>One <c>[[headers]]</c> block of netlify.toml: a path pattern and the headers Netlify sends for it.</summary>
public sealed record HeaderRule(string For, Regex Pattern, IReadOnlyDictionary<string, string> Values);
