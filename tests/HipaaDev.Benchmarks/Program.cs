using System.Globalization;
using BenchmarkDotNet.Running;
using HipaaDev.Benchmarks;
using HipaaDev.Benchmarks.Generation;
using HipaaDev.Benchmarks.Reports;

// The workload generators and the report writer for the scripts in tests/benchmarks, and BenchmarkDotNet for everything else
// (`dotnet run -c Release --project tests/HipaaDev.Benchmarks -- --filter *`).
switch (args.FirstOrDefault())
{
    case "generate-code":
        {
            var output = RequiredOption(args, "--out");
            var lines = IntOption(args, "--lines", 10_000);
            var callSites = IntOption(args, "--call-sites", 1_000);
            var files = CodebaseGenerator.Generate(lines, callSites);
            WriteFresh(output, files);
            Console.WriteLine($"{files.Count} files, {files.Sum(f => f.LineCount)} lines into {output}");
            return 0;
        }

    case "generate-site":
        {
            var output = RequiredOption(args, "--out");
            var pages = IntOption(args, "--pages", 1_000);
            var files = SiteContentGenerator.Generate(pages);
            WriteFresh(output, files);
            Console.WriteLine($"{pages} pages for each generator ({files.Count} files) into {output}");
            return 0;
        }

    case "probe-call-sites":
        {
            var counts = args.Skip(1).TakeWhile(a => !a.StartsWith('-')).Select(a => int.Parse(a, NumberStyles.None, CultureInfo.InvariantCulture)).ToList();
            CallSiteProbe.Run(counts.Count > 0 ? counts : [250, 500, 1000, 2000], IntOption(args, "--repetitions", 3));
            return 0;
        }

    case "probe-codebase":
        CodebaseProbe.Run(IntOption(args, "--lines", 20_000), IntOption(args, "--repetitions", 3), args.Contains("--beside-operation-analyzer"));
        return 0;

    case "cpu-samples":
        {
            // perf script | HipaaDev.Benchmarks cpu-samples --marker HipaaDev.Analyzers --frequency 999
            var marker = args.SkipWhile(a => a != "--marker").Skip(1).FirstOrDefault()
                ?? throw new ArgumentException("cpu-samples needs --marker <assembly name>, e.g. --marker HipaaDev.Analyzers.");
            Console.WriteLine(CpuSamples.Summarise(Console.In, marker, IntOption(args, "--frequency", 999)));
            return 0;
        }

    case "report":
        {
            var kind = args.Length > 1 ? args[1] : string.Empty;
            var resultsPath = RequiredOption(args, "--results");
            var machine = File.ReadAllText(RequiredOption(args, "--machine"));
            var markdown = kind switch
            {
                "analyzer-cost" => AnalyzerCostReport.Render(ResultTable.Read(resultsPath), machine, OptionalTable(args, "--cpu")),
                "site-build" => SiteBuildReport.Render(ResultTable.Read(resultsPath), machine),
                "engine" => EngineReport.Render(resultsPath, machine),
                _ => throw new ArgumentException($"report needs 'analyzer-cost', 'site-build' or 'engine', not '{kind}'."),
            };
            Console.WriteLine(markdown);
            ReadmeSection.Replace(RequiredOption(args, "--readme"), kind, markdown);
            return 0;
        }

    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
}

static void WriteFresh(string output, IReadOnlyList<GeneratedFile> files)
{
    // Stale files from a larger run would be compiled or published too.
    if (Directory.Exists(output))
    {
        Directory.Delete(output, recursive: true);
    }

    foreach (var file in files)
    {
        file.WriteUnder(output);
    }
}

static string RequiredOption(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    if (index < 0 || index + 1 >= args.Length)
    {
        throw new ArgumentException($"{args[0]} needs {name} <path>; see tests/benchmarks/README.md for the commands.");
    }

    return Path.GetFullPath(args[index + 1]);
}

static ResultTable? OptionalTable(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && File.Exists(args[index + 1]) ? ResultTable.Read(Path.GetFullPath(args[index + 1])) : null;
}

static int IntOption(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    if (index < 0)
    {
        return fallback;
    }

    if (index + 1 >= args.Length || !int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
    {
        throw new ArgumentException($"{name} needs a whole number, e.g. {name} 1000.");
    }

    return value;
}
