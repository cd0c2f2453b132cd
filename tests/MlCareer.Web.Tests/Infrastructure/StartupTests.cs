using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MlCareer.Web.Tests.Infrastructure;

public sealed class StartupTests
{
    [Fact]
    public void Invalid_content_tree_stops_the_app_before_it_serves_anything()
    {
        var broken = Path.Combine(Path.GetTempPath(), "mlcareer-broken-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(broken, "areas", "alpha"));
        File.WriteAllText(Path.Combine(broken, "areas", "alpha", "index.md"), "no front matter here\n");
        try
        {
            using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                b.UseSetting("Content:Path", broken);
                b.UseSetting("Database:Path", Path.Combine(broken, "app.db"));
            });

            // Program returns exit code 1 without building a host, which the factory reports as an error.
            var ex = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());
            Assert.Contains("entry point exited", ex.Message, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Directory.Delete(broken, recursive: true);
        }
    }
}
