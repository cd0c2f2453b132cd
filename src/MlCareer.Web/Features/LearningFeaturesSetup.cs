using MlCareer.Web.Features.Activity;
using MlCareer.Web.Features.Careers;
using MlCareer.Web.Features.Guide;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Features.Notifications;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Features.SelfChecks;
using MlCareer.Web.Features.Sharing;

namespace MlCareer.Web.Features;

/// <summary>
/// The services of every feature that keeps a learner's data, in one call, so the app and the service-level test host
/// register exactly the same set with the same lifetimes.
/// </summary>
public static class LearningFeaturesSetup
{
    public static void AddLearningFeatures(this IHostApplicationBuilder builder)
    {
        builder.AddProgress();
        builder.AddMentoring();
        builder.AddNotifications();
        builder.AddCareers();
        builder.AddSelfChecks();
        builder.AddActivity();
        builder.AddGuide();
        builder.AddSharing();
    }
}
