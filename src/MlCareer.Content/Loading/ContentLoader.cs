using System.Text;
using System.Text.RegularExpressions;
using MlCareer.Content.Model;
using MlCareer.Content.Rendering;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MlCareer.Content.Loading;

/// <summary>
/// The outcome of loading a tree: a snapshot when there are no problems, and the graph figures whenever the
/// competencies could be read and their hard prerequisites form no cycle (even when other problems remain).
/// </summary>
public sealed record ContentLoadResult(ContentSnapshot? Snapshot, IReadOnlyList<ContentProblem> Problems, GraphFigures? Figures = null)
{
    public bool IsValid => Snapshot is not null;
}

/// <summary>
/// Reads and validates a whole content tree (areas/, roles/, career/). Every problem in every file is collected,
/// each with its file and line; a snapshot is produced only when there are none.
/// </summary>
public static partial class ContentLoader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ContentLoadResult Load(string root, TimeProvider? time = null)
    {
        var problems = new List<ContentProblem>();
        if (!Directory.Exists(root))
        {
            problems.Add(new ContentProblem(root, 1, "content folder not found"));
            return new ContentLoadResult(null, problems);
        }

        time ??= TimeProvider.System;
        var session = new LoadSession(root, problems, time);
        var areas = session.LoadAreas();
        var roles = session.LoadRoles();
        var career = session.LoadCareer();
        session.ReportStrayFiles();
        var figures = session.ValidateGraph(areas, roles);

        if (problems.Count > 0 || career is null)
        {
            return new ContentLoadResult(null, problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ToList(), figures);
        }

        var snapshot = new ContentSnapshot(
            areas.Select(a => a.Build()).ToList(),
            roles.Select(r => r.Value).ToList(),
            career,
            time.GetUtcNow());
        return new ContentLoadResult(snapshot, [], figures);
    }

    public static bool IsKebabCase(string id) => KebabRegex().IsMatch(id);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabRegex();

    private sealed record ParsedFile(ProblemSink Problems, FieldReader? Fields, RenderedMarkdown Markdown);

    private sealed class CompetencyDraft(
        Competency value,
        IReadOnlyList<(string Id, int Line)> prerequisites,
        IReadOnlyList<(string Id, int Line)> recommended,
        int prerequisitesLine,
        int hoursMaxLine,
        ProblemSink problems)
    {
        public Competency Value { get; } = value;
        public IReadOnlyList<(string Id, int Line)> PrerequisiteLines { get; } = prerequisites;
        public IReadOnlyList<(string Id, int Line)> RecommendedLines { get; } = recommended;

        /// <summary>The line of the <c>prerequisites:</c> key (where graph-limit problems are reported).</summary>
        public int PrerequisitesLine { get; } = prerequisitesLine;

        /// <summary>The line of the <c>prerequisite_hours_max:</c> key.</summary>
        public int HoursMaxLine { get; } = hoursMaxLine;

        public ProblemSink Problems { get; } = problems;
    }

    private sealed record AreaDraft(string Id, string Title, int Order, string Summary, RenderedMarkdown Markdown, string File)
    {
        public List<CompetencyDraft> Competencies { get; } = [];

        public Area Build() => new(
            Id, Title, Order, Summary, Markdown.Html, Markdown.PlainText,
            Competencies.Select(c => c.Value).OrderBy(c => c.Order).ToList(), File);
    }

    private sealed record RoleDraft(Role Value, IReadOnlyList<(string Id, int Line)> Competencies, ProblemSink Problems);

    private sealed class LoadSession(string root, List<ContentProblem> problems, TimeProvider time)
    {
        private readonly HashSet<string> _knownFiles = new(StringComparer.Ordinal);
        private readonly List<(string Id, int Line, ProblemSink Problems)> _specialisationRefs = [];

        public List<AreaDraft> LoadAreas()
        {
            var areasDir = Path.Combine(root, "areas");
            var areas = new List<AreaDraft>();
            if (!Directory.Exists(areasDir))
            {
                problems.Add(new ContentProblem("areas", 1, "folder 'areas' not found: the roadmap needs at least one area"));
                return areas;
            }

            foreach (var dir in Directory.GetDirectories(areasDir).Order(StringComparer.Ordinal))
            {
                var areaId = Path.GetFileName(dir);
                var indexPath = Path.Combine(dir, "index.md");
                if (!IsKebabCase(areaId))
                {
                    problems.Add(new ContentProblem(Relative(dir), 1, $"area id '{areaId}' is not kebab-case (lower-case letters, digits and single hyphens)"));
                }

                if (!File.Exists(indexPath))
                {
                    problems.Add(new ContentProblem(Relative(indexPath), 1, $"area '{areaId}' has no index.md"));
                    continue;
                }

                var area = ParseArea(areaId, indexPath);
                if (area is null)
                {
                    continue;
                }

                areas.Add(area);
                foreach (var file in Directory.GetFiles(dir, "*.md").Where(f => f != indexPath).Order(StringComparer.Ordinal))
                {
                    if (ParseCompetency(areaId, file) is { } competency)
                    {
                        area.Competencies.Add(competency);
                    }
                }
            }

            if (areas.Count == 0 && problems.Count == 0)
            {
                problems.Add(new ContentProblem("areas", 1, "no areas found: add areas/<area-id>/index.md"));
            }

            ReportDuplicates(areas.Select(a => (a.Order, a.File, a.Id)), "area");
            foreach (var area in areas)
            {
                ReportDuplicates(area.Competencies.Select(c => (c.Value.Order, c.Value.SourcePath, c.Value.Id)), "competency");
            }

            return areas;
        }

        public List<RoleDraft> LoadRoles()
        {
            var dir = Path.Combine(root, "roles");
            var roles = Directory.Exists(dir)
                ? Directory.GetFiles(dir, "*.md").Order(StringComparer.Ordinal).Select(ParseRole).OfType<RoleDraft>().ToList()
                : [];
            ReportDuplicates(roles.Select(r => (r.Value.Order, r.Problems.File, r.Value.Id)), "role");
            return roles;
        }

        public CareerPath? LoadCareer()
        {
            var indexPath = Path.Combine(root, "career", "index.md");
            if (!File.Exists(indexPath))
            {
                problems.Add(new ContentProblem("career/index.md", 1, "the career path introduction is missing"));
                return null;
            }

            var index = Read(indexPath);
            if (index?.Fields is not { } fields)
            {
                return null;
            }

            var title = fields.String("title");
            var summary = fields.String("summary", maxLength: 300);
            fields.RejectUnknownKeys();
            var stages = Files("career/stages").Select(ParseStage).OfType<CareerStage>().OrderBy(s => s.Order).ToList();
            var specialisations = Files("career/specialisations").Select(ParseSpecialisation).OfType<Specialisation>().OrderBy(s => s.Order).ToList();
            return title is null || summary is null ? null : new CareerPath(title, summary, index.Markdown.Html, stages, specialisations);
        }

        /// <summary>Markdown files outside the known layout are almost always a misplaced edit, so they are reported.</summary>
        public void ReportStrayFiles()
        {
            foreach (var file in Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (!_knownFiles.Contains(Path.GetFullPath(file)))
                {
                    problems.Add(new ContentProblem(Relative(file), 1,
                        "file is outside the content layout (areas/<area>/*.md, roles/*.md, career/index.md, career/stages/*.md, career/specialisations/*.md)"));
                }
            }
        }

        public GraphFigures? ValidateGraph(List<AreaDraft> areas, List<RoleDraft> roles)
        {
            var all = areas.SelectMany(a => a.Competencies).ToList();
            var byId = new Dictionary<string, CompetencyDraft>(StringComparer.Ordinal);
            foreach (var c in all)
            {
                if (!byId.TryAdd(c.Value.Id, c))
                {
                    c.Problems.Add(1, $"duplicate competency id '{c.Value.Id}': also defined in {byId[c.Value.Id].Value.SourcePath}");
                }
            }

            foreach (var c in all)
            {
                foreach (var (id, line) in c.PrerequisiteLines)
                {
                    if (id == c.Value.Id)
                    {
                        c.Problems.Add(line, $"competency '{id}' lists itself as a prerequisite");
                    }
                    else if (!byId.ContainsKey(id))
                    {
                        c.Problems.Add(line, $"unknown prerequisite '{id}'");
                    }
                }

                foreach (var (id, line) in c.RecommendedLines)
                {
                    if (id == c.Value.Id)
                    {
                        c.Problems.Add(line, $"competency '{id}' lists itself as recommended");
                    }
                    else if (c.Value.Prerequisites.Contains(id, StringComparer.Ordinal))
                    {
                        c.Problems.Add(line, $"'{id}' is already a hard prerequisite: list it under prerequisites or recommended, not both");
                    }
                    else if (!byId.ContainsKey(id))
                    {
                        c.Problems.Add(line, $"unknown recommended competency '{id}'");
                    }
                }

                if (c.Value.Prerequisites.Count > GraphFigures.MaxHardPrerequisites)
                {
                    c.Problems.Add(c.PrerequisitesLine,
                        $"prerequisites: {c.Value.Prerequisites.Count} hard prerequisites; at most {GraphFigures.MaxHardPrerequisites} are allowed (move the others to recommended)");
                }
            }

            var edges = byId.ToDictionary(
                kv => kv.Key,
                kv => (IReadOnlyList<string>)kv.Value.Value.Prerequisites.Where(p => p != kv.Key).ToList(),
                StringComparer.Ordinal);
            var hardCycles = PrerequisiteGraph.FindCycles(edges);
            foreach (var cycle in hardCycles)
            {
                var first = byId[cycle[0]];
                var line = first.PrerequisiteLines.FirstOrDefault(p => p.Id == cycle[1]).Line;
                first.Problems.Add(line, $"prerequisite cycle: {string.Join(" -> ", cycle)}");
            }

            ReportRecommendedCycles(byId);

            foreach (var role in roles)
            {
                foreach (var (id, line) in role.Competencies.Where(r => !byId.ContainsKey(r.Id)))
                {
                    role.Problems.Add(line, $"unknown competency '{id}'");
                }
            }

            foreach (var (id, line, sink) in _specialisationRefs.Where(r => !byId.ContainsKey(r.Id)))
            {
                sink.Add(line, $"unknown competency '{id}'");
            }

            if (hardCycles.Count > 0)
            {
                return null;
            }

            var competencies = byId.Values.Select(c => c.Value).ToList();
            ValidateGraphLimits(byId, competencies);
            return GraphFigures.Compute(competencies);
        }

        /// <summary>
        /// Hard and recommended edges together must form no cycle either. Cycles made of hard edges only are
        /// reported by the hard check already, so only cycles using at least one recommended edge are reported here.
        /// </summary>
        private static void ReportRecommendedCycles(Dictionary<string, CompetencyDraft> byId)
        {
            var combined = byId.ToDictionary(
                kv => kv.Key,
                kv => (IReadOnlyList<string>)kv.Value.Value.Prerequisites.Concat(kv.Value.Value.Recommended).Where(p => p != kv.Key).Distinct(StringComparer.Ordinal).ToList(),
                StringComparer.Ordinal);
            foreach (var cycle in PrerequisiteGraph.FindCycles(combined))
            {
                var viaRecommended = cycle.Zip(cycle.Skip(1)).Any(e => !byId[e.First].Value.Prerequisites.Contains(e.Second, StringComparer.Ordinal));
                if (!viaRecommended)
                {
                    continue;
                }

                var first = byId[cycle[0]];
                var line = first.PrerequisiteLines.Concat(first.RecommendedLines).FirstOrDefault(p => p.Id == cycle[1]).Line;
                first.Problems.Add(line, $"prerequisite cycle through recommended: {string.Join(" -> ", cycle)}");
            }
        }

        /// <summary>The limits that keep the hard graph climbable: chain length and prerequisite hours.</summary>
        private static void ValidateGraphLimits(Dictionary<string, CompetencyDraft> byId, List<Competency> competencies)
        {
            var chains = PrerequisiteGraph.LongestChains(competencies);
            var tooLong = chains.Where(kv => kv.Value.Count > GraphFigures.MaxChainLength).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);

            // Report each over-long chain once, at its end: a competency that no other over-long chain runs through.
            var inner = tooLong.SelectMany(id => chains[id].SkipLast(1)).ToHashSet(StringComparer.Ordinal);
            foreach (var id in tooLong.Where(id => !inner.Contains(id)).Order(StringComparer.Ordinal))
            {
                var chain = chains[id];
                byId[id].Problems.Add(byId[id].PrerequisitesLine,
                    $"prerequisites: hard prerequisite chain of {chain.Count} competencies; at most {GraphFigures.MaxChainLength} are allowed: {string.Join(" -> ", chain)}");
            }

            var hours = GraphFigures.TransitiveHours(competencies);
            foreach (var c in byId.Values.Where(c => c.Value.PrerequisiteHoursMax is not null))
            {
                var total = hours[c.Value.Id];
                if (total > c.Value.PrerequisiteHoursMax)
                {
                    c.Problems.Add(c.HoursMaxLine,
                        $"prerequisite_hours_max: the transitive hard prerequisites add up to {total} hours, more than the limit of {c.Value.PrerequisiteHoursMax}");
                }
            }
        }

        private AreaDraft? ParseArea(string areaId, string path)
        {
            var parsed = Read(path);
            if (parsed?.Fields is not { } f)
            {
                return null;
            }

            var title = f.String("title", maxLength: 80);
            var order = f.Int("order", 1, 1000);
            var summary = f.String("summary", maxLength: 300);
            f.RejectUnknownKeys();
            return title is null || order is null || summary is null
                ? null
                : new AreaDraft(areaId, title, order.Value, summary, parsed.Markdown, Relative(path));
        }

        private CompetencyDraft? ParseCompetency(string areaId, string path)
        {
            var id = Path.GetFileNameWithoutExtension(path);
            var parsed = Read(path);
            if (parsed?.Fields is not { } f)
            {
                return null;
            }

            if (!IsKebabCase(id))
            {
                parsed.Problems.Add(1, $"competency id '{id}' (from the file name) is not kebab-case (lower-case letters, digits and single hyphens)");
            }

            var title = f.String("title", maxLength: 100);
            var order = f.Int("order", 1, 1000);
            var summary = f.String("summary", maxLength: 200);
            var hours = f.Int("hours", 1, 2000);
            var prerequisites = f.StringList("prerequisites", maxLength: 100);
            var recommended = f.StringList("recommended", required: false, maxLength: 100);
            var reviewed = f.Date("reviewed");
            var hoursMax = f.Int("prerequisite_hours_max", 1, 100_000, required: false);
            var selfCheck = f.StringList("self_check");
            var resources = ReadResources(f);
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

            foreach (var (prereq, line) in prerequisites.Where(p => !IsKebabCase(p.Value)))
            {
                parsed.Problems.Add(line, $"prerequisite '{prereq}' is not a kebab-case competency id");
            }

            foreach (var (rec, line) in recommended.Where(p => !IsKebabCase(p.Value)))
            {
                parsed.Problems.Add(line, $"recommended '{rec}' is not a kebab-case competency id");
            }

            // A missing or bad reviewed date is reported above but does not drop the competency, so one absent date
            // does not also turn every reference to it into an "unknown" problem.
            if (title is null || order is null || summary is null || hours is null || resources is null)
            {
                return null;
            }

            var competency = new Competency(
                id, areaId, title, order.Value, summary, hours.Value,
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

        private static List<Resource>? ReadResources(FieldReader f)
        {
            var sequence = f.Sequence("resources");
            if (sequence is null)
            {
                return null;
            }

            if (!sequence.Children.Any())
            {
                f.Report(sequence, "resources", "needs at least one resource");
            }

            var resources = new List<Resource>();
            var index = 0;
            var startHereCount = 0;
            var otherSeen = false;
            var misplacedReported = false;
            foreach (var item in sequence)
            {
                index++;
                if (item is not YamlMappingNode mapping)
                {
                    f.Report(item, $"resources[{index}]", "must be a mapping with title, url, kind and cost");
                    continue;
                }

                var r = new FieldReader(f.Sink, mapping, f.LineOf(item), $"resources[{index}].");
                var title = r.String("title", maxLength: 200);
                var url = r.String("url", maxLength: 500);
                var kind = r.Enum<ResourceKind>("kind");
                var cost = r.Enum<ResourceCost>("cost");
                var startHere = r.Bool("start_here", required: false) ?? false;
                var part = r.String("part", required: startHere, maxLength: 200);
                var hours = r.Int("hours", 1, 500, required: startHere);
                r.RejectUnknownKeys();
                if (startHere)
                {
                    startHereCount++;
                    if (otherSeen && !misplacedReported)
                    {
                        f.Report(item, $"resources[{index}]", "start-here resources must come before all other resources");
                        misplacedReported = true;
                    }
                }
                else
                {
                    otherSeen = true;
                }

                Uri? uri = null;
                if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
                {
                    r.Report(mapping.Children[new YamlScalarNode("url")], "url", $"'{url}' is not an absolute http(s) URL");
                    uri = null;
                }

                if (title is not null && uri is not null && kind is not null && cost is not null)
                {
                    resources.Add(new Resource(title, uri, kind.Value, cost.Value, startHere, part, hours));
                }
            }

            if (index > 0 && startHereCount == 0)
            {
                f.Sink.Add(f.KeyLine("resources"), "resources: needs at least one resource with start_here: true (and its part and hours)");
            }

            return resources;
        }

        private RoleDraft? ParseRole(string path)
        {
            var parsed = Read(path);
            if (parsed?.Fields is not { } f)
            {
                return null;
            }

            var id = Path.GetFileNameWithoutExtension(path);
            if (!IsKebabCase(id))
            {
                parsed.Problems.Add(1, $"role id '{id}' (from the file name) is not kebab-case");
            }

            var title = f.String("title", maxLength: 100);
            var order = f.Int("order", 1, 1000);
            var summary = f.String("summary", maxLength: 300);
            var expectationsNode = f.Mapping("expectations");
            f.RejectUnknownKeys();

            var expectations = new Dictionary<RoleStage, IReadOnlyDictionary<string, Level>>();
            var references = new List<(string, int)>();
            foreach (var (stageNode, levelsNode) in expectationsNode?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
            {
                var stageText = (stageNode as YamlScalarNode)?.Value ?? "";
                if (!Enum.TryParse<RoleStage>(stageText, ignoreCase: true, out var stage) || int.TryParse(stageText, out _))
                {
                    f.Report(stageNode, "expectations", $"unknown stage '{stageText}' (use junior, mid or senior)");
                    continue;
                }

                if (levelsNode is not YamlMappingNode levels)
                {
                    f.Report(levelsNode, $"expectations.{stageText}", "must map competency ids to levels 0-4");
                    continue;
                }

                var map = new Dictionary<string, Level>(StringComparer.Ordinal);
                foreach (var (competencyNode, levelNode) in levels.Children)
                {
                    var competencyId = (competencyNode as YamlScalarNode)?.Value ?? "";
                    references.Add((competencyId, f.LineOf(competencyNode)));
                    if (levelNode is YamlScalarNode { Value: { } v } && int.TryParse(v, out var level) && level is >= 0 and <= 4)
                    {
                        map[competencyId] = (Level)level;
                    }
                    else
                    {
                        f.Report(levelNode, $"expectations.{stageText}.{competencyId}", "level must be a whole number from 0 (not started) to 4 (expert)");
                    }
                }

                expectations[stage] = map;
            }

            return title is null || order is null || summary is null || expectationsNode is null
                ? null
                : new RoleDraft(new Role(id, title, order.Value, summary, parsed.Markdown.Html, expectations, parsed.Problems.File), references, parsed.Problems);
        }

        private CareerStage? ParseStage(string path)
        {
            var parsed = Read(path);
            if (parsed?.Fields is not { } f)
            {
                return null;
            }

            var title = f.String("title", maxLength: 100);
            var order = f.Int("order", 1, 1000);
            var summary = f.String("summary", maxLength: 300);
            var roleStage = f.Enum<RoleStage>("role_stage", required: false);
            f.RejectUnknownKeys();
            return title is null || order is null || summary is null
                ? null
                : new CareerStage(IdOf(path, parsed), title, order.Value, summary, roleStage, parsed.Markdown.Html);
        }

        private Specialisation? ParseSpecialisation(string path)
        {
            var parsed = Read(path);
            if (parsed?.Fields is not { } f)
            {
                return null;
            }

            var title = f.String("title", maxLength: 100);
            var order = f.Int("order", 1, 1000);
            var summary = f.String("summary", maxLength: 300);
            var competencies = f.StringList("competencies", maxLength: 100);
            f.RejectUnknownKeys();
            _specialisationRefs.AddRange(competencies.Select(c => (c.Value, c.Line, parsed.Problems)));
            return title is null || order is null || summary is null
                ? null
                : new Specialisation(IdOf(path, parsed), title, order.Value, summary, competencies.Select(c => c.Value).ToList(), parsed.Markdown.Html);
        }

        private static string IdOf(string path, ParsedFile parsed)
        {
            var id = Path.GetFileNameWithoutExtension(path);
            if (!IsKebabCase(id))
            {
                parsed.Problems.Add(1, $"id '{id}' (from the file name) is not kebab-case");
            }

            return id;
        }

        private IEnumerable<string> Files(string relativeDir)
        {
            var dir = Path.Combine(root, relativeDir);
            return Directory.Exists(dir) ? Directory.GetFiles(dir, "*.md").Order(StringComparer.Ordinal) : [];
        }

        /// <summary>Reads one file: strict UTF-8, front matter parsed as YAML, body rendered. Returns null when the file cannot be used at all.</summary>
        private ParsedFile? Read(string path)
        {
            _knownFiles.Add(Path.GetFullPath(path));
            var file = Relative(path);
            string text;
            try
            {
                var bytes = File.ReadAllBytes(path);
                var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
                text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
            }
            catch (DecoderFallbackException ex)
            {
                var bytes = File.ReadAllBytes(path);
                var line = 1 + bytes.AsSpan(0, Math.Clamp(ex.Index, 0, bytes.Length)).Count((byte)'\n');
                problems.Add(new ContentProblem(file, line, "file is not valid UTF-8 text"));
                return null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add(new ContentProblem(file, 1, $"cannot read file: {ex.Message}"));
                return null;
            }

            var markdown = MarkdownRenderer.Render(text);
            var sink = new ProblemSink(problems, file, markdown.FrontMatterFirstLine);
            foreach (var (url, line) in markdown.RejectedLinks)
            {
                sink.Add(line, $"link '{url}' is not allowed: use http(s), relative or #anchor links");
            }

            if (markdown.BodyIsEmpty)
            {
                sink.Add(markdown.BodyFirstLine, "the Markdown body is empty");
            }

            if (markdown.FrontMatter is null)
            {
                sink.Add(1, "missing YAML front matter: the file must start with a line '---', the fields, and a closing '---'");
                return new ParsedFile(sink, null, markdown);
            }

            try
            {
                var yaml = new YamlStream();
                yaml.Load(new StringReader(markdown.FrontMatter));
                if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode mapping)
                {
                    sink.Add(markdown.FrontMatterFirstLine, "front matter must be a YAML mapping of fields (key: value lines)");
                    return new ParsedFile(sink, null, markdown);
                }

                return new ParsedFile(sink, new FieldReader(sink, mapping, markdown.FrontMatterFirstLine - 1), markdown);
            }
            catch (YamlException ex)
            {
                var line = markdown.FrontMatterFirstLine + (int)ex.Start.Line - 1;
                sink.Add(line, $"front matter is not valid YAML: {YamlMessage(ex)}");
                return new ParsedFile(sink, null, markdown);
            }
        }

        private static string YamlMessage(YamlException ex) =>
            (ex.InnerException?.Message ?? ex.Message) is var m && m.StartsWith('(') && m.IndexOf("): ", StringComparison.Ordinal) is > 0 and var i
                ? m[(i + 3)..]
                : ex.InnerException?.Message ?? ex.Message;

        private void ReportDuplicates(IEnumerable<(int Order, string File, string Id)> items, string what)
        {
            foreach (var group in items.GroupBy(i => i.Order).Where(g => g.Count() > 1))
            {
                var list = group.ToList();
                foreach (var dup in list.Skip(1))
                {
                    problems.Add(new ContentProblem(dup.File, 1, $"{what} '{dup.Id}' has order {group.Key}, the same as '{list[0].Id}'"));
                }
            }
        }

        private string Relative(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
    }
}
