using MlCareer.Content.Model;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Features.Careers;
using MlCareer.Web.Features.Guide;

namespace MlCareer.Web.Tests.Features.Guide;

public sealed class PlanCalculatorTests
{
    private static readonly DateOnly Monday = new(2026, 11, 30);
    private static readonly Dictionary<string, PlanChoice> NoChoices = [];

    private static Competency C(string id, int order, int hours, params string[] prerequisites) =>
        new(id, "alpha", id, order, id, hours, prerequisites, ["x"],
            [new Resource($"Book on {id}", new Uri($"https://example.org/{id}"), ResourceKind.Book, ResourceCost.Free, StartHere: true, Part: "Ch. 1", Hours: 2),
             new Resource("Later", new Uri("https://example.org/later"), ResourceKind.Video, ResourceCost.Free)],
            "<p>x</p>", "x", $"areas/alpha/{id}.md");

    /// <summary>
    /// basics (10 h) -> middle (20 h) -> advanced (40 h); odd (16 h) alone; hidden (8 h) -> needy (12 h), where the role
    /// does not name hidden. The mid stage expects basics 2, middle 2, advanced 1, odd 1, needy 2. From nothing the hours
    /// to close are basics 10, middle 20, advanced 20, odd 8, needy 12, and hidden 8 (to practising): 78 in all.
    /// </summary>
    private static (ContentSnapshot Snapshot, TargetRole Target) Build()
    {
        var area = new Area("alpha", "Alpha", 1, "s", "", "",
            [C("odd", 1, 16), C("advanced", 2, 40, "middle"), C("needy", 3, 12, "hidden"), C("middle", 4, 20, "basics"), C("basics", 5, 10), C("hidden", 6, 8)],
            "areas/alpha/index.md");
        var role = new Role("engineer", "Engineer", 1, "s", "", new Dictionary<RoleStage, IReadOnlyDictionary<string, Level>>
        {
            [RoleStage.Mid] = new Dictionary<string, Level>
            {
                ["basics"] = Level.Practising,
                ["middle"] = Level.Practising,
                ["advanced"] = Level.Learning,
                ["odd"] = Level.Learning,
                ["needy"] = Level.Practising,
            },
        }, "roles/engineer.md");
        return (new ContentSnapshot([area], [role], new CareerPath("c", "s", "", [], []), DateTimeOffset.UnixEpoch), new TargetRole(role, RoleStage.Mid));
    }

    private static LearningPlanResult Plan(
        IReadOnlyDictionary<string, Level>? levels = null, int hours = 10, IReadOnlyDictionary<string, PlanChoice>? choices = null)
    {
        var (snapshot, target) = Build();
        return PlanCalculator.Build(snapshot, target, levels ?? new Dictionary<string, Level>(), hours, choices ?? NoChoices, Monday);
    }

    private static void AssertPrerequisitesFirst(LearningPlanResult plan)
    {
        var position = plan.Items.Select((item, i) => (item.Competency.Id, i)).ToDictionary(x => x.Id, x => x.i);
        foreach (var item in plan.Items)
        {
            foreach (var prerequisite in item.Competency.Prerequisites.Where(position.ContainsKey))
            {
                Assert.True(position[prerequisite] < position[item.Competency.Id], $"{prerequisite} must come before {item.Competency.Id}");
                Assert.True(plan.Items[position[prerequisite]].StartsOn <= item.StartsOn);
            }
        }
    }

    [Fact]
    public void From_nothing_the_plan_holds_the_gap_and_the_unnamed_prerequisite_in_prerequisite_order()
    {
        var plan = Plan();

        Assert.Equal(["odd", "basics", "middle", "advanced", "hidden", "needy"], plan.Items.Select(i => i.Competency.Id));
        AssertPrerequisitesFirst(plan);
        Assert.Equal(78, plan.TotalHours);
        var hidden = plan.Items.Single(i => i.Competency.Id == "hidden");
        Assert.False(hidden.ForTarget);
        Assert.Equal((Level.NotStarted, Level.Practising, 8), (hidden.From, hidden.To, hidden.Hours));
        Assert.All(plan.Items.Where(i => i.Competency.Id != "hidden"), i => Assert.True(i.ForTarget));
        Assert.Empty(plan.Skipped);
    }

