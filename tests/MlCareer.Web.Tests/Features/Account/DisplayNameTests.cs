using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Web.Data;
using MlCareer.Web.Features.Account;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Account;

[Trait("Database", "BothProviders")]
public sealed class DisplayNameTests(MlCareerAppFactory factory) : IClassFixture<MlCareerAppFactory>
{
    private const string RefusedMessage = "Your name cannot contain control, invisible or text-direction characters.";

    private static readonly string[] Refused =
    [
        "Ada\0Lovelace",            // NUL
        "Ada\u0007",                // another control character
        "Ada\nLovelace",            // a line break is a control character too
        "\u202EecalevoL adA",       // right-to-left override
        "Ada \u202Agmail.com",      // left-to-right embedding
        "Ada\u2067Lovelace\u2069",  // right-to-left isolate
        "Ada\u200FLovelace",        // right-to-left mark
        "Ad\u200Ba",                // zero-width space
        "Ad\u200Da",                // zero-width joiner
        "Ad\u2060a",                // word joiner
        "\uFEFFAda",                // byte order mark / zero-width no-break space
    ];

    public static TheoryData<string> RefusedNames => new(Refused);

    [Theory]
    [MemberData(nameof(RefusedNames))]
    public void Hidden_and_reordering_characters_are_refused(string name) => Assert.False(DisplayName.IsAllowed(name));

    [Fact]
    public void Half_a_surrogate_pair_is_refused() => Assert.False(DisplayName.IsAllowed("Ada\uD800"));

    [Theory]
    [InlineData("Ada Lovelace")]
    [InlineData("José Ñúñez-Çelik")]
    [InlineData("李小龍")]
    [InlineData("محمد")]
    [InlineData("Zoë 🚀")]
    public void Names_in_any_script_with_accents_and_emoji_are_allowed(string name) => Assert.True(DisplayName.IsAllowed(name));

    [Theory]
    [InlineData("Jose\u0301", "Jos\u00E9")]
    [InlineData("  Ada \t  Lovelace  ", "Ada Lovelace")]
    [InlineData("Ada\u00A0\u00A0Lovelace", "Ada Lovelace")]
    public void Names_are_composed_trimmed_and_single_spaced(string typed, string stored) => Assert.Equal(stored, DisplayName.Normalize(typed));

    /// <summary>All but NUL, which the framework's form reader refuses before any field is read (see the next test).</summary>
    public static TheoryData<string> RefusedOnTheForm => new(Refused.Where(name => !name.Contains('\0')));

    [Theory]
    [MemberData(nameof(RefusedOnTheForm))]
    public async Task Registration_refuses_the_name_on_its_field(string name)
    {
        var email = $"refused-{Guid.NewGuid():N}@example.org";

        var response = await RegisterAsync(name, email);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var nameField = page.QuerySelector("#register-name")!.Closest(".field")!;
        Assert.Contains(RefusedMessage, nameField.QuerySelectorAll(".field-error").Select(m => m.TextContent));
        await using var db = await Db();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
    }

    [Fact]
    public async Task A_nul_in_the_form_is_a_bad_request_that_stores_nothing()
    {
        var email = $"nul-{Guid.NewGuid():N}@example.org";

        var response = await RegisterAsync("Ada\0Lovelace", email);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = await Db();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
    }

    [Fact]
    public async Task Registration_stores_the_composed_single_spaced_name()
    {
        var email = $"jose-{Guid.NewGuid():N}@example.org";

        var response = await RegisterAsync("  Jose\u0301   Ñúñez ", email);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = await Db();
        Assert.Equal("Jos\u00E9 Ñúñez", (await db.Users.SingleAsync(u => u.Email == email)).DisplayName);
    }

    [Fact]
    public async Task The_invitation_page_isolates_a_stored_name_from_the_sentence()
    {
        var (_, menteeId) = await factory.RegisterLearnerAsync("Isolated");
        const string storedName = "Mallory\u202E moc.elpmaxe";
        await using (var db = await Db())
        {
            await db.Users.Where(u => u.Id == menteeId).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, storedName));
        }

        var invitation = (await factory.Services.CreateScope().ServiceProvider.GetRequiredService<InvitationService>().CreateInvitationAsync(menteeId)).Value;
        var page = await new HtmlParser().ParseDocumentAsync(await factory.NewClient().GetStringAsync($"/invitations/{invitation!.Token}"));

        Assert.Equal(storedName, page.QuerySelector(".lead bdi")!.TextContent);
    }

    private Task<HttpResponseMessage> RegisterAsync(string name, string email) =>
        factory.NewClient().SubmitFormAsync("/account/register", "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = name,
            ["Input.Email"] = email,
            ["Input.Password"] = BrowserlessClient.Password,
            ["Input.ConfirmPassword"] = BrowserlessClient.Password,
        });

    private Task<AppDbContext> Db() => factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}
