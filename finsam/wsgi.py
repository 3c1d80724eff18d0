import os

from django.core.wsgi import get_wsgi_application

from finsam.startup import settle

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "finsam.settings")
application = get_wsgi_application()
settle()
