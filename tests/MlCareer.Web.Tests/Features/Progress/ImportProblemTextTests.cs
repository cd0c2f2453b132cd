using MlCareer.Web.Features.Progress;
using MlCareer.Web.Infrastructure;

namespace MlCareer.Web.Tests.Features.Progress;

/// <summary>The sentence the import panel shows for each kind of import problem, word for word.</summary>
public sealed class ImportProblemTextTests
{
    private const string Key = "a1b2c3d4e5f60718";

    /// <summary>One problem per kind with the sentence it must read as; a kind without a case fails its test.</summary>
    private static readonly Dictionary<ImportProblemKind, (ImportProblem Problem, string Sentence)> Cases = new()
    {
        [ImportProblemKind.WrongFormat] = (new(ImportProblemKind.WrongFormat, "format"),
            "format: expected \"mlcareer-export\"; this does not look like an MlCareer export."),
        [ImportProblemKind.WrongVersion] = (new(ImportProblemKind.WrongVersion, "version", "2"),
            "version: expected 1, found 2."),
        [ImportProblemKind.Missing] = (new(ImportProblemKind.Missing, "selfChecks[4].statementKey"),
            "selfChecks[4].statementKey: missing."),
        [ImportProblemKind.TooManyEntries] = (new(ImportProblemKind.TooManyEntries, "selfChecks", Actual: 2001, Limit: 2000),
            "selfChecks: 2001 entries; at most 2000 are accepted."),
        [ImportProblemKind.EmptyEntry] = (new(ImportProblemKind.EmptyEntry, "assessments[1]"),
            "assessments[1]: empty entry."),
        [ImportProblemKind.NotAnId] = (new(ImportProblemKind.NotAnId, "assessments[3].competencyId", "Not An Id"),
            "assessments[3].competencyId: 'Not An Id' is not a competency id."),
        [ImportProblemKind.UnknownCompetency] = (new(ImportProblemKind.UnknownCompetency, "history[2].competencyId", "made-up-skill"),
            "history[2].competencyId: 'made-up-skill' is not a competency on the roadmap or in your data."),
        [ImportProblemKind.NotOnRoadmap] = (new(ImportProblemKind.NotOnRoadmap, "selfChecks[2].competencyId", "ghost"),
            "selfChecks[2].competencyId: 'ghost' is not a competency on the roadmap."),
        [ImportProblemKind.Duplicate] = (new(ImportProblemKind.Duplicate, "assessments[3].competencyId", "calculus"),
            "assessments[3].competencyId: 'calculus' appears more than once."),
        [ImportProblemKind.LevelOutOfRange] = (new(ImportProblemKind.LevelOutOfRange, "assessments[2].level"),
            "assessments[2].level: must be a whole number from 0 to 4."),
        [ImportProblemKind.LevelsOutOfRange] = (new(ImportProblemKind.LevelsOutOfRange, "history[3]"),
            "history[3]: levels must be whole numbers from 0 to 4."),
        [ImportProblemKind.NoteTooLong] = (new(ImportProblemKind.NoteTooLong, "assessments[2].note", Actual: 4001, Limit: 4000),
            "assessments[2].note: 4001 characters; at most 4000 fit."),
        [ImportProblemKind.Evidence] = (
            new(ImportProblemKind.Evidence, "assessments[3].evidence[2]") { Evidence = new Problem(ProblemKind.EvidenceLabelTooLong, "evidence[2]", 201, 200, 2) },
            "assessments[3].evidence[2]: Evidence link 2: the label can be at most 200 characters."),
        [ImportProblemKind.MissingTime] = (new(ImportProblemKind.MissingTime, "history[2].at"),
            "history[2].at: missing time."),
        [ImportProblemKind.UnknownSource] = (new(ImportProblemKind.UnknownSource, "history[2].source", "whatever"),
            "history[2].source: 'whatever' is not a known source (expected none or \"start:\" and a background id)."),
        [ImportProblemKind.UnknownStatement] = (new(ImportProblemKind.UnknownStatement, "selfChecks[3].statementKey", Key) { CompetencyId = "calculus" },
            $"selfChecks[3].statementKey: '{Key}' is not a self-check statement of 'calculus'."),
        [ImportProblemKind.DuplicateStatement] = (new(ImportProblemKind.DuplicateStatement, "selfChecks[5]", Key) { CompetencyId = "calculus" },
            $"selfChecks[5]: the statement 'calculus' / '{Key}' appears more than once."),
        [ImportProblemKind.InvalidJson] = (new(ImportProblemKind.InvalidJson, "", "'o' is an invalid start of a value.", Actual: 3),
            "The file is not valid JSON (line 3): 'o' is an invalid start of a value."),
        [ImportProblemKind.EmptyFile] = (new(ImportProblemKind.EmptyFile, ""),
            "The file is empty."),
        [ImportProblemKind.HistoryFull] = (new(ImportProblemKind.HistoryFull, "history", Actual: 1001, Limit: 5000) { Existing = 4000 },
            "history: this file adds 1001 entries to the 4000 you have; at most 5000 are kept per person."),
        [ImportProblemKind.NotStored] = (new(ImportProblemKind.NotStored, ""),
            "The server could not store the import; nothing was changed. Try again."),
    };

    public static TheoryData<ImportProblemKind> Kinds => [.. Enum.GetValues<ImportProblemKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_kind_of_problem_reads_as_its_sentence(ImportProblemKind kind)
    {
        var (problem, sentence) = Cases[kind];

        Assert.Equal(kind, problem.Kind);
        Assert.Equal(sentence, ImportProblemText.Describe(problem));
    }

    [Fact]
    public void A_history_entry_without_an_id_to_quote_is_not_a_competency_id()
    {
        Assert.Equal("history[1].competencyId: not a competency id.", ImportProblemText.Describe(new ImportProblem(ImportProblemKind.NotAnId, "history[1].competencyId")));
    }

    [Fact]
    public void An_assessment_without_an_id_quotes_an_empty_one()
    {
        Assert.Equal("assessments[2].competencyId: '' is not a competency id.", ImportProblemText.Describe(new ImportProblem(ImportProblemKind.NotAnId, "assessments[2].competencyId", "")));
    }

    [Fact]
    public void A_file_without_a_version_says_it_found_none()
    {
        Assert.Equal("version: expected 1, found none.", ImportProblemText.Describe(new ImportProblem(ImportProblemKind.WrongVersion, "version")));
    }

    [Fact]
    public void An_evidence_problem_is_worded_as_the_evidence_editor_words_it()
    {
        var bad = new Problem(ProblemKind.EvidenceUrlInvalid, "evidence[1]", Position: 1);

        var sentence = ImportProblemText.Describe(new ImportProblem(ImportProblemKind.Evidence, "assessments[3].evidence[1]") { Evidence = bad });

        Assert.Equal($"assessments[3].evidence[1]: {EvidenceText.Describe(bad)}", sentence);
        Assert.Equal("assessments[3].evidence[1]: Evidence link 1: the address must be a full web address starting with https:// or http://.", sentence);
    }

    [Fact]
    public void A_problem_of_no_known_kind_has_no_sentence()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ImportProblemText.Describe(new ImportProblem((ImportProblemKind)999, "format")));
    }
}
