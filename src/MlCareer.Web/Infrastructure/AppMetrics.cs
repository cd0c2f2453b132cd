using System.Diagnostics.Metrics;

namespace MlCareer.Web.Infrastructure;

/// <summary>
/// The app's own instruments (meter <c>MlCareer</c>), beside ASP.NET Core's, Blazor's and EF Core's. Live circuits are
/// counted by Blazor's own meter (<c>aspnetcore.components.circuit.active</c>), so they are not repeated here.
/// </summary>
public sealed class AppMetrics
{
    public const string MeterName = "MlCareer";

    private readonly Counter<long> _assessmentSaves;
    private readonly Counter<long> _contentReloads;

    public AppMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _assessmentSaves = meter.CreateCounter<long>(
            "mlcareer.assessment.saves", "{save}", "Self-assessment writes (level, note or evidence), by outcome.");
        _contentReloads = meter.CreateCounter<long>(
            "mlcareer.content.reloads", "{reload}", "Content reloads after a change under content/, by outcome.");
    }

    /// <summary>A write that reached the database: outcome <c>saved</c>, or <c>failed</c> when the database refused it.</summary>
    public void AssessmentSaved(bool saved) => _assessmentSaves.Add(1, new KeyValuePair<string, object?>("outcome", saved ? "saved" : "failed"));

    /// <summary>Outcome is <c>accepted</c>, <c>rejected</c> (invalid tree, last good snapshot kept) or <c>failed</c> (I/O).</summary>
    public void ContentReloaded(string outcome) => _contentReloads.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
