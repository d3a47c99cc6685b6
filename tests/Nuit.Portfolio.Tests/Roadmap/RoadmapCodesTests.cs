using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Tests.Roadmap;

public sealed class RoadmapCodesTests
{
    [Theory]
    [InlineData("1A", "M1")]
    [InlineData("5Z", "M5")]
    public void A_sub_goal_code_is_its_goal_number_and_a_letter(string code, string goal) =>
        Assert.Null(RoadmapCodes.SubGoalCodeProblem(code, goal));

    [Theory]
    [InlineData("2A", "M1")]
    [InlineData("1", "M1")]
    [InlineData("1AA", "M1")]
    [InlineData("A1", "M1")]
    public void Other_sub_goal_codes_are_refused_with_an_example(string code, string goal) =>
        Assert.Contains("f.eks. 1A", RoadmapCodes.SubGoalCodeProblem(code, goal), StringComparison.Ordinal);

    [Theory]
    [InlineData("")]
    [InlineData("sfm")]
    [InlineData("-SFM")]
    [InlineData("SFM 2")]
    public void Codes_are_capitals_digits_and_dashes(string code) => Assert.NotNull(RoadmapCodes.CodeProblem(code));

    [Fact]
    public void Goal_codes_are_M_and_one_digit()
    {
        Assert.Null(RoadmapCodes.GoalCodeProblem("M6"));
        Assert.NotNull(RoadmapCodes.GoalCodeProblem("M10"));
        Assert.NotNull(RoadmapCodes.GoalCodeProblem("G1"));
    }
}
