from django.shortcuts import render

from meetings.drafting.selectors import home_for


def home(request):
    context = home_for(request.user) if request.user.is_authenticated else {}
    return render(request, "home.html", context)
