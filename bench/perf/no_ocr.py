"""OCR off for the benchmarks: altbuild's builtin describer runs Tesseract
when it finds it on PATH, so a PATH without it measures the rest alone."""
import os


def no_ocr_path(work):
    """A PATH of symlinks, in WORK, to everything on PATH except tesseract:
    OCR off, everything else where altbuild (or anything it runs) would look for it."""
    folder = os.path.join(work, "path-without-tesseract")
    os.makedirs(folder, exist_ok=True)
    for directory in os.environ.get("PATH", "").split(":"):
        if not os.path.isdir(directory):
            continue
        for name in os.listdir(directory):
            source = os.path.join(directory, name)
            target = os.path.join(folder, name)
            if name == "tesseract" or os.path.lexists(target):
                continue
            if os.path.isfile(source) and os.access(source, os.X_OK):
                os.symlink(source, target)
    assert not os.path.exists(os.path.join(folder, "tesseract"))
    return folder
