using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MlCareer.Content.Loading;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Security;

[Trait("Database", "BothProviders")]
public sealed class CsvInjectionTests(MlCareerAppFactory factory) : IClassFixture<MlCareerAppFactory>
{
    [Theory]
    [InlineData("=HYPERLINK(\"https://evil.example\",\"click\")")]
    [InlineData("+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    [InlineData("@SUM(1,1)")]
    public async Task A_note_that_a_spreadsheet_would_run_as_a_formula_is_exported_as_text(string note)
    {
        var (client, id) = await factory.RegisterLearnerAsync("Csv");
        var competency = factory.Services.GetRequiredService<ContentCatalog>().Current.Competencies[0].Id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<AssessmentService>().SaveNoteAsync(id, competency, note, isPrivate: false);
            Assert.True(saved.Succeeded, saved.Problem?.ToString());
        }

        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/me/export.csv"));

        var row = csv.Split('\n').Single(l => l.Contains($",{competency},", StringComparison.Ordinal));
        Assert.Contains("'" + note.Replace("\"", "\"\"", StringComparison.Ordinal), row, StringComparison.Ordinal);
        Assert.DoesNotContain("," + note[0], row, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"" + note[0], row, StringComparison.Ordinal);
    }
}
