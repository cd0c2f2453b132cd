using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using MlCareer.Content.Model;
using MlCareer.Web.Data;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Features.Sharing;
using MlCareer.Web.Infrastructure;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Sharing;

[Trait("Database", "BothProviders")]
public sealed class ShareServiceTests : IAsyncLifetime
{
    private const string PrivateNote = "private-eigen-worries";
    private const string OpenNote = "open-calculus-note";
    private static readonly ShareOptions Everything = new(Areas: true, Radar: true, TargetRole: true, Notes: true, Evidence: true);
    private readonly ServiceTestHost _host = new();
    private string _learner = "";
    private string _other = "";

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _learner = await _host.CreateUserAsync("lena");
        _other = await _host.CreateUserAsync("otto");
        await _host.Assessments.SetLevelAsync(_learner, "linear-algebra", Level.Practising);
        await _host.Assessments.SaveNoteAsync(_learner, "linear-algebra", PrivateNote, isPrivate: true);
        await _host.Assessments.SetLevelAsync(_learner, "calculus", Level.Proficient);
        await _host.Assessments.SaveNoteAsync(_learner, "calculus", OpenNote, isPrivate: false);
        await _host.Assessments.SaveEvidenceAsync(_learner, "calculus", [new EvidenceItem("Derivatives notebook", "https://example.org/derivatives")]);
        await _host.Careers.SetTargetAsync(_learner, "ml-engineer", RoleStage.Junior);
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    private async Task<CreatedShareLink> CreateAsync(ShareOptions options, int? days = null)
    {
        var created = await _host.Shares.CreateAsync(_learner, options, days);
        Assert.True(created.Succeeded, created.Problem?.ToString());
        return created.Value!;
    }

    [Fact]
    public async Task Tokens_have_at_least_128_random_bits_and_only_their_hash_is_stored()
    {
        var a = await CreateAsync(ShareOptions.Default);
        var b = await CreateAsync(ShareOptions.Default);

        Assert.NotEqual(a.Token, b.Token);
        Assert.True(WebEncoders.Base64UrlDecode(a.Token).Length * 8 >= 128);
        await using var db = await _host.NewDbAsync();
        var stored = await db.ShareLinks.Select(l => l.TokenHash).ToListAsync();
        Assert.DoesNotContain(a.Token, stored);
        Assert.Equal(new[] { LinkToken.Hash(a.Token), LinkToken.Hash(b.Token) }.Order(), stored.Order());
    }

    [Fact]
    public async Task A_working_link_shows_the_learners_levels_and_chosen_parts()
    {
        var link = await CreateAsync(Everything);

        var shared = await _host.Shares.OpenAsync(link.Token);

        Assert.NotNull(shared);
        Assert.Equal("lena", shared.DisplayName);
        Assert.Equal(Level.Proficient, shared.Assessments["calculus"].Level);
        Assert.Equal(OpenNote, shared.Assessments["calculus"].Note);
        Assert.Equal("Derivatives notebook", Assert.Single(shared.Assessments["calculus"].Evidence).Label);
        Assert.Equal("ml-engineer", shared.Target?.Role.Id);
        Assert.Equal(_host.Clock.Now, shared.LastUpdated);
    }

    [Fact]
    public async Task Private_notes_are_never_shown_even_with_notes_chosen()
    {
        var link = await CreateAsync(Everything);

        var shared = await _host.Shares.OpenAsync(link.Token);

        Assert.Null(shared!.Assessments["linear-algebra"].Note);
        Assert.False(shared.Assessments["linear-algebra"].NoteIsPrivate); // not even a hint that a note exists
        Assert.DoesNotContain(shared.Assessments.Values, a => a.Note == PrivateNote);
    }

    [Fact]
    public async Task A_note_made_private_after_the_link_was_created_disappears_from_it()
    {
        var link = await CreateAsync(Everything);
        await _host.Assessments.SaveNoteAsync(_learner, "calculus", OpenNote, isPrivate: true);

        var shared = await _host.Shares.OpenAsync(link.Token);

        Assert.Null(shared!.Assessments["calculus"].Note);
    }

    [Fact]
    public async Task Notes_evidence_and_target_are_left_out_unless_chosen()
    {
        var link = await CreateAsync(new ShareOptions(Areas: true, Radar: false, TargetRole: false, Notes: false, Evidence: false));

        var shared = await _host.Shares.OpenAsync(link.Token);

        Assert.Null(shared!.Assessments["calculus"].Note);
        Assert.Empty(shared.Assessments["calculus"].Evidence);
        Assert.Null(shared.Target);
        Assert.Equal(Level.Proficient, shared.Assessments["calculus"].Level);
    }

    [Fact]
    public async Task A_revoked_link_no_longer_opens_and_leaves_the_list()
    {
        var link = await CreateAsync(ShareOptions.Default);

        Assert.True((await _host.Shares.RevokeAsync(_learner, link.Link.Id)).Succeeded);

        Assert.Null(await _host.Shares.OpenAsync(link.Token));
        Assert.Empty(await _host.Shares.ListAsync(_learner));
        Assert.Equal(ProblemKind.UnknownShareLink, (await _host.Shares.RevokeAsync(_learner, link.Link.Id)).Problem?.Kind);
    }

