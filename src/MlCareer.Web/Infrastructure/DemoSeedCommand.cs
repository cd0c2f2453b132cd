using MlCareer.Web.Features.Demo;

namespace MlCareer.Web.Infrastructure;

/// <summary>
/// <c>dotnet MlCareer.Web.dll seed-demo</c> (or <c>dotnet run --project src/MlCareer.Web -- seed-demo</c>): on an empty
/// database (migrated first, with the same settings the app uses), creates the demo learner and mentor and prints how to
/// sign in as them; exits 1 without writing anything when any account exists.
/// </summary>
public static class DemoSeedCommand
{
    public static async Task<int> RunAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        if (accounts is null)
        {
            await Console.Error.WriteLineAsync("seed-demo refused: the database already has accounts. The demo is only seeded into an empty database.");
            return 1;
        }

        Console.WriteLine($"""
            Demo data seeded. Start the app and sign in as:
              learner  {accounts.LearnerEmail}  ({DemoSeeder.LearnerName})
              mentor   {accounts.MentorEmail}  ({DemoSeeder.MentorName}, already mentoring the learner)
              password {accounts.Password}  (both accounts; shown only now)
            """);
        return 0;
    }
}
