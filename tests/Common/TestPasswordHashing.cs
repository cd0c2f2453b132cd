using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MlCareer.Tests.Common;

/// <summary>
/// PBKDF2 at the production 600,000 iterations costs a few hundred milliseconds of CPU per hash on CI's two cores, and
/// the suites register and sign in many users; test hosts hash at 1,000. The tests that pin the production figure use
/// a host without this.
/// </summary>
public static class TestPasswordHashing
{
    public static IWebHostBuilder UseFastPasswordHashing(this IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.PostConfigure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
}
