using System.Reflection;
using System.Text.RegularExpressions;

namespace Lscb.Site.Tests;

/// <summary>One naming style for tests (tests/README.md): Given_situation[_When_action]_Then_outcome.</summary>
public sealed partial class TestNamingTests
{
    [GeneratedRegex(@"^Given_[A-Za-z0-9]+(_[A-Za-z0-9]+)*?(_When_[A-Za-z0-9]+(_[A-Za-z0-9]+)*?)?_Then_[A-Za-z0-9]+(_[A-Za-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Style();

    [Fact]
    public void Given_every_test_in_this_project_Then_its_name_is_Given_When_Then()
    {
        var tests = typeof(TestNamingTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes<FactAttribute>().Any())
            .ToList();
        Assert.True(tests.Count > 200, $"only {tests.Count} tests found");
        var wrong = tests.Where(m => !Style().IsMatch(m.Name)).Select(m => $"{m.DeclaringType!.Name}.{m.Name}").Order(StringComparer.Ordinal).ToList();
        Assert.True(wrong.Count == 0, "name these tests Given_<situation>_When_<action>_Then_<outcome> (When optional):\n" + string.Join('\n', wrong));
    }
}
