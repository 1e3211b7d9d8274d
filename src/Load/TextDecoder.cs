using System.Text;
using Lscb.Site.Core;

namespace Lscb.Site.Load;

/// <summary>
/// Turns a file's bytes into text the way editors expect: UTF-8 with or without a byte order mark,
/// Windows or Unix line ends. Anything that is not UTF-8 is an error that names the line.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes, or reports SCR001 with the line of the first bad byte and returns null.</summary>
    public static string? Decode(byte[] bytes, string path, DiagnosticBag diagnostics)
    {
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        string text;
        try
        {
            text = Strict.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var index = Math.Clamp(start + e.Index, 0, bytes.Length);
            var line = 1 + bytes.AsSpan(0, index).Count((byte)'\n');
            diagnostics.Report(DiagnosticCodes.NotUtf8, new SourceSpan(path, line, 1),
                "this file is not saved as UTF-8 text; save it again as UTF-8 (in most editors: Save with encoding, UTF-8)");
            return null;
        }

        // One line-end convention from here on, so line numbers and output do not depend on the editor used.
        text = text.Contains('\r', StringComparison.Ordinal)
            ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            : text;

        // Invisible control characters (often pasted from a PDF or a word processor) cannot be written
        // into HTML or the Atom feed, so they are refused here, where the line and column are known.
        if (IndexOfForbidden(text) is var i and >= 0)
        {
            var lineStart = i == 0 ? 0 : text.LastIndexOf('\n', i - 1) + 1;
            var line = 1 + text.AsSpan(0, i).Count('\n');
            diagnostics.Report(DiagnosticCodes.NotUtf8, new SourceSpan(path, line, i - lineStart + 1),
                $"this line holds an invisible control character (U+{(int)text[i]:X4}), usually pasted in from another program; delete it");
            return null;
        }

        return text;
    }

    /// <summary>The index of the first character that <see cref="IsForbidden"/> refuses, or -1.</summary>
    public static int IndexOfForbidden(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsForbidden(text[i])) return i;
        }

        return -1;
    }

    /// <summary>Control characters other than tab and line end, and the non-characters U+FFFE and U+FFFF: not allowed in HTML or XML text.</summary>
    public static bool IsForbidden(char c) => (char.IsControl(c) && c is not ('\t' or '\n')) || c is '\uFFFE' or '\uFFFF';
}
