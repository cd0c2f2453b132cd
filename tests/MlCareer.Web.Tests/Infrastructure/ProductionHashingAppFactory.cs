namespace MlCareer.Web.Tests.Infrastructure;

/// <summary>The app with its production password hashing, for the tests that check the hash itself.</summary>
public sealed class ProductionHashingAppFactory : MlCareerAppFactory
{
    protected override bool FastPasswordHashing => false;
}
