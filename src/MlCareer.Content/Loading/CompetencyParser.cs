using MlCareer.Content.Model;

namespace MlCareer.Content.Loading;

/// <summary>Reads one competency file (<c>areas/&lt;area-id&gt;/&lt;competency-id&gt;.md</c>) and checks what one file can show.</summary>
internal sealed class CompetencyParser(ContentFileReader reader, TimeProvider time)
{
    public CompetencyDraft? Parse(string areaId, string path)
    {
        var id = Path.GetFileNameWithoutExtension(path);
        var parsed = reader.Read(path);
        if (parsed?.Fields is not { } f)
        {
            return null;
        }

        if (!ContentLoader.IsKebabCase(id))
        {
            parsed.Problems.Add(1, $"competency id '{id}' (from the file name) is not kebab-case (lower-case letters, digits and single hyphens)");
        }

        var header = ContentHeader.Read(f, titleMaxLength: 100, summaryMaxLength: 200);
        var hours = f.Int("hours", 1, 2000);
        var prerequisites = f.StringList("prerequisites", maxLength: 100);
        var recommended = f.StringList("recommended", required: false, maxLength: 100);
        var reviewed = f.Date("reviewed");
        var hoursMax = f.Int("prerequisite_hours_max", 1, 100_000, required: false);
        var selfCheck = f.StringList("self_check");
        var resources = ResourceParser.ReadAll(f);
        f.RejectUnknownKeys();

        // Compared with the latest calendar date anywhere on Earth (UTC+14), so an author in any time zone can write today.
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddHours(14));
        if (reviewed > today)
        {
            parsed.Problems.Add(f.KeyLine("reviewed"), $"reviewed: {reviewed:yyyy-MM-dd} is in the future");
        }

        if (!parsed.Markdown.BodyIsEmpty)
        {
            CheckPractiseSection(parsed);
        }

        if (selfCheck.Count == 0 && f.Sequence("self_check", required: false) is { } s)
        {
            f.Report(s, "self_check", "needs at least one statement a learner can check");
        }

        // Ticks are stored under the statement's key, so two statements with one key would share a tick.
        foreach (var duplicate in selfCheck.GroupBy(s => SelfCheckKey.Of(s.Value)).Where(g => g.Count() > 1))
        {
            var first = duplicate.First();
            foreach (var (_, line) in duplicate.Skip(1))
            {
                parsed.Problems.Add(line, $"self_check: repeats the statement on line {first.Line} (statements differing only in case, spacing or a final full stop count as one)");
            }
        }

        foreach (var (prereq, line) in prerequisites.Where(p => !ContentLoader.IsKebabCase(p.Value)))
        {
            parsed.Problems.Add(line, $"prerequisite '{prereq}' is not a kebab-case competency id");
        }

        foreach (var (rec, line) in recommended.Where(p => !ContentLoader.IsKebabCase(p.Value)))
        {
            parsed.Problems.Add(line, $"recommended '{rec}' is not a kebab-case competency id");
        }

        // A missing or bad reviewed date is reported above but does not drop the competency, so one absent date
        // does not also turn every reference to it into an "unknown" problem.
        if (header is null || hours is null || resources is null)
        {
            return null;
        }

        var competency = new Competency(
            id, areaId, header.Title, header.Order, header.Summary, hours.Value,
            prerequisites.Select(p => p.Value).Distinct(StringComparer.Ordinal).ToList(),
            selfCheck.Select(s => s.Value).ToList(),
            resources,
            parsed.Markdown.Html,
            parsed.Markdown.PlainText,
            parsed.Problems.File)
        {
            Recommended = recommended.Select(r => r.Value).Distinct(StringComparer.Ordinal).ToList(),
            Reviewed = reviewed ?? default,
            PrerequisiteHoursMax = hoursMax,
        };
        return new CompetencyDraft(competency, prerequisites, recommended, f.KeyLine("prerequisites"), f.KeyLine("prerequisite_hours_max"), parsed.Problems);
    }

    /// <summary>
    /// Every competency ends in practice: a <c>## Practise</c> section holding a <c>### Mini-project</c>.
    /// Checked on Markdig's headings, so headings inside code blocks do not count.
    /// </summary>
    private static void CheckPractiseSection(ParsedFile parsed)
    {
        var headings = parsed.Markdown.Headings;
        var practise = headings.FirstOrDefault(h => h.Level == 2 && h.Text == "Practise");
        if (practise is null)
        {
            parsed.Problems.Add(parsed.Markdown.LastLine, "the body needs a '## Practise' section (exercises and a '### Mini-project'), after the other sections");
            return;
        }

        var end = headings.FirstOrDefault(h => h.Line > practise.Line && h.Level <= 2)?.Line ?? int.MaxValue;
        var miniProjects = headings.Where(h => h.Level == 3 && h.Text == "Mini-project").ToList();
        if (miniProjects.Any(h => h.Line > practise.Line && h.Line < end))
        {
            return;
        }

        if (miniProjects.FirstOrDefault() is { } misplaced)
        {
            parsed.Problems.Add(misplaced.Line, "'### Mini-project' must be inside the '## Practise' section");
        }
        else
        {
            parsed.Problems.Add(practise.Line, "the '## Practise' section needs a '### Mini-project' heading with acceptance criteria");
        }
    }
}
