using System.Globalization;

namespace HipaaDev.Benchmarks.Reports;

/// <summary>A tab-separated results file written by a benchmark script: a header row, then one row per measurement.</summary>
public sealed class ResultTable
{
    private readonly string[] _columns;

    private ResultTable(string path, string[] columns, IReadOnlyList<ResultRow> rows)
    {
        Path = path;
        _columns = columns;
        Rows = rows;
    }

    public string Path { get; }

    public IReadOnlyList<ResultRow> Rows { get; }

    public static ResultTable Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no results file. Run the benchmark script first; it writes this file.", path);
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length == 0)
        {
            throw new InvalidDataException($"{path}:1: the results file is empty; it needs a header row. Run the benchmark script again.");
        }

        var columns = lines[0].Split('\t');
        var rows = new List<ResultRow>();
        for (var index = 1; index < lines.Length; index++)
        {
            if (lines[index].Length == 0)
            {
                continue;
            }

            var cells = lines[index].Split('\t');
            if (cells.Length != columns.Length)
            {
                throw new InvalidDataException($"{path}:{index + 1}: {cells.Length} cells where the header has {columns.Length}. Delete the file and run the benchmark script again.");
            }

            rows.Add(new ResultRow(path, index + 1, columns, cells));
        }

        return new ResultTable(path, columns, rows);
    }

    public IEnumerable<IGrouping<string, ResultRow>> GroupBy(params string[] keyColumns) =>
        Rows.GroupBy(row => string.Join('\u001f', keyColumns.Select(row.Text)));

    public bool HasColumn(string name) => _columns.Contains(name);
}

/// <summary>One measurement; numbers are read with the invariant culture, as the scripts write them.</summary>
public sealed class ResultRow
{
    private readonly string _path;
    private readonly int _line;
    private readonly Dictionary<string, string> _cells;

    public ResultRow(string path, int line, string[] columns, string[] cells)
    {
        _path = path;
        _line = line;
        _cells = columns.Zip(cells).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal);
    }

    public string Text(string column) =>
        _cells.TryGetValue(column, out var value)
            ? value
            : throw new InvalidDataException($"{_path}:{_line}: no column '{column}'. The script and the report disagree; rebuild tests/HipaaDev.Benchmarks.");

    public bool HasColumn(string column) => _cells.ContainsKey(column);

    public double? Number(string column)
    {
        var text = Text(column);
        if (text.Length == 0)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"{_path}:{_line}: '{text}' in column '{column}' is not a number.");
    }

    public double RequiredNumber(string column) =>
        Number(column) ?? throw new InvalidDataException($"{_path}:{_line}: column '{column}' is empty.");
}

internal static class Statistics
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Least-squares slope and intercept of y over x.</summary>
    public static (double Slope, double Intercept) Fit(IReadOnlyList<(double X, double Y)> points)
    {
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var covariance = points.Sum(p => (p.X - meanX) * (p.Y - meanY));
        var variance = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        var slope = variance == 0 ? 0 : covariance / variance;
        return (slope, meanY - slope * meanX);
    }

    /// <summary>The one-minute load averages recorded with these builds, as "low–high" (or "–" for older results without them).</summary>
    public static string LoadRange(IEnumerable<ResultRow> rows)
    {
        var loads = rows.Select(r => r.HasColumn("load1") ? r.Number("load1") : null).OfType<double>().ToList();
        if (loads.Count == 0)
        {
            return "–";
        }

        var (low, high) = (Format(loads.Min(), "F1"), Format(loads.Max(), "F1"));
        return low == high ? low : $"{low}–{high}";
    }

    public static string Format(double value, string format) =>
        double.IsNaN(value) ? "–" : value.ToString(format, CultureInfo.InvariantCulture);
}
