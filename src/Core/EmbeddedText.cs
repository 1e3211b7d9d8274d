using System.Text;

namespace Lscb.Site.Core;

/// <summary>
/// Text files carried inside the generator (the EmbeddedResource items in Site.csproj, named by
/// their path in the repository), so that it finds them from whatever folder it is run.
/// </summary>
public static class EmbeddedText
{
    /// <summary>The text of the embedded file <paramref name="name"/>, such as <c>tools/preview-client.mjs</c>.</summary>
    public static string Read(string name)
    {
        using var stream = typeof(EmbeddedText).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The generator was built without '{name}'; it is listed as an EmbeddedResource in Site.csproj.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
