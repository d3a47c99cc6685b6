using SkiaSharp;

namespace Nuit.Portfolio.Rendering.Charts;

/// <summary>
/// Picks the font the charts draw with. Skia reads fonts from the system (/usr/share/fonts on Linux) and,
/// when it finds none, draws charts without any text and without an error. So the build carries DejaVu Sans
/// (Rendering/Charts/Fonts, Bitstream Vera licence) and the charts use it first: a machine with only the .NET SDK,
/// and no font package, still gets charts with æøå, and every machine draws the same picture. The system fonts
/// are the fallback; when neither is usable hosts log <see cref="Warning"/> at start, so it is never a silent surprise.
/// </summary>
public static class ChartFonts
{
    private const string Bundled = "DejaVu Sans";

    // Common system families with æøå, in order, for a build whose font folder was removed.
    private static readonly string[] Preferred = [Bundled, "Liberation Sans", "Noto Sans", "Arial", "Helvetica"];

    private static readonly Lazy<string?> Resolved = new(Resolve);

    /// <summary>The font family in use, or null when the machine has no usable font.</summary>
    public static string? Family => Resolved.Value;

    public static string? Warning => Family is null
        ? $"Fant ingen skrifttyper (verken {BundledFolder} eller /usr/share/fonts); diagrammene i rapportene blir uten tekst. Installer f.eks. pakken fonts-dejavu-core."
        : null;

    /// <summary>Sets ScottPlot's default font once; every chart built afterwards uses it.</summary>
    internal static void Apply()
    {
        if (Family is { } family) ScottPlot.Fonts.Default = family;
    }

    private static string BundledFolder => Path.Combine(AppContext.BaseDirectory, "fonts");

    private static string? Resolve()
    {
        var regular = Path.Combine(BundledFolder, "DejaVuSans.ttf");
        var bold = Path.Combine(BundledFolder, "DejaVuSans-Bold.ttf");
        if (File.Exists(regular) && File.Exists(bold))
        {
            ScottPlot.Fonts.AddFontFile(Bundled, regular, bold: false, italic: false);
            ScottPlot.Fonts.AddFontFile(Bundled, bold, bold: true, italic: false);
            return Bundled;
        }

        var installed = SKFontManager.Default.FontFamilies.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Preferred.Where(installed.Contains).Concat(installed.Order(StringComparer.Ordinal)).FirstOrDefault(HasNorwegianGlyphs);
    }

    // A family that cannot draw the Norwegian letters would print boxes where æøå belong.
    private static bool HasNorwegianGlyphs(string family)
    {
        using var typeface = SKTypeface.FromFamilyName(family);
        using var font = new SKFont(typeface);
        return font.ContainsGlyphs("æøåÆØÅ");
    }
}