    [Fact]
    public void Each_item_goes_from_the_current_level_to_the_expected_one_with_the_gap_hours()
    {
        var plan = Plan(new Dictionary<string, Level> { ["basics"] = Level.Learning, ["advanced"] = Level.Learning });

        Assert.DoesNotContain(plan.Items, i => i.Competency.Id == "advanced");
        var basics = plan.Items.Single(i => i.Competency.Id == "basics");
        Assert.Equal((Level.Learning, Level.Practising, 5), (basics.From, basics.To, basics.Hours));
    }

    [Fact]
    public void A_prerequisite_already_at_practising_is_not_planned_even_when_the_role_does_not_name_it()
    {
        var plan = Plan(new Dictionary<string, Level> { ["hidden"] = Level.Practising });

        Assert.DoesNotContain(plan.Items, i => i.Competency.Id == "hidden");
        Assert.Contains(plan.Items, i => i.Competency.Id == "needy");
    }

    [Fact]
    public void A_learning_prerequisite_is_planned_from_learning_to_practising()
    {
        var hidden = Plan(new Dictionary<string, Level> { ["hidden"] = Level.Learning }).Items.Single(i => i.Competency.Id == "hidden");

        Assert.Equal((Level.Learning, Level.Practising, 4), (hidden.From, hidden.To, hidden.Hours));
    }

