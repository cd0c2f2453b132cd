namespace MlCareer.Web.Features.Careers;

public static class CareerSetup
{
    public static void AddCareers(this IHostApplicationBuilder builder) => builder.Services.AddScoped<CareerService>();
}
