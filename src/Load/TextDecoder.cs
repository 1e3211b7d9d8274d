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
            diagnostics.Error("SCR001", new SourceSpan(path, line, 1),
                "this file is not saved as UTF-8 text; save it again as UTF-8 (in most editors: Save with encoding, UTF-8)");
            return null;
        }

        // One line-end convention from here on, so line numbers and output do not depend on the editor used.
        return text.Contains('\r', StringComparison.Ordinal)
            ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            : text;
    }
}
