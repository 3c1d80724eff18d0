"""The start page, /: for a signed-in user what waits and their meetings; for anyone else the public ways in."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from meetings.home.selectors import home_for


@require_GET
def home(request):
    context = home_for(request.user) if request.user.is_authenticated else {}
    return render(request, "meetings/home.html", context)
