from functools import partial

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.i18n import set_language

from finsam.collation import swedish_sort_key
from finsam.web import REFUSED, attempt, save_form

from . import roster, selectors, services
from .forms import AsOfForm, EndForm, MandateForm, MembershipForm, PersonForm, RosterUploadForm
from .models import Mandate, Membership, Project, active_on
from .permissions import (
    federation_for_editing_person,
    get_federation_for_editing,
    get_federation_for_user,
    get_person_for_editing,
    get_person_for_user,
    roles_for,
)
from .sections import feeds, project_sections


def language_set(request):
    """Django's language switch (a POST sets the cookie; either method goes back to the page), and for a signed-in
    person the language kept in the register too, so that their e-mail comes in it."""
    response = set_language(request)
    language = request.POST.get("language", "") if request.method == "POST" else ""
    person = roles_for(request.user).person
    if person is not None and language in dict(settings.LANGUAGES):
        services.person_language_set(actor=request.user, person=person, language=language)
    return response


@require_GET
def federation_list(request):
    return render(request, "federations/federation_list.html", {"groups": selectors.federations_by_network()})


@require_GET
def federation_detail(request, slug):
    federation = get_federation_for_user(request.user, slug)
    form = AsOfForm(request.GET or None)
    day = timezone.localdate()
    if form.is_bound and form.is_valid() and form.cleaned_data["datum"]:
        day = form.cleaned_data["datum"]
    bodies = list(federation.bodies.all())
    memberships = federation.memberships.filter(active_on(day)).select_related("organisation")
    context = {
        "federation": federation,
        "form": form,
        "day": day,
        "memberships": sorted(memberships, key=lambda m: swedish_sort_key(m.organisation.name)),
        "compositions": selectors.compositions(bodies, day),
        "projects": selectors.federation_projects(federation),
        "can_edit": roles_for(request.user).can_write(federation.pk),
        # The federation's feeds, then each body's (there is no page of a body: its feeds are offered here).
        "feeds": feeds(federation) + [feed for body in bodies for feed in feeds(body)],
    }
    return render(request, "federations/federation_detail.html", context)


@require_GET
def project_list(request):
    return render(request, "federations/project_list.html", {"projects": selectors.project_list()})


@require_GET
def project_detail(request, slug):
    project = get_object_or_404(
        Project.objects.select_related("owner", "lead").prefetch_related("participants", "results"), slug=slug
    )
    context = {"project": project, "sections": project_sections(request, project), "feeds": feeds(project)}
    return render(request, "federations/project_detail.html", context)


@require_GET
def person_detail(request, pk):
    person = get_person_for_user(request.user, pk)
    mandates = person.mandates.select_related(
        "body__federation", "body__network", "organisation", "represents"
    ).order_by("-start")
    today = timezone.localdate()
    return render(
        request,
        "federations/person_detail.html",
        {
            "person": person,
            "current": [m for m in mandates if m.is_active_on(today)],
            "past": [m for m in mandates if not m.is_active_on(today)],
            "edit_through": federation_for_editing_person(request.user, person),
        },
    )


