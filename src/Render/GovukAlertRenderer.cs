using Markdig;
using Markdig.Extensions.Alerts;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Lscb.Site.Render;

/// <summary>
/// Renders GitHub's alerts (<c>&gt; [!NOTE]</c>, <c>[!WARNING]</c> ...) as GOV.UK components, so
/// that what an editor sees in GitHub's preview reaches readers in the site's own style: a note,
/// tip or important point as inset text with its label, a warning or caution as warning text.
/// </summary>
public sealed class GovukAlertRenderer : HtmlObjectRenderer<AlertBlock>
{
    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, AlertBlock obj)
    {
        var kind = obj.Kind.ToString().ToUpperInvariant();
        var label = kind switch
        {
            "TIP" => "Tip",
            "IMPORTANT" => "Important",
            "WARNING" => "Warning",
            "CAUTION" => "Caution",
            _ => "Note",
        };
        renderer.EnsureLine();
        if (kind is "WARNING" or "CAUTION")
        {
            renderer.Write("<div class=\"govuk-warning-text\">\n<span class=\"govuk-warning-text__icon\" aria-hidden=\"true\">!</span>\n");
            renderer.Write("<div class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">").Write(label).Write(": </span>\n");
            renderer.WriteChildren(obj);
            renderer.Write("</div>\n</div>\n");
            return;
        }

        renderer.Write("<div class=\"govuk-inset-text\">\n<p class=\"govuk-body\"><strong>").Write(label).Write("</strong></p>\n");
        renderer.WriteChildren(obj);
        renderer.Write("</div>\n");
    }

    /// <summary>Puts this renderer in place of Markdig's own, which draws GitHub's icons and classes.</summary>
    public sealed class Extension : IMarkdownExtension
    {
        /// <inheritdoc />
        public void Setup(MarkdownPipelineBuilder pipeline)
        {
        }

        /// <inheritdoc />
        public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
        {
            if (renderer is HtmlRenderer html) html.ObjectRenderers.ReplaceOrAdd<AlertBlockRenderer>(new GovukAlertRenderer());
        }
    }
}
