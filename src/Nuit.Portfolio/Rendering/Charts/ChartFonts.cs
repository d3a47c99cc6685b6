using SkiaSharp;

namespace Nuit.Portfolio.Rendering.Charts;

/// <summary>
/// Picks the font the charts draw with. Skia reads fonts from the system (/usr/share/fonts on Linux) and,
/// when it finds none, draws charts without any text and without an error; hosts log <see cref="Warning"/>
/// at start so that is never a silent surprise.
/// </summary>
public static class ChartFonts
{
    // DejaVu Sans (fonts-dejavu-core) has æøå and is what CI installs; the others are common fallbacks.
    private static readonly string[] Preferred = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica"];

    private static readonly Lazy<string?> Resolved = new(Resolve);

    /// <summary>The font family in use, or null when the machine has no usable font.</summary>
    public static string? Family => Resolved.Value;

    public static string? Warning => Family is null
        ? "Fant ingen skrifttyper (Skia leter i /usr/share/fonts); diagrammene i rapportene blir uten tekst. Installer f.eks. pakken fonts-dejavu-core."
        : null;

    /// <summary>Sets ScottPlot's default font once; every chart built afterwards uses it.</summary>
    internal static void Apply()
    {
        if (Family is { } family) ScottPlot.Fonts.Default = family;
    }

    private static string? Resolve()
    {
        var installed = SKFontManager.Default.FontFamilies.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var choice = Preferred.FirstOrDefault(installed.Contains) ?? installed.Order(StringComparer.Ordinal).FirstOrDefault();
        if (choice is null) return null;
        // A family that cannot draw the Norwegian letters would print boxes where æøå belong.
        using var typeface = SKTypeface.FromFamilyName(choice);
        using var font = new SKFont(typeface);
        return font.ContainsGlyphs("æøåÆØÅ") ? choice : installed.FirstOrDefault(f => HasNorwegianGlyphs(f));
    }

    private static bool HasNorwegianGlyphs(string family)
    {
        using var typeface = SKTypeface.FromFamilyName(family);
        using var font = new SKFont(typeface);
        return font.ContainsGlyphs("æøåÆØÅ");
    }
}
