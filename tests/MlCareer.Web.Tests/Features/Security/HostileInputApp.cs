using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Content.Loading;
using MlCareer.Content.Model;
using MlCareer.Tests.HostileInput;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Infrastructure;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Security;

/// <summary>
/// The app holding the whole text corpus at once, so each page is rendered once rather than once per payload: payload
/// i is the learner's note, evidence label and the mentor's comment on competency i (round the competencies), and the
/// display name of user i, who mentors the learner, is mentored by the mentor and has a pending invitation. Each page is first
/// rendered from harmless input: the baseline a hostile rendering is compared with.
/// </summary>
public sealed class HostileInputApp : MlCareerAppFactory, IAsyncLifetime
{
    private readonly Dictionary<string, string> _baselines = [];
    private readonly Dictionary<string, Lazy<Task<string>>> _rendered = [];
    private readonly Dictionary<string, HashSet<string>> _refused = [];
    private readonly Dictionary<string, (Competency Competency, string InvitationToken)> _placed = [];

    public (HttpClient Client, string Id) Learner { get; private set; }

    public (HttpClient Client, string Id) Mentor { get; private set; }

    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>The pages that show every payload, by name.</summary>
    public static IReadOnlyList<string> SharedPages { get; } = ["learner /me", "mentor /mentees", "mentor's mentee page"];

    public T Service<T>()
        where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public Competency CompetencyOf(string id) => _placed[id].Competency;

    public string InvitationUrlOf(string id) => $"/invitations/{_placed[id].InvitationToken}";

    /// <summary>Whether the service refused payload <paramref name="id"/> for <paramref name="field"/> ("note", "evidence", "comment").</summary>
    public bool Refused(string id, string field) => _refused.GetValueOrDefault(id)?.Contains(field) == true;

