"""`python -m loadtest.exports --database NAME [--query q=ansökan]`: a large export of the register, CSV and Excel,
asked for through gunicorn with the production settings (the Dockerfile's 3 sync workers and gunicorn's 30 s
timeout) and written by a real Celery worker, as a visitor would: the export page, its POST, the progress page
polled until the file is there, the download. The database must already hold the data (generate_network_data);
it is used as it is and never dropped. Prints per format the rows the job counted, the rows read back from the
downloaded file, the seconds until the file was ready and the download's seconds and size. Exit status 0 when
both files came whole (every counted row read back), 1 otherwise.
"""

import argparse
import csv
import io
import os
import re
import sys
import time

import requests

from . import services

FORMATS = {"csv": "/beslut/export.csv", "xlsx": "/beslut/export.xlsx"}


def parse(argv=None):
    parser = argparse.ArgumentParser(prog="python -m loadtest.exports", description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True, help="a database holding generate_network_data's register")
    parser.add_argument("--postgres", default=os.environ.get("LOADTEST_POSTGRES", "postgres://postgres@127.0.0.1:5432"))
    parser.add_argument("--redis", default=os.environ.get("LOADTEST_REDIS", "redis://127.0.0.1:6379/4"))
    parser.add_argument("--query", default="q=ansökan", help="the register's address parameters")
    parser.add_argument("--formats", default="csv,xlsx")
    parser.add_argument("--port", type=int, default=8250)
    parser.add_argument("--wait", type=float, default=1800, help="seconds to wait for each file")
    return parser.parse_args(argv)


def main(argv=None):
    options = parse(argv)
    portal = services.Portal(
        postgres=options.postgres, database=options.database, redis=options.redis, port=options.port, workers=3
    )
    whole = True
    try:
        portal.collect_static()
        portal.start()
        for name in options.formats.split(","):
            result = export(portal.base, FORMATS[name], options.query, options.wait)
            whole &= result["read"] == result["counted"]
            print(
                f"{name}: {result['counted']:,} rows counted, {result['read']:,} read back from the file; "
                f"ready after {result['ready_s']:.0f} s, downloaded {result['megabytes']:.1f} MB in "
                f"{result['download_s']:.1f} s",
                flush=True,
            )
    except (services.StartError, ExportError) as error:
        print(f"The export could not be measured: {error}")
        return 1
    finally:
        portal.stop(keep=True)  # someone else's data: never dropped
    return 0 if whole else 1


class ExportError(Exception):
    pass


def export(base, path, query, wait):
    """One export as a visitor asks for it; the figures of it."""
    session = requests.Session()
    url = f"{base}{path}?{query}"
    page = session.get(url, timeout=60)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    if page.status_code != 200 or token is None:
        raise ExportError(f"{url} answered {page.status_code} without the page that offers a background export")
    started = time.perf_counter()
    job = session.post(url, data={"csrfmiddlewaretoken": token.group(1)}, timeout=60)
    if job.status_code != 200 or "/beslut/export/" not in job.url:
        raise ExportError(f"the export's POST answered {job.status_code} at {job.url}")
    download = None
    while download is None:
        if time.perf_counter() - started > wait:
            raise ExportError(f"no file after {wait:.0f} s")
        time.sleep(2)
        progress = session.get(job.url, headers={"HX-Request": "true"}, timeout=60)
        if 'role="alert"' in progress.text:
            raise ExportError("the job failed")
        found = re.search(r'href="([^"]+/fil)"', progress.text)
        download = found and found.group(1)
    ready = time.perf_counter() - started
    rows = re.search(r'data-rows-written="(\d+)"', progress.text)  # the finished job's count, in any language
    if rows is None:
        raise ExportError("the finished job says no count of rows")
    counted = int(rows.group(1))
    started = time.perf_counter()
    response = session.get(base + download, timeout=600)
    took = time.perf_counter() - started
    if response.status_code != 200:
        raise ExportError(f"the download answered {response.status_code}")
    return {
        "counted": counted,
        "read": rows_in(path, response.content),
        "ready_s": ready,
        "download_s": took,
        "megabytes": len(response.content) / 1e6,
    }


def rows_in(path, content):
    """The data rows of a downloaded export (its header row not counted)."""
    if path.endswith(".csv"):
        return sum(1 for _row in csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";")) - 1
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    return sum(1 for _row in sheet.iter_rows(values_only=True)) - 1


if __name__ == "__main__":
    sys.exit(main())
