namespace Nuit.Portfolio.Domain;

/// <summary>The three bodies of Nasjonal rådsmodell for e-helse. Each has its own case-number sequence.</summary>
public enum BodyCode
{
    Nuit = 1,
    Nufa = 2,
    EHelseraad = 3,
}

public static class Bodies
{
    public static string ShortName(BodyCode code) => code switch
    {
        BodyCode.Nuit => "NUIT",
        BodyCode.Nufa => "NUFA",
        BodyCode.EHelseraad => "Nasjonalt e-helseråd",
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };

    public static string FullName(BodyCode code) => code switch
    {
        BodyCode.Nuit => "Nasjonalt utvalg for prioritering og IT",
        BodyCode.Nufa => "Nasjonalt fagutvalg",
        BodyCode.EHelseraad => "Nasjonalt e-helseråd",
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };

    /// <summary>URL segment: <c>NUIT</c>, <c>NUFA</c>, <c>EHELSERAAD</c>.</summary>
    public static string UrlSegment(BodyCode code) => code switch
    {
        BodyCode.EHelseraad => "EHELSERAAD",
        _ => ShortName(code),
    };

    public static bool TryParse(string? s, out BodyCode code)
    {
        code = default;
        switch (s?.Trim().ToLowerInvariant())
        {
            case "nuit": code = BodyCode.Nuit; return true;
            case "nufa": code = BodyCode.Nufa; return true;
            case "nasjonalt e-helseråd" or "nasjonalt ehelseråd" or "e-helseråd" or "e-helserådet"
                or "nasjonalt e-helseraad" or "ehelseraad" or "ner":
                code = BodyCode.EHelseraad; return true;
            default: return false;
        }
    }

    public static BodyCode Parse(string s) =>
        TryParse(s, out var c) ? c : throw new FormatException($"'{s}' er ikke et kjent organ. Bruk NUIT, NUFA eller Nasjonalt e-helseråd.");
}
