"""Check the system libraries WeasyPrint needs; say in one line how to install what is missing."""

import sys

DEBIAN_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fonts-dejavu-core"


def main():
    try:
        import weasyprint  # noqa: F401  (loads pango and harfbuzz through cffi)
    except OSError as exc:
        print(f"WeasyPrint cannot load a system library ({exc}).", file=sys.stderr)
        print(f"Install them with: sudo apt-get install -y {DEBIAN_PACKAGES}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
