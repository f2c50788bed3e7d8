using System.Globalization;
using System.Text;

namespace HipaaDev.Inventory;

/// <summary>
/// <c>hipaa-inventory &lt;file.sarif&gt;... [--markdown out.md] [--csv out.csv] [--root DIR] [--date]</c>.
/// Exit codes: 0 written (an empty inventory too), 2 bad arguments or input, with one message naming the file.
/// </summary>
internal static class InventoryCommand
{
    public const int Success = 0;
    public const int BadInput = 2;

    public const string Usage = """
        Usage: hipaa-inventory <file.sarif>... [--markdown <out.md>] [--csv <out.csv>] [--root <dir>] [--date]

        Reads the SARIF error logs of builds run with HipaaDev.Analyzers and the inventory switched on:
          dotnet build -p:HipaaDevInventory=true -p:ErrorLog=inventory.sarif%2Cversion=2.1
        and writes every SMS and email send site (HIPAA100) grouped by channel and vendor.

          --markdown <file>  write the Markdown document for the risk-analysis file
          --csv <file>       write one CSV row per send site
                             (with neither, the Markdown goes to standard output)
          --root <dir>       show source paths relative to this folder (default: the folder all sites share)
          --date             print today's date (UTC) in the document; without it the output depends on the code only
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Any(arg => arg is "-h" or "--help" or "-?"))
        {
            output.WriteLine(Usage);
            return Success;
        }

        try
        {
            var options = Options.Parse(args);
            var sites = options.SarifFiles.SelectMany(SarifReader.Read).ToList();
            var date = options.WithDate ? DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            var inventory = MessagingInventory.Create(options.SarifFiles, sites, options.Root is null ? null : Path.GetFullPath(options.Root), date);
            if (inventory.Sites.Count == 0)
            {
                // An empty inventory is a real answer, but the usual cause is a build without the switch.
                error.WriteLine($"No {SarifReader.RuleId} send sites in {string.Join(", ", options.SarifFiles)}. If the code does send SMS or email, " +
                                "build with -p:HipaaDevInventory=true (the inventory is off by default).");
            }

            if (options.MarkdownFile is null && options.CsvFile is null)
            {
                output.Write(MarkdownWriter.Write(inventory));
            }

            Save(options.MarkdownFile, () => MarkdownWriter.Write(inventory));
            Save(options.CsvFile, () => CsvWriter.Write(inventory));
            return Success;
        }
        catch (InventoryInputException e)
        {
            error.WriteLine(e.Message);
            return BadInput;
        }
    }

    private static void Save(string? file, Func<string> render)
    {
        if (file is null)
        {
            return;
        }

        try
        {
            File.WriteAllText(file, render(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InventoryInputException(file, $"cannot be written ({e.Message})", "choose a path in a folder that exists and you can write to");
        }
    }

    private sealed record Options(IReadOnlyList<string> SarifFiles, string? MarkdownFile, string? CsvFile, string? Root, bool WithDate)
    {
        public static Options Parse(IReadOnlyList<string> args)
        {
            var files = new List<string>();
            string? markdown = null, csv = null, root = null;
            var withDate = false;
            for (var i = 0; i < args.Count; i++)
            {
                switch (args[i])
                {
                    case "--markdown":
                        markdown = Value(args, ref i);
                        break;
                    case "--csv":
                        csv = Value(args, ref i);
                        break;
                    case "--root":
                        root = Value(args, ref i);
                        break;
                    case "--date":
                        withDate = true;
                        break;
                    case var option when option.StartsWith("--", StringComparison.Ordinal):
                        throw new InventoryInputException(option, "unknown option", "run hipaa-inventory --help for the options");
                    default:
                        files.Add(args[i]);
                        break;
                }
            }

            if (files.Count == 0)
            {
                throw new InventoryInputException("hipaa-inventory", "no SARIF file given", "pass the file a build wrote with -p:ErrorLog=<file>.sarif (see --help)");
            }

            return new Options(files, markdown, csv, root, withDate);
        }

        private static string Value(IReadOnlyList<string> args, ref int i)
        {
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new InventoryInputException(args[i], "needs a value", $"write {args[i]} <path>");
            }

            return args[++i];
        }
    }
}
