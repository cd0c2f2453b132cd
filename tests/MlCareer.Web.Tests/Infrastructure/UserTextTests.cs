using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Tests.Infrastructure;

public sealed class UserTextTests
{
    [Theory]
    [InlineData("  first line\r\nsecond line \r\n", "first line\nsecond line")]
    [InlineData("one\rtwo", "one\ntwo")]
    [InlineData("plain", "plain")]
    public void Clean_trims_and_stores_every_line_ending_as_a_newline(string typed, string stored) =>
        Assert.Equal(stored, UserText.Clean(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \r\n\t ")]
    public void Blank_text_is_stored_as_nothing(string? typed)
    {
        Assert.Null(UserText.Clean(typed));
        Assert.Null(UserText.CleanKeepingLayout(typed));
    }

    [Fact]
    public void A_nul_character_is_dropped_from_text_and_text_of_nothing_else_is_blank()
    {
        Assert.Equal("beforeafter", UserText.Clean(" before\0after\0 "));
        Assert.Equal(" beforeafter", UserText.CleanKeepingLayout(" before\0after"));
        Assert.Null(UserText.Clean("\0 \0"));
        Assert.Null(UserText.CleanKeepingLayout("\0"));
    }

    [Fact]
    public void A_note_keeps_its_indentation_and_trailing_space_but_not_carriage_returns() =>
        Assert.Equal("    indented code\nnext ", UserText.CleanKeepingLayout("    indented code\r\nnext "));
}
