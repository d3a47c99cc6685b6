using Nuit.Portfolio.Domain;
using ScottPlot;

namespace Nuit.Portfolio.Rendering.Charts;

/// <summary>
/// Okabe–Ito colours, told apart with the common forms of colour blindness. Colour is never the only
/// carrier of meaning: every coloured area also has a text label or legend entry.
/// </summary>
public static class ChartPalette
{
    public static readonly Color Orange = Color.FromHex("#E69F00");
    public static readonly Color SkyBlue = Color.FromHex("#56B4E9");
    public static readonly Color BluishGreen = Color.FromHex("#009E73");
    public static readonly Color Yellow = Color.FromHex("#F0E442");
    public static readonly Color Blue = Color.FromHex("#0072B2");
    public static readonly Color Vermillion = Color.FromHex("#D55E00");
    public static readonly Color ReddishPurple = Color.FromHex("#CC79A7");
    public static readonly Color Black = Color.FromHex("#000000");
    public static readonly Color Grey = Color.FromHex("#999999");

    /// <summary>Series colours in order; yellow comes last because it is weak on white paper.</summary>
    public static readonly IReadOnlyList<Color> Series = [Blue, Orange, BluishGreen, ReddishPurple, SkyBlue, Vermillion, Black, Yellow];

    public static Color ForRag(RagStatus rag) => rag switch
    {
        RagStatus.Green => BluishGreen,
        RagStatus.Amber => Orange,
        RagStatus.Red => Vermillion,
        _ => Grey,
    };

    /// <summary>The CSS hex form, for the HTML report's status badges.</summary>
    public static string Hex(RagStatus rag) => ForRag(rag).ToHex();
}
