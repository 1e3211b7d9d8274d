namespace Lscb.Site.Core;

/// <summary>
/// Where rendered pages go as they are made: the staging folder of a build. Render writes into it
/// without knowing how files are written, so that memory stays flat however many pages there are.
/// </summary>
public interface IPageSink
{
    /// <summary>Adds a page, as the UTF-8 it is written in; a second file with the same path is a generator bug.</summary>
    /// <returns>What was staged, for <see cref="TryAddKnown"/> in a later build.</returns>
    StagedFile AddBytes(string path, byte[] bytes);

    /// <summary>Adds a file staged by an earlier build, when the folder being updated still holds exactly that file.</summary>
    /// <returns>False, and nothing added, when the folder does not hold it.</returns>
    bool TryAddKnown(string path, StagedFile before);
}

/// <summary>One output file.</summary>
/// <param name="Bytes">The content, when updating a folder in place and it changed; it is written when the site is published.</param>
/// <param name="Hash">The SHA-256 of the file's content; null when the site was staged without hashes.</param>
/// <param name="Links">The values of the link attributes in an HTML or XML file, as written.</param>
public sealed record StagedFile(byte[]? Bytes, byte[]? Hash, IReadOnlyList<string> Links)
{
    internal static readonly StagedFile Pending = new(null, null, []);
}
