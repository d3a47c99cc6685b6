using System.IO.Compression;
using Nuit.Portfolio.Common;

namespace Nuit.Portfolio.Files.Workbooks;

/// <summary>
/// Checks an uploaded workbook before any spreadsheet library parses it: size, a real .xlsx package,
/// no macros, and no zip bomb. The entries are inflated and counted here rather than trusting the sizes
/// the zip declares, which an attacker controls.
/// </summary>
public static class WorkbookFileGuard
{
    public const long MaxFileBytes = 20 * 1024 * 1024;
    public const long MaxUncompressedBytes = 200 * 1024 * 1024;

    /// <summary>Real workbooks compress 5–20×; a ratio beyond this is a bomb, not data.</summary>
    public const int MaxCompressionRatio = 100;

    public static void Check(ReadOnlySpan<byte> bytes, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is ".xlsm" or ".xltm" or ".xlsb" or ".xls")
            throw new InputException(fileName, null, $"filtypen {extension} leses ikke (makroer eller gammelt format). Lagre arbeidsboken som .xlsx.");
        if (bytes.Length > MaxFileBytes)
            throw new InputException(fileName, null, FileSizes.TooLarge(bytes.Length, MaxFileBytes));
        if (bytes.Length < 4 || bytes[0] != 'P' || bytes[1] != 'K')
            throw new InputException(fileName, null, "filen er ikke en Excel-arbeidsbok (.xlsx).");

        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                var name = entry.FullName.ToLowerInvariant();
                if (name.EndsWith("vbaproject.bin", StringComparison.Ordinal))
                    throw new InputException(fileName, null, "arbeidsboken inneholder makroer (VBA) og leses ikke. Lagre den som .xlsx uten makroer.");
                using var data = entry.Open();
                int read;
                while ((read = data.Read(buffer)) > 0)
                {
                    total += read;
                    if (total > MaxUncompressedBytes || total > (long)bytes.Length * MaxCompressionRatio)
                        throw new InputException(fileName, null, "arbeidsboken pakkes ut til langt mer enn filstørrelsen tilsier (mulig zip-bombe) og leses ikke.");
                }
            }
            var types = zip.GetEntry("[Content_Types].xml")
                ?? throw new InputException(fileName, null, "filen er et zip-arkiv, men ikke en Excel-arbeidsbok (.xlsx).");
            using var reader = new StreamReader(types.Open());
            if (reader.ReadToEnd().Contains("macroEnabled", StringComparison.OrdinalIgnoreCase))
                throw new InputException(fileName, null, "arbeidsboken er makroaktivert og leses ikke. Lagre den som .xlsx uten makroer.");
        }
        catch (InvalidDataException ex)
        {
            throw new InputException(fileName, null, "filen er skadet eller ikke en Excel-arbeidsbok (.xlsx).", ex);
        }
    }
}
