using System.Text;

namespace HipaaDev.Benchmarks.Reports;

/// <summary>Puts BenchmarkDotNet's GitHub-flavoured report of the engine benchmarks into the README, with the machine facts.</summary>
public static class EngineReport
{
    public static string Render(string benchmarkDotNetReport, string machineFacts)
    {
        if (!File.Exists(benchmarkDotNetReport))
        {
            throw new FileNotFoundException($"{benchmarkDotNetReport}: BenchmarkDotNet wrote no report there. Run tests/benchmarks/engine.sh; it passes --exporters github.", benchmarkDotNetReport);
        }

        var stamp = File.GetLastWriteTimeUtc(benchmarkDotNetReport).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return new StringBuilder()
            .AppendLine($"Measured {stamp} UTC by `bash tests/benchmarks/engine.sh` (BenchmarkDotNet's own report follows; \"Ratio\" is per workload, against `BindOnly`).")
            .AppendLine()
            .AppendLine(machineFacts.TrimEnd())
            .AppendLine()
            .AppendLine(File.ReadAllText(benchmarkDotNetReport).Trim())
            .ToString();
    }
}
