using System.Globalization;
using System.Text;
using Lscb.Site.Core;
using Lscb.Site.Support;

namespace Lscb.Site.Bench;

/// <summary>How many of each kind of page a synthetic site has.</summary>
/// <param name="Cases">Case reviews (N).</param>
/// <param name="Themes">Themes: max(12, N / 200).</param>
/// <param name="Responses">Board responses: max(8, N / 100).</param>
internal sealed record SiteShape(int Cases, int Themes, int Responses)
{
    public static SiteShape For(int cases) => new(cases, Math.Max(12, cases / 200), Math.Max(8, cases / 100));
}

/// <summary>What the generator wrote.</summary>
internal sealed record GeneratedSite(SiteShape Shape, int Withheld, int Files, long MarkdownBytes, long CaseBodyWords, TimeSpan Elapsed);

/// <summary>
/// Writes a complete synthetic site folder (statiq.config, checks/language.yml and input/) in the real content format:
/// N case reviews across T themes and R Board responses, with front matter as docs/authoring.md
/// ("Case reviews") describes, 400 to 800 words of body per published case in several
/// <c>##</c> sections with paragraphs, bullet lists and relative links to theme and response
/// files. Deterministic: one seeded <see cref="Random"/>, so the same N gives a byte-identical site.
/// The vocabulary is made up and neutral ("Child K123", "the health visiting service"); there are no
/// real names. Every published date is before 2026-01-01, so nothing is embargoed.
/// </summary>
internal static class ContentGenerator
{
    private const int Seed = 20170131;

    /// <summary>The themes every site has, in this order; "neglect" is the benchmark's query word.</summary>
    private static readonly (string Slug, string Title)[] CoreThemes =
    [
        ("neglect", "Neglect"),
        ("domestic-abuse", "Domestic abuse"),
        ("parental-mental-health", "Parental mental health"),
        ("substance-misuse", "Substance misuse"),
        ("child-sexual-exploitation", "Child sexual exploitation"),
        ("online-safety", "Online safety"),
        ("safe-sleeping", "Safe sleeping"),
        ("multi-agency-working", "Multi-agency working"),
        ("voice-of-the-child", "Voice of the child"),
        ("looked-after-children", "Looked after children"),
        ("children-missing-education", "Children missing education"),
        ("information-sharing", "Information sharing"),
    ];

    /// <summary>Topics and settings that make the further themes, "Early help in primary care" and so on.</summary>
    private static readonly string[] Topics =
    [
        "neglect", "emotional harm", "physical harm", "criminal exploitation", "young carers", "private fostering",
        "disabled children", "housing and homelessness", "bullying", "self-harm", "non-mobile babies",
        "transition to adult services", "early help", "escalation", "professional curiosity", "record keeping",
        "supervision", "fathers and male carers", "parental learning disability", "elective home education",
    ];

    private static readonly string[] Settings =
    [
        "early years", "schools", "primary care", "hospital settings", "police work", "housing services",
        "the voluntary sector", "youth services", "children's homes", "foster care", "health visiting", "social care",
    ];

    private static readonly string[] Actions =
    [
        "Multi-agency training on", "Practice guidance on", "Audit of practice on", "Learning briefing on",
        "Policy review on", "Assessment tool for", "Referral pathway for", "Practitioner focus group on",
        "Awareness campaign on", "Supervision standards for",
    ];

    private static readonly string[] Agencies =
    [
        "health visiting service", "school nursing team", "children's social care team", "police", "GP practice",
        "early help team", "housing provider", "youth justice service", "adult mental health service",
        "drug and alcohol service", "midwifery service", "primary school", "secondary school", "nursery",
        "emergency department", "probation service", "family hub", "community paediatric service",
        "child and adolescent mental health service", "domestic abuse support service",
    ];

    private static readonly string[] People =
    [
        "the mother", "the father", "the stepfather", "a grandparent", "an older sibling", "the parents", "the carers",
        "an aunt", "the mother's partner", "foster carers",
    ];

