"""Import minutes in the portal: upload, see the parsed result beside the text, correct, save."""

import hashlib
import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods

from federations.forms import DateInput
from meetings.importing import MAX_BYTES, UnreadableDocument, parse_text, read_document
from meetings.importing.services import match_body, match_federation, save_parsed
from meetings.permissions import writable_bodies

SESSION_KEY = "minutes_imports"
MAX_FILES = 20


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; each is read and checked by the importer, which says what is wrong with it."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, allow_empty_file=True, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in files if item] or super().clean(None)


class UploadForm(forms.Form):
    files = MultipleFileField(
        label=_lazy("Protokoll eller minnesanteckningar"),
        help_text=_lazy("Text (.txt), Word (.docx) eller PDF med text. Högst 20 MB per fil."),
        widget=MultipleFileInput(attrs={"accept": ".txt,.docx,.pdf"}),
    )


class ReviewForm(forms.Form):
    text = forms.CharField(label=_lazy("Dokumentets text"), widget=forms.Textarea(attrs={"rows": 30}), strip=False)
    body = forms.ModelChoiceField(label=_lazy("Organ"), queryset=None)
    date = forms.DateField(label=_lazy("Mötesdatum"), required=False, widget=DateInput())

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies


def _uploads(request):
    return request.session.setdefault(SESSION_KEY, [])


def _store(upload):
    """Keep the original file until the import is saved (it becomes the meeting's attachment)."""
    directory = Path(settings.MEDIA_ROOT) / "imports" / "pending"
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{uuid.uuid4().hex}{Path(upload.name).suffix.lower()}"
    data = upload.read()
    path.write_bytes(data)
    return path, data


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request):
    if not writable_bodies(request.user).exists():
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        files = form.cleaned_data["files"][:MAX_FILES]
        uploads = _uploads(request)
        for upload in files:
            if upload.size > MAX_BYTES:
                messages.error(request, f"{upload.name}: " + _("Filen är större än 20 MB."))
                continue
            path, data = _store(upload)
            try:
                text = read_document(data, upload.name)
                parse_text(text)
            except UnreadableDocument as exc:
                path.unlink(missing_ok=True)
                messages.error(request, f"{upload.name}: {exc.message}")
                continue
            uploads.append(
                {
                    "id": uuid.uuid4().hex,
                    "name": upload.name,
                    "path": str(path),
                    "text": text,
                    "sha256": hashlib.sha256(data).hexdigest(),
                }
            )
        request.session.modified = True
        if uploads:
            return redirect("meetings:import_review", upload_id=uploads[-1]["id"])
    return render(request, "meetings/importing/upload.html", {"form": form, "uploads": _uploads(request)})


@login_required
@require_http_methods(["GET", "POST"])
def import_review(request, upload_id):
    bodies = writable_bodies(request.user)
    if not bodies.exists():
        raise PermissionDenied
    uploads = _uploads(request)
    upload = next((u for u in uploads if u["id"] == upload_id), None)
    if upload is None:
        raise Http404
    text = request.POST.get("text", upload["text"]) if request.method == "POST" else upload["text"]
    parsed, error = None, None
    try:
        parsed = parse_text(text)
    except UnreadableDocument as exc:
        error = exc.message
    initial = {"text": text}
    if parsed:
        federation = match_federation(parsed["organisation"])
        body = match_body(federation, parsed["body"])
        initial.update(body=body if body and body in bodies else None, date=parsed["date"])
    form = ReviewForm(request.POST or None, initial=initial, bodies=bodies)
    if request.method == "POST":
        upload["text"] = text
        request.session.modified = True
        if "save" in request.POST and parsed and form.is_valid():
            data = Path(upload["path"]).read_bytes() if Path(upload["path"]).exists() else text.encode()
            try:
                meeting = save_parsed(
                    parsed,
                    body=form.cleaned_data["body"],
                    actor=request.user,
                    source_name=upload["name"],
                    source_bytes=data,
                    date=form.cleaned_data["date"],
                )
            except ValidationError as exc:
                form.add_error("date", exc.messages)
            else:
                Path(upload["path"]).unlink(missing_ok=True)
                uploads.remove(upload)
                request.session.modified = True
                messages.success(request, _("Mötet är importerat."))
                return redirect(meeting)
    return render(
        request,
        "meetings/importing/review.html",
        {"form": form, "parsed": parsed, "error": error, "upload": upload, "uploads": uploads},
    )
