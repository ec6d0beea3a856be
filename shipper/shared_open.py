"""Opens a log file for reading without getting in the POS application's way.

On Windows a plain `open()` keeps others from renaming or deleting the file while it is open,
so the application's log rotation fails. There the file is opened with CreateFileW sharing
read, write and delete. Elsewhere a plain open already allows all of that.
"""

import os
from typing import BinaryIO

GENERIC_READ = 0x80000000
FILE_SHARE_READ_WRITE_DELETE = 0x1 | 0x2 | 0x4
OPEN_EXISTING = 3
FILE_ATTRIBUTE_NORMAL = 0x80
INVALID_HANDLE_VALUE = -1


def open_shared(path: str) -> BinaryIO:
    """An unbuffered binary read handle on `path` that lets others rename and delete it."""
    if os.name != "nt":
        return open(path, "rb", buffering=0)
    return _open_shared_windows(path)


def _open_shared_windows(path: str) -> BinaryIO:  # pragma: no cover - Windows only
    import ctypes
    import msvcrt
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    create_file = kernel32.CreateFileW
    create_file.argtypes = [
        wintypes.LPCWSTR,
        wintypes.DWORD,
        wintypes.DWORD,
        wintypes.LPVOID,
        wintypes.DWORD,
        wintypes.DWORD,
        wintypes.HANDLE,
    ]
    create_file.restype = wintypes.HANDLE
    handle = create_file(
        os.path.abspath(path),
        GENERIC_READ,
        FILE_SHARE_READ_WRITE_DELETE,
        None,
        OPEN_EXISTING,
        FILE_ATTRIBUTE_NORMAL,
        None,
    )
    if handle is None or handle == ctypes.c_void_p(INVALID_HANDLE_VALUE).value:
        error = ctypes.get_last_error()
        raise OSError(error, ctypes.FormatError(error), path)
    descriptor = msvcrt.open_osfhandle(handle, os.O_RDONLY | os.O_BINARY)
    return os.fdopen(descriptor, "rb", buffering=0)
