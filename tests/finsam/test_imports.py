"""What a web process carries: the libraries of PDFs and documents are loaded where a PDF is rendered or a document
read, not by every process that serves pages (they weigh some 50 MB, which an export would carry on top)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ["weasyprint", "pdfplumber", "docx", "pypdf", "pypdfium2", "openpyxl", "faker"]


def test_loading_the_urls_loads_no_pdf_or_document_library():
    code = (
        "import django, os, sys; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'finsam.settings'); django.setup(); "
        "from django.urls import get_resolver; get_resolver().url_patterns; "
        f"print(sorted(name for name in {HEAVY!r} if name in sys.modules))"
    )
    env = {**os.environ, "DEBUG": "1"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_web_process_starts_with_its_views_loaded_and_start_up_frozen_out_of_the_collector():
    code = (
        "import gc, sys; import finsam.wsgi; "
        "print(gc.get_freeze_count() > 50_000, 'meetings.register.views' in sys.modules)"
    )
    env = {**os.environ, "DEBUG": "1"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True True"


def test_a_worker_process_freezes_its_start_up_out_of_the_collector():
    code = (
        "import gc, django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'finsam.settings'); django.setup(); "
        "from celery.signals import worker_process_init, worker_ready; import finsam.celery; "
        "before = gc.get_freeze_count(); worker_process_init.send(sender=None); child = gc.get_freeze_count(); "
        "gc.unfreeze(); worker_ready.send(sender=None); "
        "print(before == 0, child > 50_000, gc.get_freeze_count() > 50_000)"
    )
    env = {**os.environ, "DEBUG": "1"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True True True"
