using System.Text;
using static HipaaDev.Benchmarks.Reports.Statistics;

namespace HipaaDev.Benchmarks.Reports;

/// <summary>Turns analyzer-cost.sh's results into the README's tables: medians per point, ratios per run.</summary>
public static class AnalyzerCostReport
{
    public static string Render(ResultTable results, string machineFacts, ResultTable? cpu = null)
    {
        var text = new StringBuilder();
        var stamp = File.GetLastWriteTimeUtc(results.Path).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var runs = results.Rows.GroupBy(r => r.Text("series") + "/" + r.Text("label") + "/" + r.Text("variant")).Select(g => g.Count()).Distinct().OrderBy(n => n);
        text.AppendLine($"Measured {stamp} UTC by `bash tests/benchmarks/analyzer-cost.sh`; every figure is the median of the builds of that point ({string.Join(" or ", runs)} per point; see `runs` knobs in the script).")
            .AppendLine()
            .AppendLine(machineFacts.TrimEnd())
            .AppendLine();

        var sizes = results.Rows.Where(r => r.Text("series") == "size").ToList();
        var hipaaOnly = sizes.Where(r => r.Text("variant") == "hipaadev")
            .GroupBy(r => (int)r.RequiredNumber("lines"))
            .OrderBy(g => g.Key)
            .ToList();
        if (hipaaOnly.Count > 0)
        {
            text.AppendLine("#### HipaaDev's cost by codebase size (project with HipaaDev.Analyzers and the .NET SDK's own analyzers)")
                .AppendLine()
                .AppendLine("| lines | files | Csc task (s) | all analyzers (s) | HipaaDev (s) | HipaaDev / Csc | HipaaDev ms per 1k lines | Csc without HipaaDev (s) | Csc added by HipaaDev | HIPAA findings | load at the builds |")
                .AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            var points = new List<(double X, double Y)>();
            foreach (var size in hipaaOnly)
            {
                var csc = Median(size.Select(r => r.RequiredNumber("csc_ms") / 1000));
                var hipaa = Median(size.Select(r => r.RequiredNumber("hipaadev_s")));
                var share = Median(size.Select(r => r.RequiredNumber("hipaadev_s") / (r.RequiredNumber("csc_ms") / 1000)));
                points.Add((size.Key, hipaa));
                var baseline = WithoutAnalyzer(sizes, size.Key);
                var baselineCsc = Median(baseline.Select(r => r.RequiredNumber("csc_ms") / 1000));
                var added = baseline.Count == 0 ? "–" : $"{Format((csc - baselineCsc) / baselineCsc * 100, "+0.0;-0.0")} %";
                text.AppendLine($"| {size.Key:N0} | {size.First().Text("files")} | {Format(csc, "F1")} | {Format(Median(size.Select(r => r.RequiredNumber("all_analyzers_s"))), "F2")} | {Format(hipaa, "F3")} | {Format(share * 100, "F1")} % | {Format(hipaa * 1000 / (size.Key / 1000.0), "F1")} | {Format(baselineCsc, "F1")} | {added} | {size.First().Text("hipaa_findings")} | {LoadRange(size.Concat(baseline))} |");
            }

            if (sizes.Any(r => r.Text("variant") == "attributes-only"))
            {
                text.AppendLine()
                    .AppendLine("Csc without HipaaDev: the same project referencing the package with its analyzers removed from the compilation, so the attributes compile and no HipaaDev analyzer runs.");
            }

            if (points.Count >= 2)
            {
                var (slope, intercept) = Fit(points);
                var smallest = points[0];
                var largest = points[^1];
                var growth = (largest.Y / smallest.Y) / (largest.X / smallest.X);
                text.AppendLine()
                    .AppendLine($"Growth: least-squares fit HipaaDev ≈ {Format(intercept, "F3")} s + {Format(slope * 1_000_000, "F1")} ms per 1,000 lines. From {smallest.X:N0} to {largest.X:N0} lines the code grew {Format(largest.X / smallest.X, "F1")}× and HipaaDev's time {Format(largest.Y / smallest.Y, "F1")}× (1.0 per unit of code growth is linear; this run: {Format(growth, "F2")}).");
            }

            text.AppendLine();
        }

        if (cpu is not null && cpu.Rows.Count > 0)
        {
            RenderCpu(text, cpu);
        }

        var inventory = sizes.Where(r => r.Text("variant") == "inventory")
            .GroupBy(r => (int)r.RequiredNumber("lines"))
            .OrderBy(g => g.Key)
            .ToList();
        if (inventory.Count > 0)
        {
            text.AppendLine("#### The messaging inventory (`-p:HipaaDevInventory=true -p:ErrorLog=...`, then `hipaa-inventory`)")
                .AppendLine()
                .AppendLine("The inventory is off by default. \"Off\" is the same build writing the same SARIF error log with the inventory off (the project above when the results have no such builds), so the added time is the option's own.")
                .AppendLine()
                .AppendLine("| lines | Csc, inventory off (s) | HipaaDev, off (s) | Csc, inventory on (s) | HipaaDev, on (s) | Csc added by the inventory | send sites | hipaa-inventory (s) |")
                .AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var size in inventory)
            {
                var atSize = sizes.Where(r => (int)r.RequiredNumber("lines") == size.Key).ToList();
                var off = atSize.Where(r => r.Text("variant") == "errorlog").ToList();
                if (off.Count == 0)
                {
                    off = atSize.Where(r => r.Text("variant") == "hipaadev").ToList();
                }

                var cscOn = Median(size.Select(r => r.RequiredNumber("csc_ms") / 1000));
                var cscOff = Median(off.Select(r => r.RequiredNumber("csc_ms") / 1000));
                var added = off.Count == 0 ? "–" : $"{Format((cscOn - cscOff) / cscOff * 100, "+0.0;-0.0")} %";
                text.AppendLine($"| {size.Key:N0} | {(off.Count == 0 ? "–" : Format(cscOff, "F1"))} | {(off.Count == 0 ? "–" : Format(Median(off.Select(r => r.RequiredNumber("hipaadev_s"))), "F3"))} | {Format(cscOn, "F1")} | {Format(Median(size.Select(r => r.RequiredNumber("hipaadev_s"))), "F3")} | {added} | {size.First().Text("send_sites")} | {Format(Median(size.Select(r => r.RequiredNumber("inventory_tool_s"))), "F2")} |");
            }

            text.AppendLine();
        }

