using System.Text.Json;

namespace HipaaDev.Inventory;

/// <summary>
/// Reads the HIPAA100 results of a compiler SARIF error log, version 2.1 (<c>-p:ErrorLog=x.sarif%2Cversion=2.1</c>)
/// or 1.0 (the compiler's default). Only the parts of SARIF the compiler writes are read; everything else is ignored.
/// </summary>
internal static class SarifReader
{
    public const string RuleId = "HIPAA100";

    private const string ErrorLogHint = "pass the file the build wrote with -p:ErrorLog=<file>.sarif";

    /// <summary>Property names every send site has a value for; the others may be empty.</summary>
    private static readonly string[] s_required = ["api", "vendor", "channel", "method"];

    public static IReadOnlyList<SendSite> Read(string file)
    {
        if (!File.Exists(file))
        {
            throw new InventoryInputException(file, "file not found", ErrorLogHint);
        }

        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(file);
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InventoryInputException(
                file, "not valid JSON", $"{ErrorLogHint}; a build that stopped early can leave it cut off, so rebuild", e.LineNumber + 1);
        }

        using (document)
        {
            return ReadRuns(file, document.RootElement);
        }
    }

    private static List<SendSite> ReadRuns(string file, JsonElement root)
    {
        var version = Child(root, "version");
        var runs = Child(root, "runs");
        if (version.ValueKind != JsonValueKind.String || runs.ValueKind != JsonValueKind.Array)
        {
            throw new InventoryInputException(file, "JSON but not a SARIF log (no \"version\" and \"runs\")", ErrorLogHint);
        }

        var isVersion1 = version.GetString() switch
        {
            "1.0.0" => true,
            "2.1.0" => false,
            var other => throw new InventoryInputException(
                file, $"SARIF version \"{other}\" is not supported (2.1.0 and 1.0.0 are)", "build with -p:ErrorLog=<file>.sarif%2Cversion=2.1"),
        };

        var sites = new List<SendSite>();
        foreach (var run in runs.EnumerateArray())
        {
            // A run without results is valid SARIF: the compiler reported nothing.
            var results = Child(run, "results");
            if (results.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var index = 0;
            foreach (var result in results.EnumerateArray())
            {
                index++;
                if (Text(result, "ruleId") == RuleId)
                {
                    sites.Add(ReadSite(file, result, index, isVersion1));
                }
            }
        }

        return sites;
    }

    private static SendSite ReadSite(string file, JsonElement result, int index, bool isVersion1)
    {
        var (path, line, column) = ReadLocation(result, isVersion1);
        var what = path.Length > 0 ? $"{RuleId} result {index} ({Path.GetFileName(path)}:{line})" : $"{RuleId} result {index}";
        if (path.Length == 0 || line <= 0)
        {
            throw new InventoryInputException(file, $"{what} has no source location", "rebuild; the compiler writes one for every send site");
        }

        var properties = ReadProperties(result);
        foreach (var name in s_required)
        {
            if (string.IsNullOrEmpty(properties.GetValueOrDefault(name)))
            {
                throw new InventoryInputException(
                    file, $"{what} has no \"{name}\" property",
                    "build with a HipaaDev.Analyzers version of the same release as this tool, which writes every send-site property");
            }
        }

        string Value(string name) => properties.GetValueOrDefault(name) ?? "";

        return new SendSite(
            path, line, column, Value("api"), Value("vendor"), Value("channel"), Value("parts"), Value("method"),
            Value("approvedChannel"), Value("approvedChannelListed"), Value("phiParts"), Value("phiSources"));
    }

    /// <summary>
    /// The compiler writes a diagnostic's properties under <c>properties.customProperties</c> in both SARIF versions;
    /// properties directly under <c>properties</c> (as other SARIF producers write them) are read too.
    /// </summary>
    private static Dictionary<string, string?> ReadProperties(JsonElement result)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var properties = Child(result, "properties");
        if (properties.ValueKind == JsonValueKind.Object)
        {
            var custom = Child(properties, "customProperties") is { ValueKind: JsonValueKind.Object } nested ? nested : properties;
            foreach (var property in custom.EnumerateObject())
            {
                if (property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null)
                {
                    values[property.Name] = property.Value.GetString();
                }
            }
        }

        return values;
    }

    /// <summary>SARIF 2.1: <c>locations[0].physicalLocation.artifactLocation.uri</c>; 1.0: <c>locations[0].resultFile.uri</c>.</summary>
    private static (string Path, int Line, int Column) ReadLocation(JsonElement result, bool isVersion1)
    {
        var locations = Child(result, "locations");
        if (locations.ValueKind != JsonValueKind.Array || locations.GetArrayLength() == 0)
        {
            return ("", 0, 0);
        }

        var first = locations[0];
        var physical = Child(first, "physicalLocation");
        var artifact = isVersion1 ? Child(first, "resultFile") : Child(physical, "artifactLocation");
        var region = isVersion1 ? Child(artifact, "region") : Child(physical, "region");
        return (LocalPath(Text(artifact, "uri")), Number(region, "startLine"), Number(region, "startColumn"));
    }

    /// <summary>The compiler logs absolute <c>file://</c> URIs; relative URIs are kept as written.</summary>
    private static string LocalPath(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.IsFile ? absolute.LocalPath : Uri.UnescapeDataString(uri);

    /// <summary>A member of an object, or an undefined element when the element is not an object or lacks it.</summary>
    private static JsonElement Child(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    private static string Text(JsonElement element, string name) =>
        Child(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : "";

    private static int Number(JsonElement element, string name) =>
        Child(element, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) ? number : 0;
}
