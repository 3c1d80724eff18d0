from django.shortcuts import render
from django.views.decorators.http import require_GET

from meetings.drafting.selectors import home_for


@require_GET
def home(request):
    context = home_for(request.user) if request.user.is_authenticated else {}
    return render(request, "home.html", context)
