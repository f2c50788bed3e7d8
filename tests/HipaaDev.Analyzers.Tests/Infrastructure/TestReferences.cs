using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace HipaaDev.Analyzers.Tests.Infrastructure;

/// <summary>
/// The references every compilation under test gets: .NET 10 reference assemblies (offline), the annotations, and
/// the real messaging SDKs served here with their dependencies. Resolved once.
/// </summary>
internal static class TestReferences
{
    /// <summary>No package download: the framework comes from Basic.Reference.Assemblies.</summary>
    public static readonly ReferenceAssemblies Empty = new("net10.0-basic");

    private static readonly string[] s_sdkPrefixes =
    {
        "Twilio", "SendGrid", "MimeKit", "MailKit", "BouncyCastle", "Microsoft.Graph", "Microsoft.Kiota", "Microsoft.IdentityModel",
        "Azure.Core", "Newtonsoft.Json", "Microsoft.Extensions.Compliance", "Microsoft.Extensions.Options",
        "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.ObjectPool", "Std.UriTemplate",
    };

    public static readonly ImmutableArray<MetadataReference> All = Build();

    private static ImmutableArray<MetadataReference> Build()
    {
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        builder.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        builder.Add(MetadataReference.CreateFromFile(typeof(HipaaDev.Annotations.PhiAttribute).Assembly.Location));
        foreach (var path in Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (s_sdkPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            {
                builder.Add(MetadataReference.CreateFromFile(path));
            }
        }

        return builder.ToImmutable();
    }
}
