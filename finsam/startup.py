"""What a web process does once, when it starts and before it serves a request."""

import gc


def settle():
    """Import every view (the first request would otherwise pay for it) and move what start-up made (some 140,000
    objects of Django, the apps and their libraries, alive as long as the process) out of the garbage collector's
    sight: a full collection walked them all, 60-65 ms that fell on whichever request came at the time, the tail of
    the register's p95. Objects made later are collected as before."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - loading the URLconf imports every view
    gc.collect()
    gc.freeze()


def settle_worker(**_signal):
    """A Celery worker process once it has started (worker_process_init in each prefork child, worker_ready with
    the solo pool): start-up frozen out of the collector's sight as in a web process. Rendering and sealing a
    protocol makes hundreds of thousands of objects, so full collections come often; each walked Django, the apps
    and their libraries again (about 70 ms with the PDF libraries loaded), one or two per 100-§ protocol."""
    gc.collect()
    gc.freeze()
