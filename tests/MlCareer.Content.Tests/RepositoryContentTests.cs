using System.Text.RegularExpressions;
using MlCareer.Content.Loading;
using MlCareer.Content.Model;
using MlCareer.Tests.Common;

namespace MlCareer.Content.Tests;

/// <summary>Checks the repository's own content/ tree, so a bad or thin edit fails CI.</summary>
public sealed partial class RepositoryContentTests
{
    private static readonly Lazy<ContentLoadResult> Loaded = new(() => ContentLoader.Load(RepositoryRoot.Content));

    private static ContentSnapshot Snapshot => Loaded.Value.Snapshot ?? throw new InvalidOperationException(string.Join(Environment.NewLine, Loaded.Value.Problems));

    [Fact]
    public void Repository_content_validates_with_no_problems()
    {
        Assert.True(Loaded.Value.IsValid, string.Join(Environment.NewLine, Loaded.Value.Problems));
    }

    [Fact]
    public void The_five_backgrounds_of_the_start_guide_exist_and_each_proposes_something()
    {
        Assert.Equal(["student", "software-engineer", "data-analyst", "researcher", "career-changer"], Snapshot.Backgrounds.Select(b => b.Id));
        Assert.All(Snapshot.Backgrounds, b => Assert.Contains(b.StartingLevels.Values, l => l > Level.NotStarted));
    }

    [Fact]
    public void The_eight_areas_come_in_their_fixed_order_with_at_least_seven_competencies_each()
    {
        Assert.Equal(["math", "programming", "frameworks", "data", "algorithms", "practice", "domain", "soft-skills"], Snapshot.Areas.Select(a => a.Id));
        foreach (var area in Snapshot.Areas)
        {
            Assert.True(area.Competencies.Count >= 7, $"{area.Id} has only {area.Competencies.Count} competencies");
        }

        Assert.True(Snapshot.Competencies.Count >= 60, $"only {Snapshot.Competencies.Count} competencies");
    }

    [Fact]
    public void Every_competency_has_three_to_six_self_checks_and_two_to_five_https_resources()
    {
        foreach (var c in Snapshot.Competencies)
        {
            Assert.True(c.SelfCheck.Count is >= 3 and <= 6, $"{c.SourcePath}: {c.SelfCheck.Count} self-checks");
            Assert.True(c.Resources.Count is >= 2 and <= 5, $"{c.SourcePath}: {c.Resources.Count} resources");
            Assert.All(c.Resources, r => Assert.Equal(Uri.UriSchemeHttps, r.Url.Scheme));
        }
    }

    [Fact]
    public void Every_competency_body_is_250_to_750_words()
    {
        foreach (var c in Snapshot.Competencies)
        {
            var words = WordRegex().Count(c.PlainText);
            Assert.True(words is >= 250 and <= 750, $"{c.SourcePath}: body has {words} words");
        }
    }

    [Fact]
    public void Every_competency_ends_in_a_practise_section_with_a_mini_project()
    {
        foreach (var c in Snapshot.Competencies)
        {
            var practise = c.Html.IndexOf("<h2 id=\"practise\">Practise</h2>", StringComparison.Ordinal);
            Assert.True(practise >= 0, $"{c.SourcePath}: no '## Practise' section");
            var next = c.Html.IndexOf("<h2", practise + 1, StringComparison.Ordinal);
            var mini = c.Html.IndexOf("<h3 id=\"mini-project\">Mini-project</h3>", practise, StringComparison.Ordinal);
            Assert.True(mini > practise && (next < 0 || mini < next), $"{c.SourcePath}: no '### Mini-project' inside '## Practise'");
        }
    }

