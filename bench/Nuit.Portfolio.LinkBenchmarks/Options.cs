using System.Globalization;

namespace Nuit.Portfolio.LinkBenchmarks;

public sealed record Options(
    string Db, int N, int Warmup, int Limit, string Frequent, string? Rare, int Port, string WebDll, bool Http, string? Out)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        var db = Value("--db") ?? throw new ArgumentException("--db PATH mangler: en database laget med «nuit synth».");
        if (!File.Exists(db)) throw new ArgumentException($"Finner ikke {db}.");
        return new Options(
            Path.GetFullPath(db), Int("--n", 1000), Int("--warmup", 100), Int("--limit", 50), Value("--frequent") ?? "SFM", Value("--rare"),
            Int("--port", 5099), Value("--web-dll") ?? DefaultWebDll(), !args.Contains("--no-http"), Value("--out"));
    }

    /// <summary>The Release build of the web host in the same repository.</summary>
    private static string DefaultWebDll()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Nuit.Portfolio.sln")))
                return Path.Combine(dir.FullName, "src", "Nuit.Portfolio.Web", "bin", "Release", "net10.0", "Nuit.Portfolio.Web.dll");
        return "Nuit.Portfolio.Web.dll";
    }
}
