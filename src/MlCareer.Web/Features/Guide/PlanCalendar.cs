using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MlCareer.Web.Features.Progress;

namespace MlCareer.Web.Features.Guide;

/// <summary>The plan as an iCalendar file (RFC 5545): one all-day event per competency, from its start to its finish week.</summary>
public static class PlanCalendar
{
    public static string Write(PlanView view, Uri siteRoot)
    {
        var calendar = new Calendar { ProductId = "-//MlCareer//Learning plan//EN" };
        calendar.AddProperty("X-WR-CALNAME", $"MlCareer plan: {view.Target.Label}");
        foreach (var item in view.Plan.Items)
        {
            var url = new Uri(siteRoot, item.Competency.Url);
            var resources = item.StartResources.Select(r => $"- {r.Title}{(r.Part is null ? "" : $" ({r.Part})")}: {r.Url}");
            calendar.Events.Add(new CalendarEvent
            {
                // Stable per user-visible item, so re-importing an updated plan replaces events instead of duplicating them.
                Uid = $"{item.Competency.Id}.{view.Target.Role.Id}.plan@mlcareer",
                Summary = $"{item.Competency.Title}: {LevelText.Name(item.From)} → {LevelText.Name(item.To)}",
                Description = string.Join('\n', [$"{item.Hours} h. {url}", "Start with:", .. resources]),
                Url = url,
                Start = new CalDateTime(item.StartsOn.Year, item.StartsOn.Month, item.StartsOn.Day),
                // DTEND of an all-day event is exclusive: the day after the finish week's last day.
                End = new CalDateTime(item.FinishesOn.Year, item.FinishesOn.Month, item.FinishesOn.Day).AddDays(1),
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
