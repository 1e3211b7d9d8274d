using System.Globalization;
using System.Text.RegularExpressions;
using Lscb.Site.Core;

namespace Lscb.Site.Validate;

/// <summary>One thing the safeguarding checks found in a piece of text.</summary>
/// <param name="Code">The diagnostic code.</param>
/// <param name="Index">Where the match starts in the text.</param>
/// <param name="Length">How long the match is.</param>
/// <param name="Message">What it is and what to write instead.</param>
public sealed record Finding(DiagnosticCode Code, int Index, int Length, string Message)
{
    /// <summary>True for language (a warning); identifying details are always errors.</summary>
    public bool IsWarning => Code.Severity == Severity.Warning;
}

/// <summary>
/// Finds details that could identify a child or family: postcodes, dates of birth and exact dates of
/// a birth, death, injury or incident, NHS numbers, phone numbers other than the site's own,
/// email addresses, street addresses, names of schools, nurseries, surgeries and children's homes,
/// and an exact age beside an exact date. Pure text in, findings out: it knows nothing of files.
/// </summary>
/// <remarks>
/// Every pattern is tuned against near misses that must pass (a Board year such as 2015-16,
/// "January 2017", the configured helpline numbers, "Child O", "Year 6", "section 47"); the bad-input
/// corpus holds both. The patterns are anchored on a digit, an '@' or a capitalised keyword, so the
/// regex engine skips most text without trying them.
/// </remarks>
public static partial class DetailScanner
{
    private const string Months = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";

    /// <summary>Everything found in <paramref name="text"/>, in order of position.</summary>
    /// <param name="text">The text to scan.</param>
    /// <param name="sitePhones">The site's own numbers (from statiq.config), as digits only; never reported.</param>
    /// <remarks>
    /// Paragraph by paragraph (a blank line ends one), and each pattern only where it can match: most
    /// patterns need a digit, the email one an '@', the institution one a keyword such as "School".
    /// Most paragraphs have none, and a vectorised search for them is much cheaper than the patterns.
    /// </remarks>
    public static List<Finding> Scan(string text, IReadOnlySet<string> sitePhones)
    {
        var found = new List<Finding>();
        foreach (var p in Paragraphs(text))
        {
            var span = text.AsSpan(p.Start, p.Length);
            if (span.ContainsAnyInRange('0', '9'))
            {
                Postcodes(text, p, found);
                Dates(text, p, found);
                Numbers(text, p, sitePhones, found);
                foreach (var m in In(StreetAddress(), text, p))
                    found.Add(new(DiagnosticCodes.StreetAddress, m.Index, m.Length,
                        $"'{Show(m.Value)}' looks like a street address; name no street or house: write 'the family home', or name only the borough"));
            }

            if (span.Contains('@'))
            {
                foreach (var m in In(Email(), text, p))
                    found.Add(new(DiagnosticCodes.EmailAddress, m.Index, m.Length,
                        $"'{Show(m.Value)}' is an email address; remove it. An address can identify a person, and readers are helped through the numbers in statiq.config"));
            }

            if (span.ContainsAny(InstitutionWords)) Institutions(text, p, found);
        }

        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        // Two patterns may find the same thing ("moved to the WA8 area"): it is one finding.
        found = found.DistinctBy(f => (f.Code, f.Index)).ToList();
        return found;
    }

    /// <summary>A stretch of the text: one paragraph.</summary>
    private readonly record struct Part(int Start, int Length);