    [Fact]
    public async Task An_expiring_link_opens_until_its_last_moment_and_not_after()
    {
        var link = await CreateAsync(ShareOptions.Default, days: 7);
        Assert.Equal(_host.Clock.Now.AddDays(7), link.Link.ExpiresAt);

        _host.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.NotNull(await _host.Shares.OpenAsync(link.Token));

        _host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await _host.Shares.OpenAsync(link.Token));
        Assert.Empty(await _host.Shares.ListAsync(_learner));
    }

    [Fact]
    public async Task Another_user_can_neither_see_nor_revoke_a_learners_link()
    {
        var link = await CreateAsync(ShareOptions.Default);

        Assert.Empty(await _host.Shares.ListAsync(_other));
        var revoke = await _host.Shares.RevokeAsync(_other, link.Link.Id);

        Assert.Equal(ProblemKind.UnknownShareLink, revoke.Problem?.Kind);
        Assert.NotNull(await _host.Shares.OpenAsync(link.Token));
        Assert.Equal([link.Link.Id], (await _host.Shares.ListAsync(_learner)).Select(l => l.Id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    public async Task Unknown_tokens_open_nothing(string? token)
    {
        await CreateAsync(ShareOptions.Default);

        Assert.Null(await _host.Shares.OpenAsync(token));
    }

    [Fact]
    public async Task A_token_with_one_character_changed_opens_nothing()
    {
        var link = await CreateAsync(ShareOptions.Default);
        var altered = (link.Token[0] == 'A' ? "B" : "A") + link.Token[1..];

        Assert.Null(await _host.Shares.OpenAsync(altered));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(FieldLimits.ShareLinkMaxDays + 1)]
    public async Task Validity_outside_one_day_to_a_year_is_refused(int days)
    {
        var created = await _host.Shares.CreateAsync(_learner, ShareOptions.Default, days);

        Assert.Equal(new Problem(ProblemKind.ShareExpiryOutOfRange, "expiry", days, FieldLimits.ShareLinkMaxDays), created.Problem);
        Assert.Empty(await _host.Shares.ListAsync(_learner));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(FieldLimits.ShareLinkMaxDays)]
    public async Task Validity_of_exactly_one_day_or_a_year_is_accepted(int days)
    {
        var created = await CreateAsync(ShareOptions.Default, days);

        Assert.Equal(_host.Clock.Now.AddDays(days), created.Link.ExpiresAt);
    }

    [Fact]
    public async Task The_list_shows_the_newest_link_first()
    {
        var older = await CreateAsync(ShareOptions.Default);
        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        var newer = await CreateAsync(ShareOptions.Default);

        Assert.Equal([newer.Link.Id, older.Link.Id], (await _host.Shares.ListAsync(_learner)).Select(l => l.Id));
    }

    [Fact]
    public async Task The_link_says_when_the_learner_last_changed_anything()
    {
        var link = await CreateAsync(ShareOptions.Default);
        _host.Clock.Advance(TimeSpan.FromDays(3));
        await _host.Assessments.SetLevelAsync(_learner, "calculus", Level.Expert);

        Assert.Equal(_host.Clock.Now, (await _host.Shares.OpenAsync(link.Token))!.LastUpdated);
    }

    [Fact]
    public async Task Creating_and_revoking_are_logged_with_the_link_and_its_owner_and_an_unknown_link_is_named()
    {
        var link = await CreateAsync(ShareOptions.Default);
        Assert.True((await _host.Shares.RevokeAsync(_learner, link.Link.Id)).Succeeded);

        Assert.Equal(new Problem(ProblemKind.UnknownShareLink, "share link"), (await _host.Shares.RevokeAsync(_learner, link.Link.Id)).Problem);
        foreach (var eventId in new[] { 7101, 7102 })
        {
            var entry = Assert.Single(_host.Logs.Entries, e => e.EventId.Id == eventId).Values;
            Assert.Equal((link.Link.Id, _learner), ((Guid)entry["LinkId"]!, (string)entry["UserId"]!));
        }
    }

    [Fact]
    public async Task A_learner_has_at_most_the_limit_of_working_links_and_revoking_frees_a_place()
    {
        var links = new List<CreatedShareLink>();
        for (var i = 0; i < FieldLimits.ShareLinksPerUser; i++)
        {
            links.Add(await CreateAsync(ShareOptions.Default));
        }

        var refused = await _host.Shares.CreateAsync(_learner, ShareOptions.Default, null);
        Assert.Equal(new Problem(ProblemKind.TooMany, "share links", FieldLimits.ShareLinksPerUser, FieldLimits.ShareLinksPerUser), refused.Problem);

        await _host.Shares.RevokeAsync(_learner, links[0].Link.Id);
        Assert.True((await _host.Shares.CreateAsync(_learner, ShareOptions.Default, null)).Succeeded);
    }

    [Fact]
    public async Task Deleting_the_account_removes_its_links()
    {
        var link = await CreateAsync(ShareOptions.Default);
        await using (var db = await _host.NewDbAsync())
        {
            db.Users.Remove(await db.Users.SingleAsync(u => u.Id == _learner));
            await db.SaveChangesAsync();
        }

        Assert.Null(await _host.Shares.OpenAsync(link.Token));
    }
}
