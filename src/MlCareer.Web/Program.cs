using MlCareer.Content.Loading;
using MlCareer.Web.Data;
using MlCareer.Web.Features.Account;
using MlCareer.Web.Features.Activity;
using MlCareer.Web.Features.Careers;
using MlCareer.Web.Features.Demo;
using MlCareer.Web.Features.Guide;
using MlCareer.Web.Features.Mentoring;
using MlCareer.Web.Features.Notifications;
using MlCareer.Web.Features.Progress;
using MlCareer.Web.Features.Roadmap;
using MlCareer.Web.Features.SelfChecks;
using MlCareer.Web.Features.Sharing;
using MlCareer.Web.Infrastructure;

if (args is ["check-content", .. var rest])
{
    return ContentCheckCommand.Run(rest.FirstOrDefault());
}

if (args is ["healthcheck", .. var probe])
{
    return await HealthProbeCommand.RunAsync(probe.FirstOrDefault());
}

if (args is ["backup" or "restore", ..])
{
    return await BackupCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
try
{
    builder.AddContent();
    builder.AddData();
}
catch (Exception ex) when (ex is ContentValidationException or DatabaseConfigurationException)
{
    // An invalid content tree or database setting must stop the app with the problem named, not serve half an app.
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}

builder.AddCrossInstanceSignals();
builder.AddRoadmap();
builder.AddDataProtectionKeys();
builder.AddAccounts();
builder.AddPasswordPolicy();
builder.AddProgress();
builder.AddMentoring();
builder.AddNotifications();
builder.AddCareers();
builder.AddSelfChecks();
builder.AddActivity();
builder.AddGuide();
builder.AddSharing();
builder.AddDemo();
builder.AddWebUi();
builder.AddPageCache();
builder.AddProxySupport();
builder.AddRateLimits();
builder.AddMetrics();
builder.AddBenchDiagnostics();

var app = builder.Build();
await app.MigrateDatabaseAsync();
if (args is ["seed-demo", ..])
{
    return await DemoSeedCommand.RunAsync(app.Services);
}

app.UseProxySupport();
app.UseMetrics();
app.UseSecurityHeaders();
app.UseRateLimits();
app.UseBlazorHubOriginCheck();
app.UseWebUi();
// After authentication (in UseWebUi), so the cache knows who is signed in; still before any endpoint runs.
app.UsePageCache();
app.MapBenchDiagnostics();
await app.RunAsync();
return 0;

public partial class Program;