    public async Task InitializeAsync()
    {
        Learner = await this.RegisterLearnerAsync("Harmless learner");
        Mentor = await this.RegisterLearnerAsync("Harmless mentor");
        Anonymous = this.NewClient();
        var invitations = Service<InvitationService>();
        await invitations.AcceptAsync(Mentor.Id, (await invitations.CreateInvitationAsync(Learner.Id)).Value!.Token);
        var competencies = Services.GetRequiredService<ContentCatalog>().Current.Competencies;
        var harmless = competencies[0];
        await StoreAsync(harmless, ["A harmless note."], "A harmless comment.");
        var harmlessUser = await AddUserAsync("A harmless name");
        await TakeBaselinesAsync(harmless, await InviteAsync(harmlessUser));

        var payloads = HostileCorpus.Text.ToList();
        for (var i = 0; i < payloads.Count; i++)
        {
            var (id, payload) = payloads[i];
            var user = await AddUserAsync(payload);
            _placed[id] = (competencies[i % competencies.Count], await InviteAsync(user));
        }

        foreach (var group in payloads.GroupBy(p => _placed[p.Key].Competency))
        {
            await StoreAsync(group.Key, group.Select(p => p.Value).ToList(), null, group.Select(p => p.Key).ToList());
        }
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>A shared page with every payload stored, rendered once.</summary>
    public Task<string> RenderedAsync(string page) => _rendered[page].Value;

    /// <summary>Fails unless <paramref name="html"/> adds no active feature to the baseline of <paramref name="page"/>.</summary>
    public void AssertNothingAdded(string page, string html, string where) => InertHtml.AssertNothingAdded(html, _baselines[page], where);

    /// <summary>GETs <paramref name="url"/>, fails unless it is OK and adds nothing to the baseline of <paramref name="page"/>, and returns it.</summary>
    public async Task<string> GetInertAsync(string page, HttpClient client, string url, string where)
    {
        var html = await GetOkAsync(client, url);
        AssertNothingAdded(page, html, where);
        return html;
    }

    public static string SearchUrl(string query) => "/search?q=" + Uri.EscapeDataString(query);

    private async Task TakeBaselinesAsync(Competency harmless, string invitationToken)
    {
        var pages = new Dictionary<string, (HttpClient Client, string Url)>
        {
            ["learner /me"] = (Learner.Client, "/me"),
            ["mentor /mentees"] = (Mentor.Client, "/mentees"),
            ["mentor's mentee page"] = (Mentor.Client, $"/mentees/{Learner.Id}"),
            ["mentor /me"] = (Mentor.Client, "/me"),
            ["competency page"] = (Learner.Client, harmless.Url),
            ["invitation page"] = (Anonymous, $"/invitations/{invitationToken}"),
            ["search page"] = (Anonymous, SearchUrl("harmless")),
        };
        foreach (var (name, (client, url)) in pages)
        {
            _baselines[name] = await GetOkAsync(client, url);
            _rendered[name] = new(() => GetOkAsync(client, url));
        }
    }

    /// <summary>The learner assesses <paramref name="competency"/> with the payloads as note and evidence labels; the mentor comments each.</summary>
    private async Task StoreAsync(Competency competency, IReadOnlyList<string> payloads, string? harmlessComment, IReadOnlyList<string>? ids = null)
    {
        var assessments = Service<AssessmentService>();
        await assessments.SetLevelAsync(Learner.Id, competency.Id, Level.Proficient);
        Record(ids, "note", await assessments.SaveNoteAsync(Learner.Id, competency.Id, string.Join("\n", payloads), isPrivate: false));
        Record(ids, "evidence", await assessments.SaveEvidenceAsync(
            Learner.Id, competency.Id, payloads.Select(p => new EvidenceItem(p, "https://example.org/work")).ToList()));
        for (var i = 0; i < payloads.Count; i++)
        {
            var comment = await Service<FeedbackService>().AddCommentAsync(Mentor.Id, Learner.Id, competency.Id, harmlessComment ?? payloads[i]);
            Record(ids?.Skip(i).Take(1).ToList(), "comment", comment);
        }
    }

    /// <summary>Notes a refusal; a refusal must name the field it is about.</summary>
    private void Record(IReadOnlyList<string>? ids, string field, ServiceResult result)
    {
        if (result.Succeeded)
        {
            return;
        }

        Assert.True(result.Problem!.Field?.StartsWith(field, StringComparison.Ordinal) == true, $"Refused {field} with {result.Problem}.");
        foreach (var id in ids ?? throw new InvalidOperationException($"Harmless input was refused: {result.Problem}"))
        {
            _refused.TryAdd(id, []);
            _refused[id].Add(field);
        }
    }

    /// <summary>
    /// The display name a payload is stored as: the payload as a name stored before the account forms refused control
    /// characters would be, as much of it as the column holds and without U+0000 (PostgreSQL enforces the column's length
    /// and cannot store U+0000 at all, so no stored name goes beyond that on any provider).
    /// </summary>
    public static string StoredName(string payload)
    {
        var name = UserText.WithoutNul(payload);
        var cut = name.Length <= FieldLimits.DisplayName ? name.Length : FieldLimits.DisplayName - (char.IsHighSurrogate(name[FieldLimits.DisplayName - 1]) ? 1 : 0);
        return name[..cut];
    }

    /// <summary>A user made directly (no password to hash), named <see cref="StoredName"/> of the payload.</summary>
    private async Task<string> AddUserAsync(string displayName)
    {
        var email = $"hostile-{Guid.NewGuid():N}@example.org";
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = StoredName(displayName) };
        Assert.True((await Service<UserManager<ApplicationUser>>().CreateAsync(user)).Succeeded);
        return user.Id;
    }

    /// <summary>Makes <paramref name="userId"/> a mentor of the learner and a mentee of the mentor; returns a pending invitation of theirs.</summary>
    private async Task<string> InviteAsync(string userId)
    {
        var invitations = Service<InvitationService>();
        await invitations.AcceptAsync(userId, (await invitations.CreateInvitationAsync(Learner.Id)).Value!.Token);
        await invitations.AcceptAsync(Mentor.Id, (await invitations.CreateInvitationAsync(userId)).Value!.Token);
        return (await invitations.CreateInvitationAsync(userId)).Value!.Token;
    }

    private static async Task<string> GetOkAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}.");
        return html;
    }
}
