using System.Text.RegularExpressions;
using Nuit.Portfolio.Features.Meetings.Parsing;

namespace Nuit.Portfolio.Tests.Meetings;

public class TextJoinerTests
{
    /// <summary>CollapseSpaces lost its regex for speed (issue 17); it must still give what the regex gave.</summary>
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("Sak 31/24")]
    [InlineData("  Sak  31/24 \t Orientering  ")]
    [InlineData("a\u00A0b\u2009c\u3000d\u2028e\u0085f\vg\fh")]
    [InlineData(" a")]
    [InlineData("a ")]
    [InlineData("a \nb")]
    [InlineData("\t\r\n")]
    public void Collapsing_spaces_gives_what_the_regex_gave(string text) =>
        Assert.Equal(Regex.Replace(text, @"\s+", " ").Trim(), TextJoiner.CollapseSpaces(text));
}