    [Fact]
    public void Every_competency_has_a_reviewed_date_from_2026_and_not_in_the_future()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(14));
        foreach (var c in Snapshot.Competencies)
        {
            Assert.True(c.Reviewed >= new DateOnly(2026, 1, 1) && c.Reviewed <= today, $"{c.SourcePath}: reviewed {c.Reviewed:yyyy-MM-dd}");
        }
    }

    [Fact]
    public void Every_competency_starts_its_resources_with_a_start_here_resource_naming_part_and_hours()
    {
        foreach (var c in Snapshot.Competencies)
        {
            Assert.True(c.Resources[0].StartHere, $"{c.SourcePath}: the first resource is not start_here");
            Assert.All(c.Resources.Where(r => r.StartHere), r => Assert.True(r.Part is not null && r.Hours is >= 1, $"{c.SourcePath}: {r.Title} lacks part or hours"));
        }
    }

    [Fact]
    public void Hard_prerequisites_stay_few_and_recommended_ids_exist_apart_from_them()
    {
        foreach (var c in Snapshot.Competencies)
        {
            Assert.True(c.Prerequisites.Count <= 4, $"{c.SourcePath}: {c.Prerequisites.Count} hard prerequisites");
            foreach (var r in c.Recommended)
            {
                Assert.NotNull(Snapshot.FindCompetency(r));
                Assert.NotEqual(c.Id, r);
                Assert.DoesNotContain(r, c.Prerequisites);
            }
        }
    }

    [Theory]
    [InlineData("scikit-learn", 150)]
    [InlineData("classic-dataset-projects", 250)]
    public void Early_milestones_are_reachable_within_their_prerequisite_hours(string id, int limit)
    {
        var competency = Snapshot.FindCompetency(id);
        Assert.NotNull(competency);
        Assert.Equal(limit, competency.PrerequisiteHoursMax);
        Assert.True(Snapshot.PrerequisiteHours(id) <= limit, $"{id}: {Snapshot.PrerequisiteHours(id)} h of hard prerequisites");
    }

    [Fact]
    public void No_hard_prerequisite_chain_is_longer_than_eight()
    {
        var figures = GraphFigures.Compute(Snapshot.Competencies);

        Assert.True(figures.LongestChain.Count <= 8, string.Join(" -> ", figures.LongestChain));
        Assert.Equal(Snapshot.Competencies.Count, figures.CompetencyCount);
    }

    [Fact]
    public void No_two_competencies_share_a_title()
    {
        var duplicates = Snapshot.Competencies.GroupBy(c => c.Title, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Fact]
    public void The_required_roles_exist_and_expect_valid_levels_of_existing_competencies_at_every_stage()
    {
        string[] required = ["ml-engineer", "data-scientist", "research-scientist", "mlops-engineer", "applied-nlp-engineer", "applied-cv-engineer", "ai-engineer"];
        Assert.Subset(Snapshot.Roles.Select(r => r.Id).ToHashSet(), required.ToHashSet());
        foreach (var role in Snapshot.Roles)
        {
            Assert.Equal([RoleStage.Junior, RoleStage.Mid, RoleStage.Senior], role.Expectations.Keys.Order());
            foreach (var (stage, levels) in role.Expectations)
            {
                Assert.NotEmpty(levels);
                Assert.All(levels, kv =>
                {
                    Assert.NotNull(Snapshot.FindCompetency(kv.Key));
                    Assert.InRange((int)kv.Value, 0, 4);
                });
            }

            // Expectations never drop as a role gets more senior.
            foreach (var (id, junior) in role.Expectations[RoleStage.Junior])
            {
                Assert.True(role.Expectations[RoleStage.Mid].GetValueOrDefault(id) >= junior, $"{role.Id}/{id}: mid below junior");
                Assert.True(role.Expectations[RoleStage.Senior].GetValueOrDefault(id) >= role.Expectations[RoleStage.Mid].GetValueOrDefault(id), $"{role.Id}/{id}: senior below mid");
            }
        }
    }

    [Fact]
    public void Career_path_covers_the_stages_and_specialisations()
    {
        var career = Snapshot.Career;
        Assert.Equal(["entry-level", "mid-level", "senior", "lead", "specialist"], career.Stages.Select(s => s.Id));
        Assert.Subset(career.Specialisations.Select(s => s.Id).ToHashSet(), new HashSet<string> { "computer-vision", "natural-language-processing", "reinforcement-learning", "mlops", "research", "generative-ai" });
    }

    [Fact]
    public void Prerequisite_graph_is_acyclic_and_every_competency_is_reachable_from_a_starting_point()
    {
        var order = Snapshot.TopologicalOrder.Select(c => c.Id).ToList();
        var position = order.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        foreach (var c in Snapshot.Competencies)
        {
            Assert.All(c.Prerequisites, p => Assert.True(position[p] < position[c.Id], $"{p} must come before {c.Id}"));
        }

        var reached = new HashSet<string>(Snapshot.Competencies.Where(c => c.Prerequisites.Count == 0).Select(c => c.Id));
        var queue = new Queue<string>(reached);
        while (queue.TryDequeue(out var id))
        {
            foreach (var next in Snapshot.Unlocks(id).Where(n => reached.Add(n.Id)))
            {
                queue.Enqueue(next.Id);
            }
        }

        Assert.Equal(Snapshot.Competencies.Select(c => c.Id).Order(), reached.Order());
    }

    [Theory]
    [InlineData("linear algebra")]
    [InlineData("gradient")]
    [InlineData("hypothesis test")]
    [InlineData("Bayesian")]
    [InlineData("NumPy")]
    [InlineData("pandas")]
    [InlineData("Matplotlib")]
    [InlineData("Git")]
    [InlineData("AWS")]
    [InlineData("Azure")]
    [InlineData("Google Cloud")]
    [InlineData("TensorFlow")]
    [InlineData("PyTorch")]
    [InlineData("scikit-learn")]
    [InlineData("feature engineering")]
    [InlineData("overfitting")]
    [InlineData("bias-variance")]
    [InlineData("convolutional")]
    [InlineData("recurrent")]
    [InlineData("transformer")]
    [InlineData("Kaggle")]
    [InlineData("open-source")]
    [InlineData("healthcare")]
    [InlineData("finance")]
    [InlineData("NeurIPS")]
    [InlineData("ICML")]
    [InlineData("reinforcement learning")]
    [InlineData("stakeholders")]
    public void The_topics_of_the_product_brief_are_covered(string topic)
    {
        var text = string.Join("\n", Snapshot.Competencies.Select(c => c.Title + " " + c.PlainText).Concat(Snapshot.Areas.Select(a => a.PlainText)));

        Assert.Contains(topic, text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("llm-foundations-and-prompting", "algorithms")]
    [InlineData("embeddings-and-vector-search", "algorithms")]
    [InlineData("retrieval-augmented-generation", "practice")]
    [InlineData("fine-tuning-and-preference-tuning", "frameworks")]
    [InlineData("evaluating-generative-systems", "practice")]
    [InlineData("llm-inference-and-serving", "frameworks")]
    [InlineData("agents-and-tool-use", "practice")]
    [InlineData("ml-system-design", "practice")]
    [InlineData("model-monitoring-and-drift", "practice")]
    [InlineData("ci-cd-for-ml", "practice")]
    [InlineData("ml-infrastructure", "frameworks")]
    [InlineData("time-series-forecasting", "algorithms")]
    [InlineData("causal-inference", "math")]
    [InlineData("ab-testing-and-experimentation", "math")]
    [InlineData("recommender-systems", "algorithms")]
    [InlineData("generative-models", "algorithms")]
    [InlineData("privacy-and-security-for-ml", "domain")]
    [InlineData("explainability", "domain")]
    [InlineData("classical-ml-toolbox", "algorithms")]
    public void The_2026_competencies_exist_in_their_area_and_a_role_expects_each(string id, string areaId)
    {
        var competency = Snapshot.FindCompetency(id);

        Assert.NotNull(competency);
        Assert.Equal(areaId, competency.AreaId);
        Assert.Contains(Snapshot.Roles, r => r.Expectations[RoleStage.Senior].GetValueOrDefault(id) >= Level.Learning);
    }

    [Fact]
    public void Generative_ai_competencies_are_needed_by_the_ai_engineer_and_nlp_roles()
    {
        string[] genAi = ["llm-foundations-and-prompting", "embeddings-and-vector-search", "retrieval-augmented-generation", "evaluating-generative-systems"];
        foreach (var roleId in new[] { "ai-engineer", "applied-nlp-engineer" })
        {
            var role = Snapshot.Roles.Single(r => r.Id == roleId);
            Assert.All(genAi, id => Assert.True(role.Expectations[RoleStage.Mid].GetValueOrDefault(id) >= Level.Practising, $"{roleId} mid expects {id} below practising"));
        }
    }

    /// <summary>Roles must be told apart: a focused set each, and no two sharing most of their competencies.</summary>
    [Fact]
    public void Each_role_has_a_focused_profile_distinct_from_every_other_role()
    {
        var sets = Snapshot.Roles.ToDictionary(r => r.Id, r => r.Expectations[RoleStage.Senior].Keys.ToHashSet(StringComparer.Ordinal));
        foreach (var (id, set) in sets)
        {
            Assert.True(set.Count <= Snapshot.Competencies.Count / 2, $"{id} expects {set.Count} of {Snapshot.Competencies.Count} competencies");
        }

        foreach (var (a, b) in sets.Keys.SelectMany(a => sets.Keys.Where(b => string.CompareOrdinal(a, b) < 0).Select(b => (a, b))))
        {
            var overlap = (double)sets[a].Intersect(sets[b]).Count() / sets[a].Union(sets[b]).Count();
            Assert.True(overlap < 0.7, $"{a} and {b} share {overlap:P0} of their competencies");
        }
    }

    [GeneratedRegex(@"\b[\p{L}\p{N}][\p{L}\p{N}'’-]*\b")]
    private static partial Regex WordRegex();
}
