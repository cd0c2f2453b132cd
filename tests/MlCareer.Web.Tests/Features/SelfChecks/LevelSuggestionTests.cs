using MlCareer.Content.Model;
using MlCareer.Web.Features.SelfChecks;

namespace MlCareer.Web.Tests.Features.SelfChecks;

public sealed class LevelSuggestionTests
{
    [Theory]
    [InlineData(0, 5, Level.NotStarted)]
    [InlineData(1, 5, Level.Learning)]
    [InlineData(2, 4, Level.Learning)]
    [InlineData(3, 5, Level.Practising)]
    [InlineData(4, 5, Level.Practising)]
    [InlineData(5, 5, Level.Proficient)]
    [InlineData(1, 1, Level.Proficient)]
    [InlineData(0, 0, Level.NotStarted)]
    public void None_suggests_not_started_up_to_half_learning_more_than_half_practising_all_proficient(int ticked, int total, Level expected) =>
        Assert.Equal(expected, LevelSuggestion.From(ticked, total));

    [Fact]
    public void Expert_is_never_suggested_and_an_expert_claim_agrees_only_with_every_statement_ticked()
    {
        Assert.DoesNotContain(Enumerable.Range(0, 6).Select(t => LevelSuggestion.From(t, 5)), l => l == Level.Expert);
        Assert.True(LevelSuggestion.Agrees(Level.Expert, Level.Proficient));
        Assert.False(LevelSuggestion.Agrees(Level.Expert, Level.Practising));
        Assert.True(LevelSuggestion.Agrees(Level.Learning, Level.Learning));
        Assert.False(LevelSuggestion.Agrees(Level.Proficient, Level.Learning));
    }
}
