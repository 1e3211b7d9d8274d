using Lscb.Site.Core;
using Lscb.Site.Validate;

namespace Lscb.Site.Tests;

/// <summary>
/// The detail scanner and the language list, on single sentences: what must be found, and the near
/// misses that must not be (the bad-input corpus has the same cases inside whole sites).
/// </summary>
public sealed class SafeguardingChecksTests
{
    // The site's own numbers, as statiq.config sets them.
    private static readonly HashSet<string> SitePhones = ["999", "08088005000"];

    private static readonly LanguageList Language =
        LanguageList.Read(File.ReadAllText(Path.Combine(Repo.Root, "checks", "language.yml")), new DiagnosticBag());

    private static List<Finding> All(string text) => DetailScanner.Scan(text, SitePhones).Concat(Language.Scan(text)).ToList();

    [Theory]
    [InlineData("A review commissioned in the Board year 2015-16.")]
    [InlineData("The Board summarised it in January 2017.")]
    [InlineData("The NSPCC helpline is 0808 800 5000.")]
    [InlineData("The NSPCC helpline is 08088005000.")]
    [InlineData("In an emergency, call 999.")]
    [InlineData("Child O was part of a large family.")]
    [InlineData("Child T was in Year 6 at the time.")]
    [InlineData("A section 47 enquiry began under section 47 of the Children Act 1989.")]
    [InlineData("An S47 strategy discussion was held.")]
    [InlineData("As paragraph 4.5 of Working Together to Safeguard Children 2018 describes.")]
    [InlineData("In excess of 2,000 allocated places have been filled.")]
    [InlineData("Between 1 April 2015 and 31 March 2016, a total of five cases were commissioned.")]
    [InlineData("She attended the local primary school, and then a Primary School in the next borough.")]
    [InlineData("The child was aged 14 when the concerns began.")]
    [InlineData("In spring 2016 the family moved within the borough.")]
    [InlineData("The record number 1234567890 was wrong.")]
    [InlineData("The father drove along the M62 each day.")]
    [InlineData("The Serious Incident Review Group met, and Children's Social Care took part.")]
    [InlineData("A child cannot consent to their own abuse.")]
    [InlineData("Training was given through e-learning and seminars.")]
    [InlineData("The child was sexually exploited, and the perpetrator was convicted.")]
    public void Given_a_near_miss_When_scanned_Then_nothing_is_reported(string text) =>
        Assert.Empty(All(text));

    [Theory]
    [InlineData("Child T was born on 12 March 2009.", "SCR061", "12 March 2009")]
    [InlineData("The child died on 14 February 2016.", "SCR061", "14 February 2016")]
    [InlineData("The family lived at L36 9YU.", "SCR060", "L36 9YU")]
    [InlineData("They moved to the WA8 area.", "SCR060", "WA8")]
    [InlineData("NHS number 943 476 5919.", "SCR062", "943 476 5919")]
    [InlineData("The mother's mobile was 07700 900123.", "SCR063", "07700 900123")]
    [InlineData("Write to jane.doe@example.org.", "SCR064", "jane.doe@example.org")]
    [InlineData("The family lived at 14 Station Road.", "SCR065", "14 Station Road")]
    [InlineData("Child T attended St Mary's Primary.", "SCR066", "St Mary's Primary")]
    [InlineData("Child T was aged 14 on 3 March 2016.", "SCR067", "aged 14")]
    [InlineData("She was described as putting herself\n  at risk.", "SCR108", "putting herself\n  at risk")]
    public void Given_a_planted_detail_When_scanned_Then_it_is_reported_at_its_place(string text, string code, string value)
    {
        var finding = Assert.Single(All(text));
        Assert.Equal(code, finding.Code.Code);
        Assert.Equal(value, text.Substring(finding.Index, finding.Length));
        Assert.Equal(code == "SCR108", finding.IsWarning);
    }

    [Theory]
    [InlineData("9434765919", true)]
    [InlineData("4010232137", true)]
    [InlineData("9434765918", false)]
    [InlineData("1234567890", false)]
    [InlineData("943476591", false)]
    public void Given_ten_digits_When_checked_Then_only_a_valid_NHS_check_digit_passes(string digits, bool valid) =>
        Assert.Equal(valid, DetailScanner.IsNhsNumber(digits));

    [Fact]
    public void Given_the_language_list_Then_it_has_at_least_15_entries_each_naming_one_of_the_two_guides()
    {
        var bag = new DiagnosticBag();
        var list = LanguageList.Read(File.ReadAllText(Path.Combine(Repo.Root, "checks", "language.yml")), bag);
        Assert.Empty(bag.Sorted());
        Assert.True(list.Terms.Count >= 15, $"the list has {list.Terms.Count} entries");
        Assert.All(list.Terms, t => Assert.Contains(t.Guide, new[]
        {
            "Child exploitation and abuse: an appropriate language guide",
            "Appropriate language: child sexual and/or criminal exploitation",
        }));
        Assert.All(list.Terms, t => Assert.False(string.IsNullOrWhiteSpace(t.Instead) || string.IsNullOrWhiteSpace(t.Why)));
    }

    [Fact]
    public void Given_a_word_joined_to_a_phrase_by_a_hyphen_When_scanned_Then_it_is_not_the_phrase()
    {
        Assert.Empty(Language.Scan("a non-sexually active reading"));
        Assert.Single(Language.Scan("a Sexually  Active child"));
    }
}

/// <summary>"Did you mean" suggests a slip of the keyboard, never another child or another theme.</summary>
public sealed class SuggestTests
{
    [Theory]
    [InlineData("neglct", "neglect")]
    [InlineData("domestic-abuse", "domestic-abus")]
    [InlineData("sumary", "summary")]
    [InlineData("in-progres", "in-progress")]
    [InlineData("../cases/chlid-o.md", "../cases/child-o.md")]
    public void Given_a_slip_Then_it_is_suggested(string typed, string meant) =>
        Assert.Equal(meant, Lscb.Site.Core.Suggest.Closest(typed, [meant, "toxic-trio"]));

    [Theory]
    [InlineData("child-t", "child-n")]
    [InlineData("child-criminal-exploitation", "child-sexual-exploitation")]
    [InlineData("../cases/child-t.md", "../cases/child-n.md")]
    [InlineData("child-q", "child-o")]
    public void Given_another_child_or_theme_of_similar_spelling_Then_it_is_not_suggested(string typed, string other) =>
        Assert.Null(Lscb.Site.Core.Suggest.Closest(typed, [other]));
}

/// <summary>Files under input/ that are not pages: a linked image is published quietly, an unlinked one with a warning.</summary>
public sealed class StaticFileChecksTests
{
    [Fact]
    public void Given_an_image_linked_from_a_page_and_one_linked_from_nowhere_Then_only_the_second_is_reported()
    {
        const string Svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"></svg>\n";
        using var site = new TestSite(new Dictionary<string, string>
        {
            ["input/images/chart.svg"] = Svg,
            ["input/images/unused.svg"] = Svg,
            ["input/pages/about.md"] = "---\ntitle: About\nsummary: About the site.\n---\n![A chart of referrals](../images/chart.svg)\n",
        });

        var result = site.Check();

        Assert.False(result.Failed, string.Join('\n', result.Diagnostics));
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "SCR109");
        Assert.Equal("input/images/unused.svg", warning.At.File);
    }
}
