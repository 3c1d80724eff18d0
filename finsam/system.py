"""Check the system libraries WeasyPrint needs; say in one line how to install what is missing. Say whether scanned
minutes can be read (OCR), which is optional."""

import shutil
import subprocess
import sys

DEBIAN_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fonts-dejavu-core"
OCR_DEBIAN_PACKAGES = "tesseract-ocr tesseract-ocr-swe"
SYMBOL_FONT_PACKAGE = "fonts-symbola"


def symbols_printable():
    """A font for the emoji and symbols a protocol may hold ("👍", "✅"): DejaVu has none, and the PDF prints boxes."""
    program = shutil.which("fc-list")
    if program is None:
        return True  # no fontconfig to ask; WeasyPrint's own check above speaks for the fonts
    try:
        listed = subprocess.run(
            [program, ":charset=1f44d", "family"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return True
    return bool(listed.stdout.strip())


def ocr_available():
    """Tesseract with its Swedish data (the same test as meetings.importing.ocr, without loading Django)."""
    program = shutil.which("tesseract")
    if program is None:
        return False
    try:
        listed = subprocess.run([program, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return "swe" in {line.strip() for line in (listed.stdout + listed.stderr).splitlines()}


def main():
    try:
        import weasyprint  # noqa: F401  (loads pango and harfbuzz through cffi)
    except OSError as exc:
        print(f"WeasyPrint cannot load a system library ({exc}).", file=sys.stderr)
        print(f"Install them with: sudo apt-get install -y {DEBIAN_PACKAGES}", file=sys.stderr)
        sys.exit(1)
    if not symbols_printable():
        print(
            "Emoji and symbols in a protocol print as empty boxes in its PDF: no font has them. Install one with: "
            f"sudo apt-get install -y {SYMBOL_FONT_PACKAGE}",
            file=sys.stderr,
        )
    if not ocr_available():
        print(
            "Scanned minutes cannot be imported: OCR (Tesseract with Swedish) is not installed. Optional; install it "
            f"with: sudo apt-get install -y {OCR_DEBIAN_PACKAGES}",
            file=sys.stderr,
        )


if __name__ == "__main__":
    main()