@login_required
@require_GET
def register_edit(request, slug):
    """The secretary's view of the register: every mandate of the federation's bodies, current and ended."""
    federation = get_federation_for_editing(request.user, slug)
    mandates = (
        Mandate.objects.filter(body__federation=federation)
        .select_related("person", "body", "organisation")
        .order_by("body__name", "end", "person__name")
    )
    memberships = federation.memberships.select_related("organisation").order_by("organisation__name", "start")
    return render(
        request,
        "federations/register_edit.html",
        {"federation": federation, "mandates": mandates, "memberships": memberships, "today": timezone.localdate()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def mandate_create(request, slug):
    federation = get_federation_for_editing(request.user, slug)
    form = MandateForm(request.POST or None, federation=federation)

    def write(new_person, **data):
        return services.mandate_create(actor=request.user, new_person_name=new_person, **data)

    if save_form(request, form, write, _("Uppdraget är sparat.")):
        return redirect("federations:register_edit", slug=federation.slug)
    return render(request, "federations/mandate_form.html", {"federation": federation, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def mandate_end(request, slug, pk):
    federation = get_federation_for_editing(request.user, slug)
    mandate = get_object_or_404(Mandate.objects.select_related("person", "body"), pk=pk, body__federation=federation)
    form = EndForm(request.POST or None, initial={"end": timezone.localdate()})
    write = partial(services.mandate_end, actor=request.user, mandate=mandate)
    if save_form(request, form, write, _("Uppdraget är avslutat.")):
        return redirect("federations:register_edit", slug=federation.slug)
    return render(request, "federations/mandate_end.html", {"federation": federation, "mandate": mandate, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def person_edit(request, slug, pk=None):
    federation = get_federation_for_editing(request.user, slug)
    person = None
    if pk is not None:
        person = get_person_for_editing(request.user, federation, pk)
    form = PersonForm(request.POST or None, instance=person)
    write = partial(services.person_save, actor=request.user, person=person, federation=federation)
    if saved := save_form(request, form, write, _("Personen är sparad.")):
        return redirect("federations:person_detail", pk=saved.pk)
    return render(request, "federations/person_form.html", {"federation": federation, "form": form, "person": person})


@login_required
@require_http_methods(["GET", "POST"])
def membership_create(request, slug):
    federation = get_federation_for_editing(request.user, slug)
    form = MembershipForm(request.POST or None)
    write = partial(services.membership_create, actor=request.user, federation=federation)
    if save_form(request, form, write, _("Medlemskapet är sparat.")):
        return redirect("federations:register_edit", slug=federation.slug)
    return render(request, "federations/membership_form.html", {"federation": federation, "form": form})


@login_required
@require_POST
def membership_end(request, slug, pk):
    federation = get_federation_for_editing(request.user, slug)
    membership = get_object_or_404(Membership, pk=pk, federation=federation)
    form = EndForm(request.POST)
    if form.is_valid():
        ended = attempt(
            request,
            lambda: services.membership_end(actor=request.user, membership=membership, end=form.cleaned_data["end"]),
            _("Medlemskapet är avslutat."),
        )
        seats = selectors.seats_outliving(ended) if ended is not REFUSED else []
        if seats:
            messages.warning(
                request,
                _("%(organisation)s har utsett %(seats)s, som gäller efter %(date)s. Avsluta dem om de ska upphöra.")
                % {
                    "organisation": membership.organisation,
                    "seats": ", ".join(
                        f"{m.person.name} ({m.get_role_display().lower()}, {m.body.name})" for m in seats
                    ),
                    "date": date_format(ended.end, "j F Y"),
                },
            )
    else:
        messages.error(request, _("Ange ett giltigt slutdatum."))
    return redirect("federations:register_edit", slug=federation.slug)


ROSTER_SESSION_KEY = "roster_upload"


@login_required
@require_http_methods(["GET", "POST"])
def roster_import(request, slug):
    """Step 1: upload and dry run. Step 2 (confirm): import every row, or none."""
    federation = get_federation_for_editing(request.user, slug)
    form, plans = RosterUploadForm(), None
    if request.method == "POST" and "confirm" in request.POST:
        raw = request.session.get(ROSTER_SESSION_KEY, {}).get(federation.slug)
        if raw is None:
            messages.error(request, _("Ladda upp filen igen: den förhandsgranskade filen finns inte kvar."))
            return redirect("federations:roster_import", slug=federation.slug)
        imported = attempt(
            request,
            lambda: roster.apply(federation, raw.encode("utf-8"), actor=request.user),
            lambda done: _("Importen är klar: %(count)s rader.") % {"count": len(done)},
        )
        if imported is not REFUSED:
            request.session.pop(ROSTER_SESSION_KEY, None)
            return redirect("federations:register_edit", slug=federation.slug)
    elif request.method == "POST":
        form = RosterUploadForm(request.POST, request.FILES)
        plans = save_form(request, form, lambda file: roster.plan(federation, file)) or None
        if plans:
            request.session[ROSTER_SESSION_KEY] = {federation.slug: roster.decode(form.cleaned_data["file"])}
    return render(
        request,
        "federations/roster_import.html",
        {
            "federation": federation,
            "form": form,
            "plans": plans,
            "all_ok": plans is not None and all(p.ok for p in plans),
            "columns": roster.COLUMNS,
        },
    )
