namespace Nuit.Portfolio.Features.Meetings.Parsing;

internal enum BlockKind
{
    Meeting,
    CoverNote,
}

/// <summary>One document inside a file: a meeting's agenda or minutes, or one cover note (toppnotat).</summary>
internal sealed class DocumentBlock
{
    private readonly int _markersAtStart;

    public DocumentBlock(BlockKind kind, IReadOnlyList<SourceLine> lines)
    {
        Kind = kind;
        Lines = lines;
        _markersAtStart = lines.Count > 0 ? lines[0].MarkersSeen : -1;
    }

    public BlockKind Kind { get; }

    public IReadOnlyList<SourceLine> Lines { get; }

    public SourceSpan Span() => Span(0, Lines.Count - 1);

    /// <summary>The span of lines <paramref name="first"/>..<paramref name="last"/> (indexes into <see cref="Lines"/>).</summary>
    public SourceSpan Span(int first, int last)
    {
        last = Math.Max(first, Math.Min(last, Lines.Count - 1));
        return new SourceSpan(Lines[first].Number, Lines[last].Number, PageOf(Lines[first]));
    }

    // A "side N" marker only tells the page inside the document it belongs to; a marker from the
    // previous document in the same file says nothing about this one.
    private int? PageOf(SourceLine line) =>
        line.MarkersSeen < 0 || line.MarkersSeen > _markersAtStart ? line.Page : null;
}
