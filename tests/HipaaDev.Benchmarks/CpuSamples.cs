using System.Globalization;
using System.Text.RegularExpressions;

namespace HipaaDev.Benchmarks;

/// <summary>
/// Reads `perf script` output of one profiled build and says how much CPU the compiler process and one analyzer
/// used. ReportAnalyzer's figure is wall-clock time inside the analyzer's callbacks, which on a small machine also
/// counts the time the callback waited for a core while the compiler and the other analyzers ran; CPU samples do
/// not. An analyzer's sample is one whose stack has a frame of its assembly; its JIT share is such a sample
/// inside the JIT (the analyzer's own code compiled on first use, in every build that runs without the compiler
/// server). The compiler process is the one whose stacks hold the analyzer.
/// </summary>
internal static partial class CpuSamples
{
    public static string Summarise(TextReader perfScript, string marker, int frequency)
    {
        var processSamples = new Dictionary<int, int>();
        var analyzerSamples = new Dictionary<int, int>();
        var jitSamples = new Dictionary<int, int>();
        int? pid = null;
        bool inAnalyzer = false, inJit = false;

        void EndSample()
        {
            if (pid is { } id)
            {
                Add(processSamples, id);
                if (inAnalyzer)
                {
                    Add(analyzerSamples, id);
                    if (inJit)
                    {
                        Add(jitSamples, id);
                    }
                }
            }

            (pid, inAnalyzer, inJit) = (null, false, false);
        }

        while (perfScript.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                EndSample();
            }
            else if (line[0] is '\t' or ' ')
            {
                inAnalyzer |= line.Contains(marker, StringComparison.Ordinal);
                inJit |= line.Contains("libclrjit", StringComparison.Ordinal);
            }
            else if (Header().Match(line) is { Success: true } header)
            {
                EndSample();
                pid = int.Parse(header.Groups["pid"].Value, CultureInfo.InvariantCulture);
            }
        }

        EndSample();
        if (analyzerSamples.Count == 0)
        {
            throw new InvalidDataException($"No sample has a frame of '{marker}'. Was the build profiled with DOTNET_PerfMapEnabled=1 and DOTNET_EnableWriteXorExecute=0, and does it run the analyzer?");
        }

        var compiler = analyzerSamples.MaxBy(pair => pair.Value).Key;
        double Seconds(Dictionary<int, int> samples) => samples.GetValueOrDefault(compiler) / (double)frequency;
        return string.Create(CultureInfo.InvariantCulture, $"{Seconds(processSamples):F3}\t{Seconds(analyzerSamples):F3}\t{Seconds(jitSamples):F3}");
    }

    private static void Add(Dictionary<int, int> counts, int key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    // "dotnet 29251 69283.728950: 1001001 cpu-clock:ppp:" or "dotnet 29251/29260 ...": the command may contain spaces.
    [GeneratedRegex(@"\s(?<pid>\d+)(?:/\d+)?\s+(?:\[\d+\]\s+)?\d+\.\d+:")]
    private static partial Regex Header();
}