    private static readonly string[] Periods =
    [
        "several months", "two years", "most of the child's life", "a short period", "three years",
        "the months before the incident", "a school year", "the first year of life",
    ];

    private static readonly string[] Concerns =
    [
        "poor school attendance", "missed health appointments", "an unsafe and cluttered home", "unexplained bruising",
        "arguments between the adults", "low mood", "heavy alcohol use", "frequent house moves", "isolation from friends",
        "late-night absences", "poor dental health", "weight loss", "a chaotic daily routine", "unpaid rent arrears",
        "contact with older adults online", "delayed speech", "repeated minor injuries", "long periods alone at home",
    ];

    private static readonly string[] Qualities =
    [
        "consistent", "limited", "good", "patchy", "timely", "delayed", "thorough", "partial", "careful", "hurried",
        "thoughtful", "fragmented",
    ];

    private static readonly string[] Months =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];

    private static readonly string[] Ages =
    [
        "very young", "primary school age", "teenage", "young", "disabled", "looked after", "pre-school", "school-age",
    ];

    private static readonly string[] StoryTemplates =
    [
        "{Child} lived with {person} and was known to the {agency} because of {concern}.",
        "Over {period}, the {agency} and the {agency2} each held part of the picture about {concern}.",
        "Practitioners recorded {concern}, but the records did not show what this meant for {child}.",
        "Referrals were made to the {agency} on {count} occasions, and each was closed after a short assessment.",
        "The {agency} did not know that the {agency2} had already raised concerns about {concern}.",
        "The family moved home {count} times, and records did not always follow them.",
        "{Child} attended the {agency} regularly until {month} {year}, after which attendance fell.",
        "{Person} told the {agency} about {concern}, and a home visit was arranged within {count} weeks.",
        "By {month} {year}, {concern} had become part of the family's daily life.",
        "The {agency} offered support, but appointments were often cancelled at short notice.",
        "{Child} was described by teachers as quiet and watchful, and rarely spoke about home.",
        "The household was visited by {count} different practitioners in {period}.",
    ];

    private static readonly string[] FindingTemplates =
    [
        "The review found {quality} practice by the {agency}, with {quality2} communication with the {agency2}.",
        "Nobody asked {child} directly about daily life at home.",
        "Strategy meetings were held, but not every agency that knew the family was invited.",
        "Plans focused on the needs of the adults, and the lived experience of {child} was not always clear.",
        "There was {quality} professional curiosity about {concern} during home visits.",
        "Information about {concern} was shared late, which meant risks were not reviewed together.",
        "Escalation processes were available but were not used when plans stalled.",
        "The review heard from practitioners who described high caseloads and frequent changes of worker.",
        "Assessments did not draw on the history held by the {agency}.",
        "Supervision gave little time to reflect on the cumulative impact of {concern}.",
        "Where the {agency} challenged decisions, outcomes for {child} improved.",
        "Thresholds were understood differently by the {agency} and the {agency2}.",
        "The significance of {concern} for a {age} child was not recognised at the time.",
    ];

    private static readonly string[] LearningTemplates =
    [
        "Practitioners should keep {child} in focus, even when the needs of {person} are pressing.",
        "Each agency should check what others know about {concern} before a case is closed.",
        "Assessments should consider the history of the whole family, not only the latest incident.",
        "Managers should make escalation routes clear, so that stalled plans are challenged early.",
        "Records should show why decisions were made, and what was done about {concern}.",
        "Home visits should include time to see the child alone and to look at where the child sleeps.",
        "Agencies should agree one lead professional when several services are working with a family.",
        "Learning about {concern} should be shared with the {agency} and the {agency2} through joint briefings.",
    ];

    private static readonly string[] BulletTemplates =
    [
        "agencies should check what others know about {concern} before closing a case",
        "assessments should consider the history of the whole family",
        "practitioners should see {child} alone and record their views",
        "the {agency} should share concerns about {concern} with the {agency2} promptly",
        "supervision should review plans that have stalled",
        "managers should make escalation routes clear to all staff",
        "records should show why decisions were made",
        "a {quality} chronology would have shown the pattern of {concern}",
        "the {agency} should be invited to every strategy meeting about the family",
        "training should cover the signs of {concern} in a {age} child",
    ];

    private static readonly string[] SummaryTemplates =
    [
        "A {age} child known to the {agency} because of {concern}. The review looked at how agencies shared what they knew and kept the child in focus.",
        "A {age} child whose family was supported by the {agency} for {period}. The review found {quality} practice and gaps in information sharing.",
        "A review of the help given to a {age} child and {person}, where {concern} was seen by several agencies but not brought together.",
        "The {agency} and the {agency2} worked with a {age} child over {period}; the review asks how {concern} could have been recognised sooner.",
    ];

    private static readonly string[] WithheldReasons =
    [
        "The Board decided not to publish the findings, to protect the privacy of the child and the family.",
        "Publishing the findings could identify the child, so the Board decided to publish only the learning below.",
        "Criminal proceedings linked to the case meant the Board decided not to publish the findings.",
    ];

    // The real glossary, its themes limited to the synthetic site's: search's terms file is then as large
    // as the real site's, and every abbreviation is marked up as it is there.
    private static string GlossaryFor(string glossary, IReadOnlySet<string> themes)
    {
        var lines = glossary.Split('\n').Select(line =>
        {
            if (!line.TrimStart().StartsWith("themes: [", StringComparison.Ordinal)) return line;
            var kept = line[(line.IndexOf('[', StringComparison.Ordinal) + 1)..line.LastIndexOf(']')].Split(',', StringSplitOptions.TrimEntries).Where(themes.Contains).ToList();
            return kept.Count == 0 ? null : line[..line.IndexOf('[', StringComparison.Ordinal)] + "[" + string.Join(", ", kept) + "]";
        });
        return string.Join('\n', lines.OfType<string>());
    }

    // The real settings, with the help lines moved onto the synthetic themes: the same services, so that
    // every case and theme page shows a few, as on the real site.
    private static string WithSyntheticHelpLines(string config)
    {
        var lines = config.Split('\n').ToList();
        if (SettingsText.HelpLinesBlock(lines) is not (var start, var end)) return config;
        var themes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["childline"] = "[neglect, child-sexual-exploitation, domestic-abuse, online-safety]",
            ["national-domestic-abuse-helpline"] = "[domestic-abuse]",
            ["samaritans"] = "[parental-mental-health]",
        };
        string? current = null;
        for (var i = start + 1; i < end; i++)
        {
            if (lines[i].StartsWith("  ", StringComparison.Ordinal) && !lines[i].StartsWith("   ", StringComparison.Ordinal)) current = lines[i].Trim().TrimEnd(':');
            else if (lines[i].TrimStart().StartsWith("themes:", StringComparison.Ordinal) && current is not null && themes.TryGetValue(current, out var slugs))
                lines[i] = "    themes: " + slugs;
        }

        return string.Join('\n', lines);
    }

    /// <summary>Writes the site for <paramref name="cases"/> cases into <paramref name="dir"/> (emptied first).</summary>
    public static GeneratedSite Generate(string repoRoot, string dir, int cases)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        foreach (var sub in new[] { "cases", "themes", "responses", "pages", "sources" })
            Directory.CreateDirectory(Path.Combine(dir, "input", sub));
        File.WriteAllText(Path.Combine(dir, "statiq.config"), WithSyntheticHelpLines(File.ReadAllText(Path.Combine(repoRoot, "statiq.config"))));
        // The Board's language list, so that the safeguarding checks do their real work.
        Directory.CreateDirectory(Path.Combine(dir, "checks"));
        File.Copy(Path.Combine(repoRoot, "checks", "language.yml"), Path.Combine(dir, "checks", "language.yml"));

        var shape = SiteShape.For(cases);
        var random = new Random(Seed);
        var writer = new SiteWriter(dir);

        var themes = ThemeNames(shape.Themes);
        var responses = ResponseNames(shape.Responses, themes);
        writer.Write("input/glossary.yml", GlossaryFor(File.ReadAllText(Path.Combine(repoRoot, "input", "glossary.yml")), themes.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal)));

        // A bulletin a year, as a Board publishes them: every case and response names one.
        for (var i = 0; i < SourceCount; i++)
            writer.Write($"input/sources/{SourceSlug(i)}.md", string.Create(CultureInfo.InvariantCulture,
                $"---\ntitle: Learning from case reviews, bulletin {i + 1}\npublisher: The Board\ndate: {2016 + i % 10}-{1 + i / 10:00}\n---\nThe Board's bulletin for practitioners.\n"));
        for (var i = 0; i < themes.Count; i++) writer.Write($"input/themes/{themes[i].Slug}.md", Theme(random, i, themes, responses));
        for (var i = 0; i < responses.Count; i++) writer.Write($"input/responses/{responses[i].Slug}.md", Response(random, responses[i], themes));

        var withheld = 0;
        long words = 0;
        for (var i = 1; i <= cases; i++)
        {
            var (slug, text, isWithheld, bodyWords) = Case(random, i, themes, responses);
            writer.Write($"input/cases/{slug}.md", text);
            if (isWithheld) withheld++;
            words += bodyWords;
        }

        writer.Write("input/index.md", Home(themes, responses));
        foreach (var (slug, title, summary) in PlainPages)
            writer.Write($"input/pages/{slug}.md", Plain(random, title, summary));

        return new GeneratedSite(shape, withheld, writer.Files, writer.Bytes, words, clock.Elapsed);
    }

    private sealed class SiteWriter(string root)
    {
        private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

        public int Files { get; private set; }

        public long Bytes { get; private set; }

        public void Write(string relative, string text)
        {
            var bytes = Utf8.GetBytes(text);
            File.WriteAllBytes(Path.Combine(root, relative), bytes);
            Files++;
            Bytes += bytes.Length;
        }
    }

    private sealed record Named(string Slug, string Title, int Theme = -1);

    private static List<Named> ThemeNames(int count)
    {
        var names = new List<Named>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; names.Count < count; i++)
        {
            string title;
            if (i < CoreThemes.Length)
            {
                title = CoreThemes[i].Title;
            }
            else
            {
                var k = i - CoreThemes.Length;
                var round = k / (Topics.Length * Settings.Length);
                title = Capitalise($"{Topics[k % Topics.Length]} in {Settings[k / Topics.Length % Settings.Length]}")
                    + (round > 0 ? string.Create(CultureInfo.InvariantCulture, $" {round + 1}") : "");
            }

            var slug = Slugs.From(title);
            if (seen.Add(slug)) names.Add(new Named(slug, title));
        }

        return names;
    }

    private static List<Named> ResponseNames(int count, List<Named> themes)
    {
        var names = new List<Named>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; names.Count < count; i++)
        {
            var theme = i % themes.Count;
            var round = i / (Actions.Length * themes.Count);
            var title = $"{Actions[i / themes.Count % Actions.Length]} {Lower(themes[theme].Title)}"
                + (round > 0 ? string.Create(CultureInfo.InvariantCulture, $" {round + 1}") : "");
            var slug = Slugs.From(title);
            if (seen.Add(slug)) names.Add(new Named(slug, title, theme));
        }

        return names;
    }

    private static string Theme(Random random, int index, List<Named> themes, List<Named> responses)
    {
        var t = themes[index];
        var topic = Lower(t.Title);
        var sb = new StringBuilder();
        sb.Append("---\n");
        sb.Append("title: ").Append(t.Title).Append('\n');
        sb.Append("summary: ").Append(Capitalise(topic)).Append(" was a theme of several reviews. This page lists the reviews and the Board's responses that carry it.\n");
        // One theme in ten includes and relates to others. Includes point only to themes later
        // in the list, so they can never form a circle; related never names the theme itself.
        if (index % 10 == 2 && themes.Count > 1)
        {
            var later = Enumerable.Range(index + 1, themes.Count - index - 1).ToList();
            if (later.Count > 0)
                sb.Append("includes: [").Append(string.Join(", ", Pick(random, later, random.Next(1, 4)).Select(j => themes[j].Slug))).Append("]\n");
            var others = Enumerable.Range(0, themes.Count).Where(j => j != index).ToList();
            sb.Append("related: [").Append(string.Join(", ", Pick(random, others, random.Next(1, 3)).Select(j => themes[j].Slug))).Append("]\n");
        }

        sb.Append("---\n");
        var ctx = new Context(random, "the child", [topic]);
        sb.Append("## What the reviews found\n\n");
        sb.Append(Capitalise(topic)).Append(" was one of the themes identified from the reviews. ");
        AppendSentences(sb, ctx, FindingTemplates, random.Next(3, 6));
        sb.Append("\n\n");
        AppendSentences(sb, ctx, StoryTemplates, random.Next(2, 5));
        sb.Append("\n\n");
        var other = themes[(index + 1 + random.Next(themes.Count - 1)) % themes.Count];
        if (other.Slug != t.Slug)
            sb.Append("It is often seen together with [").Append(Lower(other.Title)).Append("](").Append(other.Slug).Append(".md).\n\n");
        var response = responses[random.Next(responses.Count)];
        sb.Append("## What the Board did\n\n");
        sb.Append("The Board's responses include [").Append(Lower(response.Title)).Append("](../responses/").Append(response.Slug).Append(".md). ");
        AppendSentences(sb, ctx, LearningTemplates, random.Next(2, 4));
        sb.Append('\n');
        return sb.ToString();
    }

    private const int SourceCount = 20;

    private static string SourceSlug(int i) => string.Create(CultureInfo.InvariantCulture, $"bulletin-{i + 1:00}");

    private static string Response(Random random, Named r, List<Named> themes)
    {
        var own = new List<int> { r.Theme };
        own.AddRange(Pick(random, Enumerable.Range(0, themes.Count).Where(j => j != r.Theme).ToList(), random.Next(0, 3)));
        var sb = new StringBuilder();
        sb.Append("---\n");
        sb.Append("title: ").Append(r.Title).Append('\n');
        sb.Append("summary: The Board's response to what the reviews found about ").Append(Lower(themes[r.Theme].Title)).Append(", agreed by every partner agency.\n");
        sb.Append("status: ").Append(random.Next(4) switch { 0 => "planned", 1 => "in-progress", 2 => "completed", _ => "in-place" }).Append('\n');
        sb.Append("as_at: ").Append(RandomDate(random, new DateOnly(2016, 1, 1), new DateOnly(2025, 12, 31))[..7]).Append('\n');
        sb.Append("sources: [").Append(SourceSlug(random.Next(SourceCount))).Append("]\n");
        sb.Append("themes: [").Append(string.Join(", ", own.Select(j => themes[j].Slug))).Append("]\n");
        if (random.NextDouble() < 0.5)
            sb.Append("date: ").Append(RandomDate(random, new DateOnly(2016, 1, 1), new DateOnly(2025, 12, 31))).Append('\n');
        sb.Append("---\n");
        var ctx = new Context(random, "each child", own.Select(j => Lower(themes[j].Title)).ToList());
        AppendSentences(sb, ctx, LearningTemplates, random.Next(3, 6));
        sb.Append("\n\n");
        sb.Append("Progress is reported to the Board every quarter. ");
        AppendSentences(sb, ctx, FindingTemplates, random.Next(2, 4));
        sb.Append('\n');
        return sb.ToString();
    }

    private static (string Slug, string Text, bool Withheld, int Words) Case(Random random, int i, List<Named> themes, List<Named> responses)
    {
        var letter = (char)('A' + (i - 1) % 26);
        var name = string.Create(CultureInfo.InvariantCulture, $"{letter}{i}");
        var slug = "child-" + name.ToLowerInvariant();
        var child = "Child " + name;

        // Two to four themes; half the picks come from the twelve core themes, so those are common.
        var chosen = new List<int>();
        var wanted = random.Next(2, 5);
        while (chosen.Count < Math.Min(wanted, themes.Count))
        {
            var j = random.NextDouble() < 0.5 ? random.Next(Math.Min(CoreThemes.Length, themes.Count)) : random.Next(themes.Count);
            if (!chosen.Contains(j)) chosen.Add(j);
        }

        var ownResponses = Pick(random, Enumerable.Range(0, responses.Count).ToList(), random.Next(1, 4));
        var withheld = random.NextDouble() < 0.03;
        var thematic = random.NextDouble() < 0.2;
        var startYear = 2014 + random.Next(10);
        var published = new DateOnly(startYear, 4, 1).AddDays(random.Next(300, 1000));
        var last = new DateOnly(2025, 12, 31);
        if (published > last) published = last.AddDays(-random.Next(0, 60));

        var ctx = new Context(random, child, chosen.Select(j => Lower(themes[j].Title)).ToList());
        var sb = new StringBuilder(6000);
        sb.Append("---\n");
        sb.Append("title: ").Append(child).Append('\n');
        sb.Append("summary: ").Append(Summary(ctx)).Append('\n');
        sb.Append("review_type: ").Append(thematic ? "thematic-review" : "serious-case-review").Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"year: {startYear}-{(startYear + 1) % 100:00}\n");
        sb.Append("published: ").Append(published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("publication: ").Append(withheld ? "withheld" : "published").Append('\n');
        if (withheld) sb.Append("withheld_reason: ").Append(WithheldReasons[random.Next(WithheldReasons.Length)]).Append('\n');
        sb.Append("themes: [").Append(string.Join(", ", chosen.Select(j => themes[j].Slug))).Append("]\n");
        sb.Append("responses: [").Append(string.Join(", ", ownResponses.Select(j => responses[j].Slug))).Append("]\n");
        sb.Append("sources: [").Append(SourceSlug(i % SourceCount)).Append("]\n");
        // Key learning on every case, as on the real site: three points in the case's own terms.
        sb.Append("key_learning:\n");
        foreach (var point in KeyLearning) sb.Append("  - ").Append(Fill(ctx, point)).Append('\n');
        if (!withheld && random.NextDouble() < 0.1)
            sb.Append("questions:\n  - ").Append(Fill(ctx, "How do you make sure that {concern} is discussed with the {agency} before a case is closed?")).Append('\n');
        sb.Append("draft: false\n");
        sb.Append("---\n");
        var bodyStart = sb.Length;

        if (withheld)
        {
            // Only the learning the Board made public: no sections, no findings.
            AppendSentences(sb, ctx, LearningTemplates, random.Next(3, 5));
            sb.Append(" This learning is part of the Board's work on [").Append(Lower(themes[chosen[0]].Title))
                .Append("](../themes/").Append(themes[chosen[0]].Slug).Append(".md).\n");
        }
        else
        {
            // The bullet lists and link sentences come on top of the sections' sentences.
            var target = random.Next(400, 801) - 120;
            Section(sb, ctx, "What happened", StoryTemplates, target * 25 / 100, bullets: false);
            Section(sb, ctx, "What the review found", FindingTemplates, target * 35 / 100, bullets: true);
            sb.Append("## Learning\n\n");
            sb.Append("This review adds to what the Board knows about ");
            for (var k = 0; k < chosen.Count; k++)
            {
                if (k > 0) sb.Append(k == chosen.Count - 1 ? " and " : ", ");
                sb.Append('[').Append(Lower(themes[chosen[k]].Title)).Append("](../themes/").Append(themes[chosen[k]].Slug).Append(".md)");
            }

            sb.Append(". ");
            AppendUntil(sb, ctx, LearningTemplates, target * 25 / 100 - 12);
            sb.Append("\n\n");
            AppendBullets(sb, ctx, random.Next(3, 6));
            sb.Append("## What the Board did\n\n");
            var firstResponse = responses[ownResponses[0]];
            sb.Append("The Board responded through [").Append(Lower(firstResponse.Title)).Append("](../responses/")
                .Append(firstResponse.Slug).Append(".md). ");
            AppendUntil(sb, ctx, LearningTemplates, target * 15 / 100 - 8);
            sb.Append('\n');
        }

        var text = sb.ToString();
        return (slug, text, withheld, CountWords(text.AsSpan(bodyStart)));
    }

    private static void Section(StringBuilder sb, Context ctx, string heading, string[] templates, int words, bool bullets)
    {
        sb.Append("## ").Append(heading).Append("\n\n");
        var firstHalf = bullets ? words / 2 : words;
        AppendUntil(sb, ctx, templates, firstHalf);
        sb.Append("\n\n");
        if (!bullets) return;
        sb.Append("The review found that:\n\n");
        AppendBullets(sb, ctx, ctx.Random.Next(3, 6));
        AppendUntil(sb, ctx, templates, words - firstHalf - 40);
        sb.Append("\n\n");
    }

    private static void AppendBullets(StringBuilder sb, Context ctx, int count)
    {
        foreach (var template in Pick(ctx.Random, BulletTemplates, count))
            sb.Append("- ").Append(Fill(ctx, template)).Append('\n');
        sb.Append('\n');
    }

    /// <summary>Appends sentences (as one paragraph, split every five sentences) until about <paramref name="words"/> words.</summary>
    private static void AppendUntil(StringBuilder sb, Context ctx, string[] templates, int words)
    {
        var written = 0;
        var sentences = 0;
        do
        {
            if (sentences > 0) sb.Append(sentences % 5 == 0 ? "\n\n" : " ");
            var sentence = Fill(ctx, templates[ctx.Random.Next(templates.Length)]);
            sb.Append(sentence);
            written += CountWords(sentence);
            sentences++;
        }
        while (written < words);
    }

    private static void AppendSentences(StringBuilder sb, Context ctx, string[] templates, int count)
    {
        for (var k = 0; k < count; k++)
        {
            if (k > 0) sb.Append(' ');
            sb.Append(Fill(ctx, templates[ctx.Random.Next(templates.Length)]));
        }
    }

    private static readonly string[] KeyLearning =
    [
        "Agencies need to share what they know about {concern} with the {agency}.",
        "Keep the child in focus when {concern} features over a long time.",
        "Take {concern} into account in all assessments and referrals.",
    ];

    private static string Summary(Context ctx)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var s = Fill(ctx, SummaryTemplates[ctx.Random.Next(SummaryTemplates.Length)]);
            if (s.Length < 200) return s;
        }

        return "A child known to several agencies. The review looked at how agencies shared what they knew and kept the child in focus.";
    }

    /// <summary>What the slots of one page's sentences are filled from.</summary>
    private sealed record Context(Random Random, string Child, List<string> Topics);

    private static string Fill(Context ctx, string template)
    {
        var r = ctx.Random;
        var sb = new StringBuilder(template.Length + 64);
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                sb.Append(template[i]);
                continue;
            }

            var end = template.IndexOf('}', i);
            var slot = template[(i + 1)..end];
            i = end;
            var agency = Agencies[r.Next(Agencies.Length)];
            sb.Append(slot switch
            {
                "Child" => Capitalise(ctx.Child),
                "child" => ctx.Child,
                "Person" => Capitalise(People[r.Next(People.Length)]),
                "person" => People[r.Next(People.Length)],
                "agency" => agency,
                "agency2" => Agencies[(Array.IndexOf(Agencies, agency) + 1 + r.Next(Agencies.Length - 1)) % Agencies.Length],
                "period" => Periods[r.Next(Periods.Length)],
                // Half the time one of the page's own themes, so the theme words are in the text.
                "concern" => r.NextDouble() < 0.5 && ctx.Topics.Count > 0 ? ctx.Topics[r.Next(ctx.Topics.Count)] : Concerns[r.Next(Concerns.Length)],
                "quality" or "quality2" => Qualities[r.Next(Qualities.Length)],
                "count" => (2 + r.Next(9)).ToString(CultureInfo.InvariantCulture),
                "month" => Months[r.Next(Months.Length)],
                "year" => (2012 + r.Next(12)).ToString(CultureInfo.InvariantCulture),
                "age" => Ages[r.Next(Ages.Length)],
                _ => throw new InvalidOperationException($"unknown slot {slot}"),
            });
        }

        return sb.ToString();
    }

    private static readonly (string Slug, string Title, string Summary)[] PlainPages =
    [
        ("about", "About this site", "This site sets out the learning from the Board's case reviews, and what the Board did in response."),
        ("accessibility", "Accessibility", "How accessible this site is, and how to ask for information in a different format."),
        ("privacy", "Privacy", "This site sets no cookies and loads nothing from any other website."),
        ("staying-safe-online", "Staying safe online", "How to leave this site quickly and cover your tracks if someone checks what you look at."),
    ];

    private static string Plain(Random random, string title, string summary)
    {
        var ctx = new Context(random, "a child", ["the reviews"]);
        var sb = new StringBuilder();
        sb.Append("---\ntitle: ").Append(title).Append("\nsummary: ").Append(summary).Append("\n---\n");
        sb.Append("## What this page covers\n\n");
        AppendSentences(sb, ctx, LearningTemplates, 3);
        sb.Append("\n\n## More information\n\nRead about [neglect](../themes/neglect.md), one of the themes the reviews share, or about [staying safe online](staying-safe-online.md).\n");
        return sb.ToString();
    }

    private static string Home(List<Named> themes, List<Named> responses)
    {
        var sb = new StringBuilder();
        sb.Append("---\ntitle: Learning from case reviews\nsummary: What the Board learned from the case reviews it commissioned, and what it has done in response.\n---\n");
        sb.Append("The Board publishes the learning from its case reviews so that practitioners can apply it in their work.\n\n");
        sb.Append("## Main themes\n\nThe main themes identified from the reviews were:\n\n");
        foreach (var t in themes.Take(12)) sb.Append("- [").Append(Lower(t.Title)).Append("](themes/").Append(t.Slug).Append(".md)\n");
        sb.Append("\n## What the Board has done\n\nResponses to the learning include:\n\n");
        foreach (var r in responses.Take(6)) sb.Append("- [").Append(Lower(r.Title)).Append("](responses/").Append(r.Slug).Append(".md)\n");
        return sb.ToString();
    }

    private static List<T> Pick<T>(Random random, IReadOnlyList<T> from, int count)
    {
        var indexes = Enumerable.Range(0, from.Count).ToArray();
        count = Math.Min(count, indexes.Length);
        for (var k = 0; k < count; k++)
        {
            var j = k + random.Next(indexes.Length - k);
            (indexes[k], indexes[j]) = (indexes[j], indexes[k]);
        }

        return indexes.Take(count).Select(k => from[k]).ToList();
    }

    private static string RandomDate(Random random, DateOnly from, DateOnly to) =>
        from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int CountWords(ReadOnlySpan<char> text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord) words++;
            inWord = letter;
        }

        return words;
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>A title as running text: "Domestic abuse" becomes "domestic abuse"; "GP practice" stays.</summary>
    private static string Lower(string title) =>
        title.Length > 1 && char.IsUpper(title[0]) && !char.IsUpper(title[1]) ? char.ToLowerInvariant(title[0]) + title[1..] : title;
}
