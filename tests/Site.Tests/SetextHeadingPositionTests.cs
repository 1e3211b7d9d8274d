namespace Lscb.Site.Tests;

/// <summary>A diagnostic inside a heading written with an underline (setext) points at the line it is on.</summary>
public sealed class SetextHeadingPositionTests
{
    [Theory]
    [InlineData("===")]
    [InlineData("---")]
    public void Given_an_unsafe_link_in_a_heading_of_three_lines_with_an_underline_When_checked_Then_the_error_points_at_the_links_line(string underline)
    {
        using var site = new TestSite(new Dictionary<string, string>
        {
            ["input/pages/help.md"] = $"---\ntitle: Help\nsummary: Help.\n---\nRead [the notes](file:///etc/passwd)\nabout\nthis\n{underline}\n",
        });
        var result = site.Check();
        var error = Assert.Single(result.Diagnostics, d => d.Code == "SCR021");
        Assert.True((error.At.Line, error.At.Column) == (5, 6), $"expected input/pages/help.md(5,6), the link's place; got {error}");
    }
}
