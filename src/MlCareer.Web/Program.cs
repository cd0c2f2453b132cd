using MlCareer.Content.Loading;
using MlCareer.Web.Data;
using MlCareer.Web.Features;
using MlCareer.Web.Features.Account;
using MlCareer.Web.Features.Demo;
using MlCareer.Web.Features.Roadmap;
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
builder.AddLearningFeatures();
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
