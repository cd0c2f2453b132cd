namespace MlCareer.Web.Features.Mentoring;

public static class MentoringSetup
{
    public static void AddMentoring(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MentoringNotifier>();
        builder.Services.AddScoped<InvitationService>();
        builder.Services.AddScoped<MentorAccessService>();
        builder.Services.AddScoped<FeedbackService>();
        builder.Services.AddScoped<ReviewRequestService>();
    }
}
