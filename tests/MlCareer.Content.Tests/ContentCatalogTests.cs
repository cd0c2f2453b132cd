using MlCareer.Content.Loading;
using MlCareer.Content.Model;

namespace MlCareer.Content.Tests;

public sealed class ContentCatalogTests : IDisposable
{
    private readonly ContentTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Open_throws_with_every_problem_listed()
    {
        _tree.Write("areas/alpha/first.md", "no front matter");

        var ex = Assert.Throws<ContentValidationException>(() => ContentCatalog.Open(_tree.Root));

        Assert.Contains("areas/alpha/first.md:1:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reload_with_a_broken_tree_keeps_the_last_good_snapshot()
    {
        var catalog = ContentCatalog.Open(_tree.Root);
        var before = catalog.Current;
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("Renamed", 1, prerequisites: "[ghost]"));

        var result = catalog.Reload();

        Assert.False(result.IsValid);
        Assert.Same(before, catalog.Current);
        Assert.Equal("First thing", catalog.Current.FindCompetency("first")!.Title);
        Assert.Contains(catalog.LastProblems, p => p.Message == "unknown prerequisite 'ghost'");
    }

    [Fact]
    public void Reload_with_a_good_tree_swaps_the_snapshot_and_raises_changed()
    {
        var catalog = ContentCatalog.Open(_tree.Root);
        var raised = 0;
        catalog.Changed += _ => raised++;
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("Renamed", 1));

        var result = catalog.Reload();

        Assert.True(result.IsValid);
        Assert.Equal("Renamed", catalog.Current.FindCompetency("first")!.Title);
        Assert.Equal(1, raised);
        Assert.Empty(catalog.LastProblems);
    }

    [Fact]
    public void Preparing_is_raised_with_the_new_snapshot_while_the_old_one_is_still_served()
    {
        var catalog = ContentCatalog.Open(_tree.Root);
        var before = catalog.Current;
        var seen = new List<(ContentSnapshot Prepared, ContentSnapshot Served)>();
        catalog.Preparing += snapshot => seen.Add((snapshot, catalog.Current));
        _tree.Write("areas/alpha/first.md", ContentTree.Competency("Renamed", 1));

        catalog.Reload();

        var (prepared, served) = Assert.Single(seen);
        Assert.Same(before, served);
        Assert.Same(catalog.Current, prepared);
        Assert.Equal("Renamed", prepared.FindCompetency("first")!.Title);

        _tree.Write("areas/alpha/first.md", "broken");
        catalog.Reload();

        Assert.Single(seen);
    }
}

public sealed class ContentCatalogClockTests : IDisposable
{
    private readonly ContentTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Snapshot_is_stamped_with_the_catalogs_clock_and_a_failed_reload_raises_nothing()
    {
        var now = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var catalog = ContentCatalog.Open(_tree.Root, new FixedTime(now));
        var raised = 0;
        catalog.Changed += _ => raised++;
        _tree.Write("areas/alpha/first.md", "broken");

        var result = catalog.Reload();

        Assert.Equal(now, catalog.Current.LoadedAt);
        Assert.Equal(_tree.Root, catalog.Root);
        Assert.Equal(0, raised);
        Assert.Equal(result.Problems, catalog.LastProblems);
        Assert.NotEmpty(catalog.LastProblems);
    }

    [Fact]
    public void Validation_exception_lists_the_count_and_every_problem()
    {
        _tree.Write("areas/alpha/first.md", "broken");
        _tree.Write("notes.md", "stray");

        var ex = Assert.Throws<ContentValidationException>(() => ContentCatalog.Open(_tree.Root));

        Assert.StartsWith($"The content tree has {ex.Problems.Count} problem(s):", ex.Message, StringComparison.Ordinal);
        Assert.All(ex.Problems, p => Assert.Contains(p.ToString(), ex.Message, StringComparison.Ordinal));
        Assert.True(ex.Problems.Count >= 2);
    }
}
