"""/driftstatus/: the installation's status for its administrators (staff), each part green or red."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import status


@never_cache
@require_GET
def status_page(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not (request.user.is_staff or request.user.is_superuser):
        raise PermissionDenied
    checks = status.checks()
    return render(
        request, "meetings/operations/status.html", {"checks": checks, "all_ok": all(check.ok for check in checks)}
    )
