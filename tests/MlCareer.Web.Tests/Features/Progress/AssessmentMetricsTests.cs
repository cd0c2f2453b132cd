using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using MlCareer.Content.Model;
using MlCareer.Web.Infrastructure;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Progress;

[Trait("Database", "BothProviders")]
public sealed class AssessmentMetricsTests : IAsyncLifetime
{
    private readonly ServiceTestHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Every_saved_write_is_counted_and_a_refused_one_is_not()
    {
        using var saves = new MetricCollector<long>(_host.Get<IMeterFactory>(), AppMetrics.MeterName, "mlcareer.assessment.saves");
        var learner = await _host.CreateUserAsync("learner");

        await _host.Assessments.SetLevelAsync(learner, "calculus", Level.Learning);
        await _host.Assessments.SaveNoteAsync(learner, "calculus", "chain rule", isPrivate: false);
        await _host.Assessments.SetLevelAsync(learner, "no-such-competency", Level.Learning);

        var outcomes = saves.GetMeasurementSnapshot().Select(m => (string)m.Tags["outcome"]!).ToList();
        Assert.Equal(["saved", "saved"], outcomes);
    }
}
