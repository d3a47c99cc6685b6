using System.Globalization;

namespace Nuit.Portfolio.Common;

/// <summary>File sizes as a person reads them (nb-NO), and the one sentence for a file over its limit.</summary>
public static class FileSizes
{
    private static readonly CultureInfo NbNo = CultureInfo.GetCultureInfo("nb-NO");

    public static string Describe(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(NbNo, $"{bytes / (1024.0 * 1024.0):0.#} MB"),
        >= 1024 => string.Create(NbNo, $"{bytes / 1024.0:0.#} kB"),
        _ => string.Create(NbNo, $"{bytes} byte"),
    };

    /// <summary>
    /// «Filen er for stor (52 428 832 byte). Største tillatte størrelse er 52 428 800 byte (50 MB). …»: when the rounded
    /// sizes read the same, both are given in bytes, so the sentence never says a file of 50 MB is over a limit of 50 MB.
    /// </summary>
    public static string TooLarge(long size, long max)
    {
        var (sizeText, maxText) = (Describe(size), Describe(max));
        if (sizeText == maxText)
            (sizeText, maxText) = (string.Create(NbNo, $"{size:N0} byte"), string.Create(NbNo, $"{max:N0} byte ({maxText})"));
        return $"Filen er for stor ({sizeText}). Største tillatte størrelse er {maxText}. Ingenting er lagret; gjør filen mindre eller del den opp, og prøv igjen.";
    }
}