    [Fact]
    public void Items_run_one_after_another_at_the_weekly_hours_with_start_and_finish_dates()
    {
        var plan = Plan(hours: 10);

        // odd 8 h: week 1; basics 10 h: weeks 1-2 (2 + 8); middle 20 h: weeks 2-4 (2 + 10 + 8); advanced 20 h: weeks 4-6;
        // hidden 8 h: weeks 6-7; needy 12 h: weeks 7-8.
        var expected = new (string Id, int FirstWeek, int LastWeek)[]
        {
            ("odd", 1, 1), ("basics", 1, 2), ("middle", 2, 4), ("advanced", 4, 6), ("hidden", 6, 7), ("needy", 7, 8),
        };
        foreach (var (id, first, last) in expected)
        {
            var item = plan.Items.Single(i => i.Competency.Id == id);
            Assert.Equal(Monday.AddDays(7 * (first - 1)), item.StartsOn);
            Assert.Equal(Monday.AddDays((7 * last) - 1), item.FinishesOn);
        }

        Assert.Equal(Enumerable.Range(1, 8), plan.Weeks.Select(w => w.Number));
        Assert.Equal(Monday.AddDays(55), plan.FinishesOn);
        Assert.Equal([("odd", 8), ("basics", 2)], plan.Weeks[0].Tasks.Select(t => (t.Item.Competency.Id, t.Hours)));
        Assert.Equal([("middle", 10)], plan.Weeks[2].Tasks.Select(t => (t.Item.Competency.Id, t.Hours)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(10)]
    [InlineData(40)]
    [InlineData(80)]
    public void Weeks_are_full_except_the_last_and_hold_exactly_the_plan_hours(int hoursPerWeek)
    {
        var plan = Plan(hours: hoursPerWeek);

        Assert.All(plan.Weeks.SkipLast(1), w => Assert.Equal(hoursPerWeek, w.Tasks.Sum(t => t.Hours)));
        Assert.InRange(plan.Weeks[^1].Tasks.Sum(t => t.Hours), 1, hoursPerWeek);
        Assert.Equal(plan.TotalHours, plan.Weeks.Sum(w => w.Tasks.Sum(t => t.Hours)));
        Assert.Equal((int)Math.Ceiling(78.0 / hoursPerWeek), plan.Weeks.Count);
        foreach (var item in plan.Items)
        {
            Assert.Equal(item.Hours, plan.Weeks.SelectMany(w => w.Tasks).Where(t => t.Item == item).Sum(t => t.Hours));
        }

        Assert.All(plan.Weeks, w => Assert.Equal(Monday.AddDays(7 * (w.Number - 1)), w.StartsOn));
        AssertPrerequisitesFirst(plan);
    }

    [Fact]
    public void An_item_that_fills_its_last_week_exactly_finishes_that_week_and_the_next_starts_the_week_after()
    {
        var plan = Plan(hours: 2);

        var odd = plan.Items.Single(i => i.Competency.Id == "odd");
        var basics = plan.Items.Single(i => i.Competency.Id == "basics");
        Assert.Equal((Monday, Monday.AddDays(27)), (odd.StartsOn, odd.FinishesOn));
        Assert.Equal((Monday.AddDays(28), Monday.AddDays(62)), (basics.StartsOn, basics.FinishesOn));
        Assert.Equal([("odd", 2)], plan.Weeks[3].Tasks.Select(t => (t.Item.Competency.Id, t.Hours)));
    }

    [Fact]
    public void More_hours_a_week_finish_sooner()
    {
        Assert.True(Plan(hours: 20).FinishesOn < Plan(hours: 10).FinishesOn);
    }

    [Fact]
    public void A_pinned_item_comes_first_together_with_the_prerequisites_it_needs()
    {
        var plan = Plan(choices: new Dictionary<string, PlanChoice> { ["advanced"] = PlanChoice.Pinned });

        Assert.Equal(["basics", "middle", "advanced", "odd", "hidden", "needy"], plan.Items.Select(i => i.Competency.Id));
        Assert.True(plan.Items.Single(i => i.Competency.Id == "advanced").Pinned);
        Assert.False(plan.Items.Single(i => i.Competency.Id == "basics").Pinned);
        Assert.Equal(Monday, plan.Items[0].StartsOn);
        AssertPrerequisitesFirst(plan);
    }

    [Fact]
    public void Pinning_never_puts_an_item_before_its_prerequisites()
    {
        var plan = Plan(choices: new Dictionary<string, PlanChoice> { ["needy"] = PlanChoice.Pinned, ["middle"] = PlanChoice.Pinned });

        Assert.Equal(["basics", "middle", "hidden", "needy", "odd", "advanced"], plan.Items.Select(i => i.Competency.Id));
        AssertPrerequisitesFirst(plan);
    }

    [Fact]
    public void A_skipped_item_is_left_out_and_listed_and_what_needs_it_is_still_planned()
    {
        var plan = Plan(choices: new Dictionary<string, PlanChoice> { ["middle"] = PlanChoice.Skipped, ["hidden"] = PlanChoice.Skipped });

        Assert.Equal(["odd", "basics", "advanced", "needy"], plan.Items.Select(i => i.Competency.Id));
        Assert.Equal(["hidden", "middle"], plan.Skipped.Select(c => c.Id).Order());
        Assert.Equal(78 - 20 - 8, plan.TotalHours);
    }

    [Fact]
    public void Skipped_items_are_listed_in_prerequisite_order()
    {
        var plan = Plan(choices: new Dictionary<string, PlanChoice> { ["advanced"] = PlanChoice.Skipped, ["basics"] = PlanChoice.Skipped, ["middle"] = PlanChoice.Skipped });

        Assert.Equal(["basics", "middle", "advanced"], plan.Skipped.Select(c => c.Id));
    }

    [Fact]
    public void A_choice_for_a_competency_outside_the_plan_changes_nothing()
    {
        var plan = Plan(new Dictionary<string, Level> { ["odd"] = Level.Expert }, choices: new Dictionary<string, PlanChoice> { ["odd"] = PlanChoice.Skipped });

        Assert.Empty(plan.Skipped);
        Assert.Equal(Plan(new Dictionary<string, Level> { ["odd"] = Level.Expert }).Items.Select(i => i.Competency.Id), plan.Items.Select(i => i.Competency.Id));
    }

    [Fact]
    public void Raising_levels_recomputes_the_plan_shorter_and_earlier()
    {
        var before = Plan();
        var after = Plan(new Dictionary<string, Level> { ["odd"] = Level.Learning, ["basics"] = Level.Practising });

        Assert.Equal(["middle", "advanced", "hidden", "needy"], after.Items.Select(i => i.Competency.Id));
        Assert.Equal(before.TotalHours - 18, after.TotalHours);
        Assert.Equal(Monday, after.Items[0].StartsOn);
    }

    [Fact]
    public void A_learner_who_meets_the_role_has_an_empty_plan()
    {
        var done = new Dictionary<string, Level> { ["basics"] = Level.Expert, ["middle"] = Level.Expert, ["advanced"] = Level.Expert, ["odd"] = Level.Expert, ["needy"] = Level.Expert };

        var plan = Plan(done);

        Assert.Empty(plan.Items);
        Assert.Empty(plan.Weeks);
        Assert.Null(plan.FinishesOn);
        Assert.Null(plan.WeekOf(Monday));
    }

    [Fact]
    public void Start_resources_are_the_ones_marked_start_here()
    {
        var item = Plan().Items[0];

        Assert.Equal(["Book on odd"], item.StartResources.Select(r => r.Title));
    }

    [Fact]
    public void The_week_of_a_day_is_found_by_its_dates()
    {
        var plan = Plan(hours: 10);

        Assert.Equal(1, plan.WeekOf(Monday)!.Number);
        Assert.Equal(1, plan.WeekOf(Monday.AddDays(6))!.Number);
        Assert.Equal(2, plan.WeekOf(Monday.AddDays(7))!.Number);
        Assert.Null(plan.WeekOf(Monday.AddDays(-1)));
        Assert.Null(plan.WeekOf(Monday.AddDays(56)));
    }

    [Fact]
    public void Fewer_than_one_hour_a_week_is_refused()
    {
        var (snapshot, target) = Build();

        Assert.Throws<ArgumentOutOfRangeException>(() => PlanCalculator.Build(snapshot, target, new Dictionary<string, Level>(), 0, NoChoices, Monday));
        Assert.Throws<ArgumentOutOfRangeException>(() => PlanCalculator.Pace(Monday, 10, 10, 0, Monday));
    }

    [Theory]
    [InlineData(0, 78, 0, 0, 0)]       // the first day: nothing expected, nothing done
    [InlineData(14, 78, 20, 0, -2)]    // two weeks in, nothing done: two weeks behind
    [InlineData(14, 58, 20, 20, 0)]    // exactly on plan
    [InlineData(14, 65, 20, 13, 0)]    // 7 h behind: less than a week
    [InlineData(7, 48, 10, 30, 2)]     // 20 h ahead after one week
    [InlineData(70, 0, 78, 78, 0)]     // long past the end and done: expected is capped at the plan
    [InlineData(-3, 78, 0, 0, 0)]      // a clock before the baseline expects nothing
    [InlineData(14, 90, 20, 0, -2)]    // levels lowered since the baseline: nothing counts as done
    public void Pace_compares_hours_done_since_the_baseline_with_the_weekly_budget(int days, int remaining, int expected, int done, int weeksAhead)
    {
        var pace = PlanCalculator.Pace(Monday, 78, remaining, 10, Monday.AddDays(days));

        Assert.Equal(expected, pace.ExpectedHours);
        Assert.Equal(done, pace.DoneHours);
        Assert.Equal(done - expected, pace.HoursAhead);
        Assert.Equal(weeksAhead, pace.WeeksAhead);
    }
}
