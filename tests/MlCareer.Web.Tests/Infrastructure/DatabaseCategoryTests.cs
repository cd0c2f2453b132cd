using System.Reflection;

namespace MlCareer.Web.Tests.Infrastructure;

/// <summary>
/// <c>.ci/run</c> runs the test classes marked <c>[Trait("Database", "BothProviders")]</c> a second time on PostgreSQL
/// (<c>--filter Database=BothProviders</c>, with <c>MLCAREER_TEST_POSTGRES</c> set). This keeps that mark on every test
/// class that starts a host that then switches to PostgreSQL (<see cref="ServiceTestHost"/>,
/// <see cref="MlCareerAppFactory"/>: in a field, fixture, constructor, base class, local or async method), unless it is
/// marked <c>SqliteOnly</c> because it tests the SQLite provider itself (pragmas, the backup command). A class that
/// reaches PostgreSQL another way (<see cref="TestPostgres"/> directly, an app process) is marked by hand.
/// </summary>
public sealed class DatabaseCategoryTests
{
    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    private static readonly Type[] Hosts = [typeof(ServiceTestHost), typeof(MlCareerAppFactory)];

    private static readonly string[] Choices = ["BothProviders", "SqliteOnly"];

    private static readonly Type[] TestClasses =
        [.. typeof(DatabaseCategoryTests).Assembly.GetTypes().Where(t => !t.IsAbstract && t.GetMethods().Any(m => m.IsDefined(typeof(FactAttribute))))];

    [Fact]
    public void Every_test_class_that_starts_a_database_host_says_whether_it_runs_on_postgres_too()
    {
        var usingHosts = TestClasses.Where(t => StartsAHost(t, [])).ToList();

        // The ways a class comes to a host: a class fixture, a field set in the constructor, a base class's property, a
        // local in an async method, a fixture class nested in it.
        Assert.Superset(
            new HashSet<Type>
            {
                typeof(Features.Account.AccountFlowTests),
                typeof(Features.Mentoring.InvitationRaceTests),
                typeof(Features.Mentoring.MenteePageTests),
                typeof(Features.Progress.RecheckServiceTests),
                typeof(Features.Security.DeletedAccountBetweenChecksTests),
            },
            usingHosts.ToHashSet());
        Assert.All(usingHosts, t => Assert.True(
            DatabaseTraits(t).Length == 1,
            $"{t.FullName} starts a database host: mark it [Trait(\"Database\", \"BothProviders\")], or \"SqliteOnly\" if it tests SQLite itself"));
    }

    [Fact]
    public void A_database_trait_is_one_of_the_two_choices_and_made_once()
    {
        Assert.All(TestClasses, t => Assert.True(DatabaseTraits(t) is [] or [_] && DatabaseTraits(t).All(Choices.Contains), t.FullName));
    }

    private static string[] DatabaseTraits(Type testClass) =>
        [.. testClass.GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(TraitAttribute) && (string?)a.ConstructorArguments[0].Value == "Database")
            .Select(a => (string)a.ConstructorArguments[1].Value!)];

    /// <summary>Whether the type, its base classes or the types nested in them (compiler-made closures and async state machines included) hold a host.</summary>
    private static bool StartsAHost(Type type, HashSet<Type> seen)
    {
        for (var t = type; t is not null && t.Assembly == type.Assembly; t = t.BaseType)
        {
            if (!seen.Add(t))
            {
                continue;
            }

            var held = t.GetFields(Declared).Select(f => f.FieldType)
                .Concat(t.GetConstructors(Declared).SelectMany(c => c.GetParameters()).Select(p => p.ParameterType))
                .Concat(t.GetInterfaces().SelectMany(i => i.GetGenericArguments()))
                .Concat(t.GetMethods(Declared).Cast<MethodBase>().Concat(t.GetConstructors(Declared))
                    .SelectMany(m => m.GetMethodBody()?.LocalVariables.Select(v => v.LocalType) ?? []));
            if (held.SelectMany(Unwrap).Any(h => Hosts.Any(host => host.IsAssignableFrom(h)) || (h.Assembly == type.Assembly && StartsAHost(h, seen)))
                || t.GetNestedTypes(Declared).Any(n => StartsAHost(n, seen)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The type and, for arrays and generic types (<c>Task&lt;T&gt;</c>, a list), the types they are made of.</summary>
    private static IEnumerable<Type> Unwrap(Type type) =>
        type.HasElementType ? Unwrap(type.GetElementType()!)
        : type.IsGenericType ? [type, .. type.GetGenericArguments().SelectMany(Unwrap)]
        : [type];
}
