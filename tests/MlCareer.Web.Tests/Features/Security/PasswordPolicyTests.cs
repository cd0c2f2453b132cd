using System.Buffers.Binary;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MlCareer.Web.Data;
using MlCareer.Web.Data.Entities;
using MlCareer.Web.Infrastructure;
using MlCareer.Web.Tests.Infrastructure;

namespace MlCareer.Web.Tests.Features.Security;

[Trait("Database", "BothProviders")]
public sealed class PasswordPolicyTests(ProductionHashingAppFactory factory) : IClassFixture<ProductionHashingAppFactory>
{
    [Theory]
    [InlineData("1234567890")]
    [InlineData("qwertyuiop")]
    [InlineData("Password123")]
    [InlineData(" 1q2w3e4r5t ")]
    public async Task A_password_on_the_common_list_is_refused_at_registration(string password)
    {
        var email = $"common-{Guid.NewGuid():N}@example.org";

        var response = await factory.NewClient().SubmitFormAsync("/account/register", "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Common",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("one of the most common", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = await Db();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
    }

    [Fact]
    public async Task A_common_password_is_refused_as_a_new_password()
    {
        var (client, id) = await factory.RegisterLearnerAsync("Changer");
        var before = await StoredHashAsync(id);

        var response = await client.SubmitFormAsync("/account", "change-password", new Dictionary<string, string>
        {
            ["PasswordInput.CurrentPassword"] = BrowserlessClient.Password,
            ["PasswordInput.NewPassword"] = "1234567890",
            ["PasswordInput.ConfirmPassword"] = "1234567890",
        });

        Assert.Contains("one of the most common", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await StoredHashAsync(id));
    }

    [Fact]
    public void The_bundled_list_holds_the_ten_thousand_most_common_passwords()
    {
        var list = factory.Services.GetRequiredService<CommonPasswordList>();

        Assert.Equal(9_913, list.Count); // 10,000 lines, of which 9,913 differ in more than case
        Assert.True(list.Contains("password"));
        Assert.False(list.Contains(BrowserlessClient.Password));
    }

    [Fact]
    public async Task New_passwords_are_hashed_with_pbkdf2_at_600000_iterations()
    {
        var (_, id) = await factory.RegisterLearnerAsync("Fresh");

        var (version, iterations) = Describe(await StoredHashAsync(id));

        Assert.Equal(0x01, version);
        Assert.Equal(600_000, iterations);
    }

    [Theory]
    [InlineData(PasswordHasherCompatibilityMode.IdentityV3, 100_000)] // the previous default
    [InlineData(PasswordHasherCompatibilityMode.IdentityV2, 1_000)] // PBKDF2-HMAC-SHA1, the oldest format
    public async Task An_older_hash_still_signs_in_and_is_rehashed_at_600000_iterations(PasswordHasherCompatibilityMode mode, int oldIterations)
    {
        var email = $"old-{Guid.NewGuid():N}@example.org";
        await factory.RegisterAsync("Old", email);
        await using (var db = await Db())
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var oldHasher = new PasswordHasher<ApplicationUser>(Options.Create(new PasswordHasherOptions { CompatibilityMode = mode, IterationCount = oldIterations }));
            user.PasswordHash = oldHasher.HashPassword(user, BrowserlessClient.Password);
            await db.SaveChangesAsync();
            Assert.Equal(mode == PasswordHasherCompatibilityMode.IdentityV3 ? oldIterations : 0, Describe(user.PasswordHash).Iterations);
        }

        var client = factory.NewClient();
        var response = await client.SubmitFormAsync("/account/login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = BrowserlessClient.Password,
        });

        Assert.Equal("/me", response.RedirectPath());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/me")).StatusCode);
        await using var after = await Db();
        var (version, iterations) = Describe((await after.Users.SingleAsync(u => u.Email == email)).PasswordHash!);
        Assert.Equal(0x01, version);
        Assert.Equal(600_000, iterations);
    }

    private Task<AppDbContext> Db() => factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    private async Task<string> StoredHashAsync(string userId)
    {
        await using var db = await Db();
        return (await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId)).PasswordHash!;
    }

    /// <summary>Identity's hash layout: a format byte (0x00 V2, 0x01 V3); V3 then has the PRF and the iteration count, big-endian.</summary>
    private static (byte Version, int Iterations) Describe(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        return bytes[0] == 0x01 ? (bytes[0], (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4))) : (bytes[0], 0);
    }
}
