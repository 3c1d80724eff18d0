"""The federation's signing page (methods, sealing certificate), the administrator's entry of an identity number,
and a person's own "Koppla e-legitimation". Thin views over federations/linking.py."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from finsam import oidc
from finsam.web import attempt, save_form

from . import linking
from .forms import IdentityNumberForm, SealUploadForm, SigningMethodsForm
from .permissions import get_person_for_editing, roles_for
from .trust import FederationSeal, PersonIdentity


@login_required
@require_http_methods(["GET", "POST"])
def signing_settings(request, slug):
    federation = linking.get_federation_for_administration(request.user, slug)
    current = linking.signing_of(federation)
    form = SigningMethodsForm(
        request.POST or None,
        providers=oidc.providers(),
        initial={"providers": current.providers, "eid_required": current.eid_required},
    )
    write = partial(linking.signing_save, actor=request.user, federation=federation)
    if save_form(request, form, write, _("Justeringsmetoderna är sparade.")):
        return redirect("federations:signing_settings", slug=federation.slug)
    context = {
        "federation": federation,
        "form": form,
        "seal": FederationSeal.objects.filter(federation=federation).first(),
        "seal_form": SealUploadForm(),
    }
    return render(request, "federations/signing_settings.html", context)


@login_required
@require_POST
def seal_upload(request, slug):
    federation = linking.get_federation_for_administration(request.user, slug)
    form = SealUploadForm(request.POST, request.FILES)
    write = partial(linking.seal_upload, actor=request.user, federation=federation)
    if not save_form(request, form, write, _("Sigillcertifikatet är sparat.")):
        messages.error(request, " ".join(m for errors in form.errors.values() for m in errors))
    return redirect("federations:signing_settings", slug=federation.slug)


@login_required
@require_POST
def seal_remove(request, slug):
    federation = linking.get_federation_for_administration(request.user, slug)
    attempt(
        request,
        lambda: linking.seal_remove(actor=request.user, federation=federation),
        _("Sigillcertifikatet är borttaget; portalens eget sigill används."),
    )
    return redirect("federations:signing_settings", slug=federation.slug)


@login_required
@require_http_methods(["GET", "POST"])
def identity_enter(request, slug, pk):
    federation = linking.get_federation_for_administration(request.user, slug)
    person = get_person_for_editing(request.user, federation, pk)
    form = IdentityNumberForm(request.POST or None)
    write = partial(linking.identity_enter, actor=request.user, federation=federation, person=person)
    if save_form(request, form, write, _("Personnumret är kopplat.")):
        return redirect("federations:person_detail", pk=person.pk)
    context = {
        "federation": federation,
        "person": person,
        "form": form,
        "identity": PersonIdentity.objects.filter(person=person).first(),
    }
    return render(request, "federations/identity_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def eid_link(request):
    """Koppla e-legitimation: the person identifies themselves once, and the number is linked to them."""
    person = roles_for(request.user).person
    if request.method == "POST" and person is not None:
        chosen = oidc.provider(request.POST.get("provider", ""))
        if chosen is None:
            messages.error(request, _("Välj en e-legitimation."))
            return redirect("federations:eid_link")
        try:
            url = oidc.begin(
                request,
                chosen,
                purpose=linking.LINK_PURPOSE,
                redirect_uri=request.build_absolute_uri(reverse("meetings:eid_return")),
                data={"person": person.pk},
                binding_text=_("Koppla e-legitimation till Finsamportalen"),
            )
        except oidc.Refused as exc:
            messages.error(request, str(exc))
            return redirect("federations:eid_link")
        return redirect(url)
    context = {
        "person": person,
        "identity": PersonIdentity.objects.filter(person=person).first() if person else None,
        "providers": oidc.providers(),
    }
    return oidc.allowing_forms_to(render(request, "federations/eid_link.html", context), context["providers"])
