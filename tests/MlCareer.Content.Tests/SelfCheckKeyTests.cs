using MlCareer.Content.Model;

namespace MlCareer.Content.Tests;

public sealed class SelfCheckKeyTests
{
    [Fact]
    public void Case_spacing_a_final_full_stop_and_compatibility_forms_keep_the_key()
    {
        var key = SelfCheckKey.Of("I can multiply two matrices.");

        Assert.Equal(key, SelfCheckKey.Of("i can  MULTIPLY two\nmatrices"));
        Assert.Equal(key, SelfCheckKey.Of(" I can multiply two matrices. "));
        Assert.Equal(key, SelfCheckKey.Of("I can multiply two ｍatrices."));
    }

    [Fact]
    public void A_reworded_statement_gets_a_new_key_of_sixteen_hex_characters()
    {
        var key = SelfCheckKey.Of("I can multiply two matrices.");

        Assert.NotEqual(key, SelfCheckKey.Of("I can invert a matrix."));
        Assert.Matches("^[0-9a-f]{16}$", key);
    }
}
