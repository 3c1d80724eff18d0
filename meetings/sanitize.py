"""Minutes text is HTML from a rich-text editor: keep the formatting secretaries use, drop everything else."""

import nh3

ALLOWED_TAGS = {"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "a", "blockquote", "h3", "h4"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}


def clean_html(html):
    """Sanitise with an allow-list: no script, style, event handler or javascript: URL ever survives."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def html_to_text(html):
    """Plain text of sanitised HTML, one paragraph per line (for diffs and search)."""
    import re
    from html import unescape

    text = re.sub(r"</(p|li|h3|h4|blockquote)>|<br\s*/?>", "\n", html or "")
    text = re.sub(r"<[^>]+>", "", text)
    return "\n".join(line.strip() for line in unescape(text).splitlines() if line.strip())