        var withScs = sizes.Where(r => r.Text("variant") == "with-scs")
            .GroupBy(r => (int)r.RequiredNumber("lines"))
            .OrderBy(g => g.Key)
            .ToList();
        if (withScs.Count > 0)
        {
            text.AppendLine("#### Side by side with Security Code Scan 5.6.7 (both analyzers in the same compilation)")
                .AppendLine()
                .AppendLine("| lines | Csc task (s) | HipaaDev (s) | Security Code Scan (s) | SCS / HipaaDev | HipaaDev / Csc | SCS / Csc | load at the builds |")
                .AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var size in withScs)
            {
                var csc = Median(size.Select(r => r.RequiredNumber("csc_ms") / 1000));
                var hipaa = Median(size.Select(r => r.RequiredNumber("hipaadev_s")));
                var scs = Median(size.Select(r => r.RequiredNumber("scs_s")));
                var ratio = Median(size.Select(r => r.RequiredNumber("scs_s") / r.RequiredNumber("hipaadev_s")));
                text.AppendLine($"| {size.Key:N0} | {Format(csc, "F1")} | {Format(hipaa, "F3")} | {Format(scs, "F2")} | {Format(ratio, "F1")}× | {Format(hipaa / csc * 100, "F1")} % | {Format(scs / csc * 100, "F0")} % | {LoadRange(size)} |");
            }

