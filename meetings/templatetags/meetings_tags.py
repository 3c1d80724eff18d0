from django import template

from ..views_register import project_timeline as build_timeline

register = template.Library()


@register.simple_tag(takes_context=True)
def project_timeline(context, project):
    """Every § and decision the viewer may see that is linked to the project, oldest first."""
    return build_timeline(project, context["request"].user)
