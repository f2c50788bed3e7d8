using System.Text;
using static HipaaDev.Benchmarks.Reports.Statistics;

namespace HipaaDev.Benchmarks.Reports;

/// <summary>Turns site-build.sh's results into the README's tables: full builds next to Hugo, and preview rebuilds.</summary>
public static class SiteBuildReport
{
    public static string Render(ResultTable results, string machineFacts)
    {
        var text = new StringBuilder();
        var stamp = File.GetLastWriteTimeUtc(results.Path).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        text.AppendLine($"Measured {stamp} UTC by `bash tests/benchmarks/site-build.sh`; figures are medians, the run count is in each row.")
            .AppendLine()
            .AppendLine(machineFacts.TrimEnd())
            .AppendLine();

        var builds = results.Rows.Where(r => r.Text("tool") != "preview").ToList();
        var subjects = builds.Select(r => r.Text("subject")).Distinct().OrderBy(s => s == "real" ? 0 : 1).ThenBy(s => builds.First(r => r.Text("subject") == s).RequiredNumber("pages")).ToList();
        if (subjects.Count > 0)
        {
            text.AppendLine("#### Full builds: our generator next to Hugo on the same Markdown")
                .AppendLine()
                .AppendLine("| content | pages | runs | ours: wall (s) | ours: Pagefind stage (s) | ours without Pagefind (s) | ours: peak RSS (MB) | Hugo: wall (s) | Hugo: peak RSS (MB) | Pagefind over Hugo's output (s) | ours / Hugo, both without search | ours / (Hugo + Pagefind) | load at the builds |")
                .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var subject in subjects)
            {
                var rows = builds.Where(r => r.Text("subject") == subject).ToList();
                var ours = rows.Where(r => r.Text("tool") == "ours").ToList();
                var hugo = rows.Where(r => r.Text("tool") == "hugo").ToList();
                var pagefind = rows.Where(r => r.Text("tool") == "pagefind-on-hugo").ToList();
                var finished = ours.Where(r => r.Text("status") == "ok").ToList();
                var oursWall = Median(finished.Select(r => r.RequiredNumber("wall_s")));
                var oursSearch = Median(finished.Select(r => r.RequiredNumber("search_index_ms") / 1000));
                var oursWithout = Median(finished.Select(r => r.RequiredNumber("wall_s") - r.RequiredNumber("search_index_ms") / 1000));
                var hugoFinished = hugo.Where(r => r.Text("status") == "ok").ToList();
                var hugoWall = Median(hugoFinished.Select(r => r.RequiredNumber("wall_s")));
                var hugoCell = hugo.Count == 0 ? "–"
                    : hugoFinished.Count > 0 ? Format(hugoWall, "F2")
                    : $"did not finish in {Format(hugo.Max(r => r.RequiredNumber("wall_s")), "F0")} s";
                var pagefindWall = Median(pagefind.Select(r => r.RequiredNumber("wall_s")));
                var oursCell = ours.Count == 0 ? "–"
                    : finished.Count > 0 ? Format(oursWall, "F2")
                    : $"did not finish in {Format(ours.Max(r => r.RequiredNumber("wall_s")), "F0")} s";
                text.AppendLine(
                    $"| {(subject == "real" ? "the real site" : "generated")} | {rows.First().Text("pages")} | {ours.Count} | {oursCell} | {Format(oursSearch, "F2")} | {Format(oursWithout, "F2")} | " +
                    $"{Format(Median(ours.Select(r => r.RequiredNumber("max_rss_mb"))), "F0")} | {hugoCell} | {Format(Median(hugo.Select(r => r.RequiredNumber("max_rss_mb"))), "F0")} | " +
                    $"{Format(pagefindWall, "F2")} | {Times(PerRun(finished, hugoFinished, pagefind, withSearch: false))} | {Times(PerRun(finished, hugoFinished, pagefind, withSearch: true))} | {LoadRange(rows)} |");
            }

            text.AppendLine();
        }

        var previews = results.Rows.Where(r => r.Text("tool") == "preview").GroupBy(r => r.Text("subject")).ToList();
        if (previews.Count > 0)
        {
            text.AppendLine("#### Preview server: one page edited, until the served page shows the edit")
                .AppendLine()
                .AppendLine("| site | pages | edits | rebuild as logged by the server (ms) | edit saved → new page served (ms) | slowest edit → served (ms) | load at the edits |")
                .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var preview in previews)
            {
                text.AppendLine(
                    $"| {(preview.Key == "preview-real" ? "the real site" : "generated")} | {preview.First().Text("pages")} | {preview.Count()} | " +
                    $"{Format(Median(preview.Select(r => r.RequiredNumber("build_log_ms"))), "F0")} | {Format(Median(preview.Select(r => r.RequiredNumber("wall_s") * 1000)), "F0")} | {Format(preview.Max(r => r.RequiredNumber("wall_s") * 1000), "F0")} | {LoadRange(preview)} |");
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Ours against Hugo as the median of per-run ratios (run i of ours over run i of Hugo, which the script
    /// alternates), so each ratio compares two builds made under the same load; NaN without a pair.
    /// </summary>
    private static double PerRun(List<ResultRow> ours, List<ResultRow> hugo, List<ResultRow> pagefind, bool withSearch)
    {
        var ratios = new List<double>();
        foreach (var run in ours)
        {
            var hugoRun = hugo.FirstOrDefault(r => r.Text("run") == run.Text("run"));
            var pagefindRun = pagefind.FirstOrDefault(r => r.Text("run") == run.Text("run"));
            if (hugoRun is null || (withSearch && pagefindRun is null))
            {
                continue;
            }

            ratios.Add(withSearch
                ? run.RequiredNumber("wall_s") / (hugoRun.RequiredNumber("wall_s") + pagefindRun!.RequiredNumber("wall_s"))
                : (run.RequiredNumber("wall_s") - run.RequiredNumber("search_index_ms") / 1000) / hugoRun.RequiredNumber("wall_s"));
        }

        return Median(ratios);
    }

    private static string Times(double ratio) => double.IsNaN(ratio) ? "–" : $"{Format(ratio, "F2")}×";
}
