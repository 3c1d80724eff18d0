from django.shortcuts import render

from meetings.selectors import waiting_for


def home(request):
    waiting = waiting_for(request.user) if request.user.is_authenticated else []
    return render(request, "home.html", {"waiting": waiting})