            text.AppendLine();
        }

        var callSites = results.Rows.Where(r => r.Text("series") == "callsites")
            .GroupBy(r => (int)r.RequiredNumber("label"))
            .OrderBy(g => g.Key)
            .ToList();
        if (callSites.Count > 0)
        {
            text.AppendLine("#### One method with N calls into one send helper (plus one clinic module)")
                .AppendLine()
                .AppendLine("| call sites | Csc task (s) | HipaaDev (s) | HipaaDev / Csc | HipaaDev ms per call site | HIPAA findings |")
                .AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
            var points = new List<(double X, double Y)>();
            foreach (var sites in callSites)
            {
                var hipaa = Median(sites.Select(r => r.RequiredNumber("hipaadev_s")));
                points.Add((sites.Key, hipaa));
                var share = Median(sites.Select(r => r.RequiredNumber("hipaadev_s") / (r.RequiredNumber("csc_ms") / 1000)));
                text.AppendLine($"| {sites.Key:N0} | {Format(Median(sites.Select(r => r.RequiredNumber("csc_ms") / 1000)), "F1")} | {Format(hipaa, "F3")} | {Format(share * 100, "F1")} % | {Format(hipaa * 1000 / sites.Key, "F2")} | {sites.First().Text("hipaa_findings")} |");
            }

            if (points.Count >= 2)
            {
                var first = points[0];
                var last = points[^1];
                text.AppendLine()
                    .AppendLine($"From {first.X:N0} to {last.X:N0} call sites ({Format(last.X / first.X, "F0")}× more) HipaaDev's time grew {Format(last.Y / first.Y, "F1")}× (quadratic would be {Format(Math.Pow(last.X / first.X, 2), "F0")}×). The small sizes include the fixed cost of the one clinic module.");
            }
        }

        return text.ToString();
    }

    private static void RenderCpu(StringBuilder text, ResultTable cpu)
    {
        text.AppendLine("#### CPU, from profiled builds (`perf record -F 999`, one more build per run, not among the timed builds above)")
            .AppendLine()
            .AppendLine("ReportAnalyzer's figure is wall-clock time inside HipaaDev's callbacks: on this 2-core machine it also counts the time a callback waited for a core while the compiler and the SDK's analyzers ran. CPU samples count only the work. The JIT column is the compiling of HipaaDev's own code on first use, which every build pays again when it runs without the compiler server (see the machine facts above). The profiled builds set `DOTNET_PerfMapEnabled=1` and `DOTNET_EnableWriteXorExecute=0` so the profiler can name JIT-compiled frames.")
            .AppendLine()
            .AppendLine("| lines | compiler process CPU (s) | HipaaDev CPU (s) | HipaaDev / compiler CPU | of which JIT (s) | load at the builds |")
            .AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var size in cpu.Rows.GroupBy(r => (int)r.RequiredNumber("lines")).OrderBy(g => g.Key))
        {
            var compiler = Median(size.Select(r => r.RequiredNumber("compiler_cpu_s")));
            var hipaa = Median(size.Select(r => r.RequiredNumber("hipaadev_cpu_s")));
            var share = Median(size.Select(r => r.RequiredNumber("hipaadev_cpu_s") / r.RequiredNumber("compiler_cpu_s")));
            text.AppendLine($"| {size.Key:N0} | {Format(compiler, "F2")} | {Format(hipaa, "F3")} | {Format(share * 100, "F1")} % | {Format(Median(size.Select(r => r.RequiredNumber("hipaadev_jit_s"))), "F3")} | {LoadRange(size)} |");
        }

        text.AppendLine();
    }

    /// <summary>
    /// The builds of one size without HipaaDev's analyzer: the attributes-only variant (the generated code uses
    /// <c>[Phi]</c>, so it needs the attributes), or the no-package variant of older results files.
    /// </summary>
    private static List<ResultRow> WithoutAnalyzer(List<ResultRow> sizes, int lines)
    {
        var atLines = sizes.Where(r => (int)r.RequiredNumber("lines") == lines).ToList();
        var attributesOnly = atLines.Where(r => r.Text("variant") == "attributes-only").ToList();
        return attributesOnly.Count > 0 ? attributesOnly : atLines.Where(r => r.Text("variant") == "baseline").ToList();
    }
}