    private static IEnumerable<Part> Paragraphs(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var blank = text.IndexOf("\n\n", start, StringComparison.Ordinal);
            var end = blank < 0 ? text.Length : blank;
            if (end > start) yield return new Part(start, end - start);
            start = end + 2;
        }
    }

    // The matches inside one part; lookbehinds and lookaheads do not see past its edges.
    private static IEnumerable<Match> In(Regex regex, string text, Part part)
    {
        for (var m = regex.Match(text, part.Start, part.Length); m.Success; m = m.NextMatch()) yield return m;
    }

    private static readonly System.Buffers.SearchValues<string> InstitutionWords = System.Buffers.SearchValues.Create(
        ["Primary", "Infant", "Junior", "School", "Academy", "College", "Nursery", "Pre-school", "Surgery", "Medical Centre", "Health Centre", "Home"],
        StringComparison.Ordinal);

    private static void Postcodes(string text, Part p, List<Finding> found)
    {
        foreach (var m in In(FullPostcode(), text, p))
            found.Add(new(DiagnosticCodes.Postcode, m.Index, m.Length,
                $"'{Show(m.Value)}' looks like a postcode, which can point to a family's home; name no place smaller than the borough (e.g. 'in Knowsley')"));
        foreach (var m in In(OutwardPostcode(), text, p).Concat(In(OutwardPostcodeArea(), text, p)))
        {
            var code = m.Groups["code"];
            found.Add(new(DiagnosticCodes.Postcode, code.Index, code.Length,
                $"'{code.Value}' is the first half of a postcode, used here as a place; name no place smaller than the borough (e.g. 'in Knowsley')"));
        }
    }

    private static void Dates(string text, Part p, List<Finding> found)
    {
        var dates = FullDates(text, p).ToList();
        if (dates.Count == 0) return;
        foreach (var (index, length, value) in dates)
        {
            var before = Before(text, index, 70);
            var after = After(text, index + length, 50);
            if (Birth().IsMatch(before) || Birth().IsMatch(after))
                found.Add(new(DiagnosticCodes.ExactDateOfEvent, index, length,
                    $"'{Show(value)}' is an exact date of birth; write a season and year or the Board year instead (e.g. 'spring 2009', '2008-09'), never the day"));
            else if (Event().IsMatch(before) || Event().IsMatch(after))
                found.Add(new(DiagnosticCodes.ExactDateOfEvent, index, length,
                    $"'{Show(value)}' is the exact date of a death, injury or incident; write a season and year or the Board year instead (e.g. 'spring 2016', '2015-16')"));
        }

        // An age beside an exact date gives a date of birth: each age is paired with its nearest date.
        foreach (var age in In(Age(), text, p))
        {
            var nearest = dates.MinBy(d => Math.Abs(d.Index - age.Index));
            var (from, to) = nearest.Index < age.Index ? (nearest.Index, age.Index) : (age.Index, nearest.Index);
            if (to - from > 100 || text.AsSpan(from, to - from).Contains("\n\n", StringComparison.Ordinal)) continue;
            found.Add(new(DiagnosticCodes.AgeBesideDate, age.Index, age.Length,
                $"'{Show(age.Value)}' stands beside the exact date '{Show(nearest.Value)}', and together they give a date of birth; give the age or a season and year, not both"));
        }
    }

    // Up to n characters before a position, and after one, cut at a blank line: a date in one
    // paragraph says nothing of the next.
    private static ReadOnlySpan<char> Before(string text, int index, int n)
    {
        var span = text.AsSpan(Math.Max(0, index - n), Math.Min(n, index));
        return span[(span.LastIndexOf("\n\n") + 1)..];
    }

    private static ReadOnlySpan<char> After(string text, int index, int n)
    {
        var span = text.AsSpan(index, Math.Min(n, text.Length - index));
        var blank = span.IndexOf("\n\n");
        return blank >= 0 ? span[..blank] : span;
    }

    /// <summary>A matched value as one line, for a message: a line break inside it becomes a space.</summary>
    private static string Show(string value) => string.Join(' ', value.Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries));

    // Full dates in the usual forms: 12 March 2009, 12th of March 2009, March 12, 2009, 12/03/2009, 12.3.09, 2009-03-12.
    private static IEnumerable<(int Index, int Length, string Value)> FullDates(string text, Part p)
    {
        foreach (var m in In(WordDate(), text, p)) yield return (m.Index, m.Length, m.Value);
        foreach (var m in In(NumericDate(), text, p))
        {
            var a = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var b = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            // Day and month either way round, as long as one reading is a real day of a real month.
            if ((a is >= 1 and <= 31 && b is >= 1 and <= 12) || (b is >= 1 and <= 31 && a is >= 1 and <= 12))
                yield return (m.Index, m.Length, m.Value);
        }

        foreach (var m in In(IsoDate(), text, p)) yield return (m.Index, m.Length, m.Value);
    }

    private static void Numbers(string text, Part p, IReadOnlySet<string> sitePhones, List<Finding> found)
    {
        foreach (var m in In(TenDigits(), text, p))
        {
            var digits = Digits(m.Value);
            if (digits.Length == 10 && IsNhsNumber(digits))
                found.Add(new(DiagnosticCodes.NhsNumber, m.Index, m.Length,
                    $"'{Show(m.Value)}' looks like an NHS number (it passes the NHS check digit); remove it: no health, case or reference number may be published"));
        }

        foreach (var m in In(Phone(), text, p))
        {
            var digits = Digits(m.Value);
            if (digits.StartsWith("44", StringComparison.Ordinal)) digits = "0" + digits[2..];
            if (sitePhones.Contains(digits) || (digits.Length == 10 && IsNhsNumber(digits))) continue;
            found.Add(new(DiagnosticCodes.PhoneNumber, m.Index, m.Length,
                $"'{Show(m.Value)}' is a phone number that is not one of the site's own (statiq.config); remove it. A national helpline's number belongs in statiq.config, taken from the service's own published page"));
        }
    }

    /// <summary>True for ten digits whose last is the NHS modulus 11 check digit of the first nine.</summary>
    public static bool IsNhsNumber(string digits)
    {
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit)) return false;
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (digits[i] - '0') * (10 - i);
        var check = 11 - (sum % 11);
        if (check == 11) check = 0;
        return check != 10 && check == digits[9] - '0';
    }

    /// <summary>The digits of a phone number as written, for comparing "0808 800 5000" with "08088005000".</summary>
    public static string Digits(string text) => string.Concat(text.Where(char.IsAsciiDigit));

    private static void Institutions(string text, Part p, List<Finding> found)
    {
        foreach (var m in In(Institution(), text, p))
        {
            var name = m.Groups["name"].Value;
            // "Primary School" or "the High School" alone names no school; a name has a word of its own.
            if (name.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => Generic.Contains(w.Trim('\'', '’'))))
                continue;
            found.Add(new(DiagnosticCodes.NamedPlace, m.Index, m.Length,
                $"'{Show(m.Value)}' looks like the name of a school, nursery, surgery or children's home, which can identify a child; write what it is instead (e.g. 'the child's primary school', 'the GP surgery')"));
        }
    }

    private static readonly HashSet<string> Generic = new(StringComparer.OrdinalIgnoreCase)
    {
        "The", "A", "An", "His", "Her", "Their", "Its", "Local", "New", "Old", "Same", "Another", "Other", "Each", "Every", "This", "That",
        "Primary", "Secondary", "Infant", "Infants", "Junior", "Juniors", "High", "Grammar", "Special", "Independent", "Free", "Faith",
        "Catholic", "Church", "CE", "RC", "Community", "Village", "Residential", "Private", "Mainstream", "Sixth", "Form", "Day",
        "Medical", "Health", "Doctors", "Doctor's", "GP", "Dental", "Further", "Education", "Children's", "Childrens", "Boarding",
        "Nursery", "School", "Academy", "College", "Pupil", "Referral", "Unit", "Pre-school", "Preschool",
    };

    [GeneratedRegex(@"\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex FullPostcode();

    // An outward code only where the text uses it as a place: "postcode L36", "lived in L36", "the L36 area".
    [GeneratedRegex(@"\b(?:[Pp]ost ?codes?|[Ll]ived in|[Ll]ives in|[Ll]iving in|[Mm]oved to|[Aa]ddress in)\s+(?:the\s+)?(?<code>[A-Z]{1,2}[0-9][A-Z0-9]?)\b(?! ?[0-9][A-Z]{2}\b)", RegexOptions.CultureInvariant)]
    private static partial Regex OutwardPostcode();

    [GeneratedRegex(@"\b(?<code>[A-Z]{1,2}[0-9][A-Z0-9]?)\s+(?:area|district)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OutwardPostcodeArea();

    // Day first in any case ("12 march 2009"); month first only capitalised ("March 12, 2009"), as
    // English writes it, so that the common words "may" and "march" are not each tried as a date.
    [GeneratedRegex(@"\b(?:[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?\s+(?:of\s+)?(?i:" + Months + @")\.?,?\s+(?:19|20)[0-9]{2}\b|\b(?:" + Months + @")\.?\s+(?:[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?,?\s+(?:19|20)[0-9]{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex WordDate();

    [GeneratedRegex(@"(?<![0-9./-])([0-9]{1,2})[/.-]([0-9]{1,2})[/.-](?:(?:19|20)[0-9]{2}|[0-9]{2})(?![0-9./-]?[0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b(?:19|20)[0-9]{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])\b", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(?:born|birth|birthday|d\.?o\.?b\.?|dob)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Birth();

    [GeneratedRegex(@"\b(?:died|dies|death|dead|deceased|killed|murdered|injur(?:y|ies|ed)|incident|assault(?:ed)?|attacked|admitted|hospitali[sz]ed|fractured?|overdosed?|took (?:their|his|her) own life|found)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Event();

    [GeneratedRegex(@"\b(?:aged?\s+(?:[0-9]{1,2})(?:\s+(?:years?|months?))?|[0-9]{1,2}[- ](?:years?|months?|weeks?)[- ]old)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Age();

    // Ten digits, alone or as 3-3-4 with spaces or hyphens: the forms an NHS number is written in.
    [GeneratedRegex(@"(?<![0-9])[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{4}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex TenDigits();

    // UK numbers: 0 or +44, then 9 or 10 more digits in any grouping of spaces and hyphens.
    [GeneratedRegex(@"(?<![0-9+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)[0-9]{2,4}\)?(?:[ -]?[0-9]){6,8}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"\b[0-9]{1,4}[A-Za-z]?,?\s+(?:[A-Z][A-Za-z'’-]+\s+){1,3}(?:Road|Rd|Street|St|Close|Avenue|Ave|Drive|Dr|Way|Lane|Ln|Crescent|Cres|Grove|Place|Court|Gardens|Terrace|Walk|Row|Square|Mews|Rise|Parade|Green|Park|Boulevard|Croft|Fold|Brow|Vale)\b", RegexOptions.CultureInvariant)]
    private static partial Regex StreetAddress();

    [GeneratedRegex(@"\b(?<name>(?:(?:St\.?|Saint|[A-Z][A-Za-z'’-]+)\s+){1,4})(?:Primary|Infants?|Juniors?|School|Academy|College|Nursery|Pre-school|Surgery|Medical Centre|Health Centre|Children'?s Home|Childrens Home)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Institution();
}
